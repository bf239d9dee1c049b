package org.psi.enrollment.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.psi.common.domain.NationalId;
import org.psi.common.test.Tokens;

/** Test data made through the API, fresh for each test: no test depends on another. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A valid citizen ID for someone born on {@code birth}, registered in {@code region}; odd sequence = male. */
    public static String nationalId(String region, LocalDate birth, boolean male) {
        int seq = ThreadLocalRandom.current().nextInt(0, 499) * 2 + (male ? 1 : 0);
        String first17 = region + birth.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + NationalId.checkCharacter(first17);
    }

    public static String nationalId() {
        return nationalId("440305", LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 7000)), true);
    }

    public record Registered(String token, String workerId, String nationalId, String subject) {
    }

    public static Registered worker(String nationalId, String residenceRegion) {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.worker(subject);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nationalId", nationalId, "name", "Test Worker", "phone", "13800138000",
                        "residenceRegion", residenceRegion))
                .post("/api/workers").then().statusCode(201).extract().path("workerId");
        return new Registered(token, id, nationalId, subject);
    }

    public static Registered worker() {
        return worker(nationalId(), "440305");
    }

    public static ValidatableResponse enrol(String token, String scheme, String region, Integer grade, String startMonth) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("scheme", scheme);
        body.put("region", region);
        if (grade != null) {
            body.put("baseGrade", grade);
        }
        if (startMonth != null) {
            body.put("startMonth", startMonth);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/workers/me/enrollments").then();
    }

    /** Registers a platform as admin; returns its code. Client id is {@code client-<code>}. */
    public static String platform(String... sectors) {
        String code = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Platform " + code, "creditCode", creditCode(),
                        "clientId", "client-" + code, "sectors", sectors.length == 0 ? java.util.List.of("FOOD_DELIVERY") : java.util.List.of(sectors)))
                .post("/api/platforms").then().statusCode(201);
        return code;
    }

    /** A random valid unified social credit code. */
    public static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder s = new StringBuilder("91");
        for (int i = 0; i < 15; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return s.toString() + org.psi.common.domain.CreditCode.checkCharacter(s.toString());
    }
}
