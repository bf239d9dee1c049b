package org.psi.transfer.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.psi.common.test.Tokens;

/** Test data, fresh for each test: workers in the stand-ins, and cases made through the API. */
public final class Fixtures {

    /** Pension money that is not the test worker's, in every pooled fund the fixtures touch. */
    public static final long OTHER_POOLED_FEN = 50_000_000_00L;

    private Fixtures() {
    }

    public record Worker(String subject, String token, String workerId) {
    }

    /** A registered worker with no enrollments. */
    public static Worker registered(LocalDate birthDate, String sex, String hukouRegion) {
        String subject = UUID.randomUUID().toString();
        EnrollmentStandIn.Worker w = StandIns.enrollment().register(subject, birthDate, sex, hukouRegion);
        return new Worker(subject, Tokens.worker(subject), w.workerId);
    }

    /**
     * A worker with an ACTIVE enrollment of {@code scheme} in {@code region} for the last {@code months}
     * months, an individual account and a pooled-fund share there.
     */
    public static Worker insured(String scheme, String region, LocalDate birthDate, String sex, String hukouRegion,
                                 long individualFen, long pooledShareFen, int months) {
        Worker w = registered(birthDate, sex, hukouRegion);
        StandIns.enrollment().enrol(w.workerId(), scheme, region, "ACTIVE", YearMonth.now().minusMonths(months), null);
        StandIns.contribution().seed(w.workerId(), scheme, region, individualFen, pooledShareFen, months, OTHER_POOLED_FEN,
                Map.of(region, months));
        return w;
    }

    /** A 35-year-old man registered in {@code region}'s province, insured there: the funds move. */
    public static Worker pension(String region, long individualFen, long pooledShareFen) {
        return insured("PENSION", region, LocalDate.now().minusYears(35), "MALE", region, individualFen, pooledShareFen, 48);
    }

    public static Worker medical(String city, long individualFen) {
        return insured("MEDICAL", city, LocalDate.now().minusYears(30), "FEMALE", city, individualFen, 0, 24);
    }

    public static ValidatableResponse submit(String token, String scheme, String toRegion, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("scheme", scheme);
        body.put("toRegion", toRegion);
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/transfers").then();
    }

    public static String submitted(Worker w, String scheme, String toRegion) {
        return submit(w.token(), scheme, toRegion, UUID.randomUUID().toString()).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse act(String token, String id, String action) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/transfers/" + id + "/" + action).then();
    }

    public static ValidatableResponse accept(String id, String officerRegion) {
        return act(Tokens.officer(officerRegion), id, "accept");
    }

    public static ValidatableResponse transferOut(String id, String officerRegion) {
        return act(Tokens.officer(officerRegion), id, "transfer-out");
    }

    public static ValidatableResponse reject(String id, String officerRegion, String reason) {
        return given().auth().oauth2(Tokens.officer(officerRegion)).contentType(ContentType.JSON)
                .body(Map.of("reason", reason)).post("/api/transfers/" + id + "/reject").then();
    }

    public static ValidatableResponse view(String id) {
        return given().auth().oauth2(Tokens.admin()).get("/api/transfers/" + id).then().statusCode(200);
    }

    public static String status(String id) {
        return view(id).extract().path("status");
    }

    /** Waits until the case has the status and the saga owes it nothing. */
    public static void awaitSettled(String id, String status) {
        Await.until("transfer " + id + " " + status + " and settled", () -> {
            var v = view(id).extract();
            return status.equals(v.path("status")) && v.path("saga.pendingAction") == null;
        });
    }

    /** Waits until the saga has held the funds. */
    public static void awaitHeld(String id) {
        Await.until("funds of " + id + " held", () -> "HELD".equals(view(id).extract().path("funds.state")));
    }
}
