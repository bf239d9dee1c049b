package org.psi.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A worker made for one test (a Keycloak user of their own, registered, with a PENSION enrollment and
 * FastMeal linked), and what they have: with {@link #paidMonth}, a paid month of pension in their region
 * (FastMeal's part and their own), so that their individual account holds money to move.
 */
record Insured(String username, String token, String workerId, String nationalId, String region) {

    static final String MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

    /** {@code username} must be new to the stack; {@code residence} a city of {@code region}. */
    static Insured enrolled(String username, String region, String residence, LocalDate birth) {
        Demo.platforms();
        String nationalId = TestData.nationalId(residence, birth, false);
        Keycloak.newWorker(username, "Test", username, nationalId);
        String token = Tokens.worker(username);
        String workerId = Stack.enrollment(Tokens.registration(username)).body(Map.of("nationalId", nationalId, "name", "Worker " + username,
                "phone", "13700137002", "residenceRegion", residence)).post("/api/workers").then().statusCode(201)
                .extract().path("workerId");
        Stack.enrollment(token).body(Map.of("scheme", "PENSION", "region", region, "baseGrade", 100))
                .post("/api/workers/me/enrollments").then().statusCode(201);
        Stack.enrollment(token).body(Map.of("platformCode", Demo.FASTMEAL)).post("/api/workers/me/platform-links")
                .then().statusCode(201);
        return new Insured(username, token, workerId, nationalId, region);
    }

    /** A paid month of pension: a FastMeal line of {@code platformFen} and the rest paid by the worker; returns the individual account. */
    long paidMonth(String ref, long platformFen) {
        Stack.contribution(Tokens.platform("platform-fastmeal")).header("Idempotency-Key", "feed-" + ref)
                .body(Map.of("lines", List.of(line(ref, platformFen)))).post("/api/contribution-batches").then()
                .statusCode(201).body("accepted", equalTo(1));
        long due = statement().getLong("months.find { it.month == '%s' }.dueFen".formatted(MONTH));
        Stack.contribution(token).header("Idempotency-Key", "pay-" + ref)
                .body(Map.of("scheme", "PENSION", "month", MONTH, "amountFen", due - platformFen, "paymentRef", "PAY-" + ref))
                .post("/api/workers/me/payments").then().statusCode(201).body("monthStatus", equalTo("PAID"));
        long individual = statement().getLong("totals.individualAccountFen");
        assertTrue(individual > 0, "the paid month fed the individual account");
        return individual;
    }

    /** One FastMeal line of this worker's pension for this month. */
    Map<String, Object> line(String ref, long fen) {
        return Map.of("ref", ref, "nationalId", nationalId, "scheme", "PENSION", "period", MONTH, "amountFen", fen);
    }

    JsonPath statement() {
        return Stack.contribution(token).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The balance of the individual account in a region, 0 if there is none. */
    long balance(String inRegion) {
        Long fen = statement().getObject("totals.individualAccounts.find { it.region == '%s' }.balanceFen".formatted(inRegion),
                Long.class);
        return fen == null ? 0L : fen;
    }

    /** The worker's PENSION enrollments: region and status of each. */
    List<Map<String, Object>> pensionEnrollments() {
        return Stack.enrollment(token).get("/api/workers/me/enrollments").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.scheme == 'PENSION' }");
    }
}
