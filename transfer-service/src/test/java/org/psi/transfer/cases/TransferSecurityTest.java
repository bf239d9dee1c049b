package org.psi.transfer.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.transfer.support.Db;
import org.psi.transfer.support.Fixtures;
import org.psi.transfer.support.StandIns;

/**
 * Bad input and wrong callers: each gets the right 4xx with a problem+json body, and nothing changes
 * (no case, no event, no call to the other services, the case's status as it was).
 */
@QuarkusTest
class TransferSecurityTest {

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("type", notNullValue()).body("title", notNullValue()).body("detail", notNullValue());
    }

    /** A PENSION case from Guangdong to Shanghai with its funds held, and its event count. */
    private record Case(Fixtures.Worker worker, String id, long events) {
    }

    private static Case heldCase() {
        Fixtures.Worker w = Fixtures.pension("440000", 10_000, 20_000);
        String id = Fixtures.submitted(w, "PENSION", "310000");
        Fixtures.awaitHeld(id);
        return new Case(w, id, Db.events(id));
    }

    private static void unchanged(Case c, String status) {
        Fixtures.view(c.id()).body("status", equalTo(status));
        assertEquals(c.events(), Db.events(c.id()));
    }

    @ParameterizedTest
    @CsvSource({
            "PENSION,990000,toRegion,UNKNOWN_REGION",
            "PENSION,31000,toRegion,INVALID_REGION_CODE",
            "PENSION,310100,toRegion,NOT_A_POOLING_REGION",
            "PENSION,440000,toRegion,SAME_REGION",
            "OCCUPATIONAL_INJURY,310000,scheme,NOTHING_TO_TRANSFER",
            "LIFE,310000,scheme,UNKNOWN_SCHEME",
    })
    void badApplicationsAre400AndOpenNothing(String scheme, String toRegion, String field, String code) {
        Fixtures.Worker w = Fixtures.pension("440000", 1, 1);
        problem(Fixtures.submit(w.token(), scheme, toRegion, UUID.randomUUID().toString()), 400)
                .body("errors[0].field", equalTo(field)).body("errors[0].code", equalTo(code));
        problem(given().auth().oauth2(w.token()).queryParam("scheme", scheme).queryParam("toRegion", toRegion)
                .get("/api/transfers/preview").then(), 400).body("errors[0].code", equalTo(code));
        assertEquals(0, Db.casesOf(w.workerId()));
    }

    @Test
    void missingFieldsMalformedBodiesAndBadKeysAre400() {
        Fixtures.Worker w = Fixtures.pension("440000", 1, 1);
        problem(given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("scheme", "PENSION"))
                .post("/api/transfers").then(), 400).body("errors.field", hasItem("toRegion"));
        problem(given().auth().oauth2(w.token()).contentType(ContentType.JSON).body("{\"scheme\":")
                .post("/api/transfers").then(), 400);
        problem(given().auth().oauth2(w.token()).contentType(ContentType.JSON)
                .body(Map.of("scheme", "PENSION", "toRegion", "310000", "fromRegion", "110000"))
                .post("/api/transfers").then(), 400).body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        problem(Fixtures.submit(w.token(), "PENSION", "310000", "k".repeat(256)), 400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        problem(given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").get("/api/transfers/preview").then(), 400)
                .body("errors[0].field", equalTo("toRegion"));
        assertEquals(0, Db.casesOf(w.workerId()));
    }

    @Test
    void withoutAnActiveEnrollmentThereIsNothingToTransfer() {
        Fixtures.Worker none = Fixtures.registered(LocalDate.now().minusYears(30), "MALE", "440305");
        problem(Fixtures.submit(none.token(), "PENSION", "310000", null), 409).body("type", equalTo("https://psi.example/problems/no-active-enrollment"));
        problem(given().auth().oauth2(none.token()).queryParam("scheme", "PENSION").queryParam("toRegion", "310000")
                .get("/api/transfers/preview").then(), 409);
        Fixtures.Worker suspended = Fixtures.registered(LocalDate.now().minusYears(30), "MALE", "440305");
        StandIns.enrollment().enrol(suspended.workerId(), "MEDICAL", "440300", "SUSPENDED", YearMonth.now().minusMonths(5), null);
        problem(Fixtures.submit(suspended.token(), "MEDICAL", "440100", null), 409);
        // a worker the enrollment-service does not know
        problem(Fixtures.submit(Tokens.newWorker(), "PENSION", "310000", null), 404);
        assertEquals(0, Db.casesOf(none.workerId()) + Db.casesOf(suspended.workerId()));
    }

    @Test
    void aSecondOpenTransferOfTheSameSchemeIs409() {
        Case c = heldCase();
        problem(Fixtures.submit(c.worker().token(), "PENSION", "320000", null), 409)
                .body("type", equalTo("https://psi.example/problems/transfer-open"));
        assertEquals(1, Db.casesOf(c.worker().workerId()));
    }

    @Test
    void anOfficerOfAThirdRegionSeesNothingAndCanDoNothing() {
        Case c = heldCase();
        String beijing = Tokens.officer("110000");
        problem(given().auth().oauth2(beijing).get("/api/transfers/" + c.id()).then(), 404);
        problem(given().auth().oauth2(beijing).get("/api/transfers/" + c.id() + "/events").then(), 404);
        problem(Fixtures.accept(c.id(), "110000"), 404);
        problem(Fixtures.reject(c.id(), "110000", "not ours"), 404);
        problem(Fixtures.transferOut(c.id(), "110000"), 404);
        // a city officer of another province's city, too
        problem(Fixtures.accept(c.id(), "310100"), 404);
        problem(given().auth().oauth2(beijing).get("/api/regions/310000/transfers").then(), 403);
        unchanged(c, "SUBMITTED");
    }

    @Test
    void theSourceCannotAcceptAndTheDestinationCannotTransferOut() {
        Case c = heldCase();
        problem(Fixtures.accept(c.id(), "440000"), 403);
        problem(Fixtures.reject(c.id(), "440000", "not ours to decide"), 403);
        unchanged(c, "SUBMITTED");
        Fixtures.accept(c.id(), "310000").statusCode(200);
        long events = Db.events(c.id());
        problem(Fixtures.transferOut(c.id(), "310000"), 403);
        Fixtures.view(c.id()).body("status", equalTo("ACCEPTED"));
        assertEquals(events, Db.events(c.id()));
    }

    @Test
    void aWorkerActingOnAnothersCaseGets404() {
        Case c = heldCase();
        Fixtures.Worker other = Fixtures.pension("440000", 1, 1);
        problem(given().auth().oauth2(other.token()).get("/api/transfers/" + c.id()).then(), 404);
        problem(given().auth().oauth2(other.token()).get("/api/transfers/" + c.id() + "/events").then(), 404);
        problem(Fixtures.act(other.token(), c.id(), "cancel"), 404);
        problem(Fixtures.act(Tokens.newWorker(), UUID.randomUUID().toString(), "cancel"), 404);
        unchanged(c, "SUBMITTED");
    }

    @Test
    void acceptAfterCancelIs409() {
        Case c = heldCase();
        Fixtures.act(c.worker().token(), c.id(), "cancel").statusCode(200);
        Fixtures.awaitSettled(c.id(), "CANCELLED");
        Case cancelled = new Case(c.worker(), c.id(), Db.events(c.id()));
        problem(Fixtures.accept(c.id(), "310000"), 409);
        problem(Fixtures.reject(c.id(), "310000", "too late"), 409);
        problem(Fixtures.transferOut(c.id(), "440000"), 409);
        problem(Fixtures.act(c.worker().token(), c.id(), "cancel"), 409);
        unchanged(cancelled, "CANCELLED");
    }

    @Test
    void transferOutBeforeAcceptanceIs409AndCancelAfterAcceptanceToo() {
        Case c = heldCase();
        problem(Fixtures.transferOut(c.id(), "440000"), 409);
        unchanged(c, "SUBMITTED");
        Fixtures.accept(c.id(), "310000").statusCode(200);
        Case accepted = new Case(c.worker(), c.id(), Db.events(c.id()));
        problem(Fixtures.act(c.worker().token(), c.id(), "cancel"), 409);
        unchanged(accepted, "ACCEPTED");
    }

    @Test
    void aRejectionNeedsAReason() {
        Case c = heldCase();
        problem(given().auth().oauth2(Tokens.officer("310000")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/transfers/" + c.id() + "/reject").then(), 400).body("errors[0].field", equalTo("reason"));
        problem(given().auth().oauth2(Tokens.officer("310000")).contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(1001)))
                .post("/api/transfers/" + c.id() + "/reject").then(), 400);
        unchanged(c, "SUBMITTED");
    }

    @Test
    void tokensAndRolesAreChecked() {
        Case c = heldCase();
        String path = "/api/transfers/" + c.id();
        problem(given().get(path).then(), 401);
        problem(given().auth().oauth2(Tokens.expired(c.worker().subject())).get(path).then(), 401);
        problem(given().auth().oauth2(Tokens.wrongAudience(c.worker().subject())).get(path).then(), 401);
        problem(given().auth().oauth2(Tokens.wrongIssuer(c.worker().subject())).get(path).then(), 401);
        problem(given().auth().oauth2(Tokens.badSignature(c.worker().subject())).get(path).then(), 401);
        problem(given().auth().oauth2(Tokens.platform("client-x")).get(path).then(), 403);
        problem(given().auth().oauth2(Tokens.auditor()).get(path).then(), 403);
        problem(given().auth().oauth2(Tokens.internal("psi-service")).get(path).then(), 403);
        // a worker cannot act as an officer, nor an officer as the worker
        problem(Fixtures.act(c.worker().token(), c.id(), "accept"), 403);
        problem(Fixtures.act(Tokens.officer("440000"), c.id(), "cancel"), 403);
        problem(given().auth().oauth2(Tokens.officer("310000")).queryParam("scheme", "PENSION").queryParam("toRegion", "310000")
                .get("/api/transfers/preview").then(), 403);
        // an officer token without a region claim may act on no region
        String noRegion = Tokens.sign(Tokens.builder("officer-x", Set.of("officer")));
        problem(Fixtures.act(noRegion, c.id(), "accept"), 403);
        problem(given().auth().oauth2(noRegion).get("/api/regions/310000/transfers").then(), 403);
        // a path that is not a case id
        problem(given().auth().oauth2(c.worker().token()).get("/api/transfers/not-a-uuid").then(), 404);
        unchanged(c, "SUBMITTED");
    }

    @Test
    void theOwnerBothOfficersAndAnAdminSeeTheCase() {
        Case c = heldCase();
        for (String token : new String[] {c.worker().token(), Tokens.officer("440000"), Tokens.officer("310000"), Tokens.admin()}) {
            given().auth().oauth2(token).get("/api/transfers/" + c.id()).then().statusCode(200).body("id", equalTo(c.id()));
            given().auth().oauth2(token).get("/api/transfers/" + c.id() + "/events").then().statusCode(200)
                    .body("integrity.valid", equalTo(true));
        }
    }

    @Test
    void whenTheEnrollmentServiceIsDownAKnownWorkerAppliesFromTheCopyAndAnUnknownLoginIs503() {
        Fixtures.Worker w = Fixtures.pension("440000", 1, 1); // registered: this service's copy has her
        StandIns.enrollment().fault("copy", null, org.psi.transfer.support.Fault.ERROR_BEFORE);
        // a login this service has not met must be looked up, and the enrollment-service cannot answer
        problem(Fixtures.submit(Tokens.worker(UUID.randomUUID().toString()), "PENSION", "310000", null), 503);
        // the known worker needs no call to it
        StandIns.enrollment().fault("copy", null, org.psi.transfer.support.Fault.ERROR_BEFORE);
        Fixtures.submit(w.token(), "PENSION", "310000", null).statusCode(201);
        assertEquals(1, Db.casesOf(w.workerId()));
        StandIns.enrollment().clearFaults();
    }
}
