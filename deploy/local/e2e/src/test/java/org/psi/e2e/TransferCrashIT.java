package org.psi.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transfer-service dies in the middle of a case, against the real enrollment-service and
 * contribution-service: a courier (liu.yang) moves her pension from Guangdong to Beijing; after the
 * transfer-out the saga moves her enrollment, and while it waits on the contribution-service (frozen
 * with SIGSTOP) to commit the funds, the transfer-service is killed with SIGKILL. The
 * contribution-service wakes, the transfer-service is started again, and the case must end
 * COMPLETED by itself, with her individual account moved whole: not lost, not counted twice.
 */
class TransferCrashIT {

    private static final ZoneId PSI_TIME = ZoneId.of("Asia/Shanghai");
    private static final String MONTH = YearMonth.now(PSI_TIME).toString();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String FROM = "440000";
    private static final String TO = "110000";

    private static String token;
    private static long individualAccount;

    @BeforeAll
    static void world() {
        Stack.assumeRuns("contribution-service");
        Stack.assumeRuns("transfer-service");
        StackControl.assumeControllable("transfer-service");
        StackControl.assumeControllable("contribution-service");
        Demo.platforms();
        token = Tokens.worker("liu.yang");
        // a paid month of pension in Guangdong, from FastMeal and from herself
        String nationalId = Tokens.verifiedId("liu.yang");
        Stack.enrollment(Tokens.registration("liu.yang")).body(Map.of("nationalId", nationalId, "name", "Liu Yang", "phone", "13700137001",
                "residenceRegion", "440104")).post("/api/workers").then().statusCode(201);
        Stack.enrollment(token).body(Map.of("scheme", "PENSION", "region", FROM, "baseGrade", 120))
                .post("/api/workers/me/enrollments").then().statusCode(201);
        Stack.enrollment(token).body(Map.of("platformCode", Demo.FASTMEAL)).post("/api/workers/me/platform-links")
                .then().statusCode(201);
        Stack.contribution(Tokens.platform("platform-fastmeal")).header("Idempotency-Key", "crash-story-" + RUN)
                .body(Map.of("lines", List.of(Map.of("ref", "FM-C-" + RUN, "nationalId", nationalId,
                        "scheme", "PENSION", "period", MONTH, "amountFen", 30_000))))
                .post("/api/contribution-batches").then().statusCode(201).body("accepted", equalTo(1));
        long due = statement().getLong("months.find { it.month == '%s' }.dueFen".formatted(MONTH));
        Stack.contribution(token).header("Idempotency-Key", "crash-story-pay-" + RUN)
                .body(Map.of("scheme", "PENSION", "month", MONTH, "amountFen", due - 30_000, "paymentRef", "ALIPAY-" + RUN))
                .post("/api/workers/me/payments").then().statusCode(201).body("monthStatus", equalTo("PAID"));
        individualAccount = statement().getLong("totals.individualAccountFen");
        assertTrue(individualAccount > 0, "the paid month fed her individual account");
        assertEquals(individualAccount, balance(statement(), FROM));
    }

    @Test
    void aCaseInterruptedBetweenMovingTheEnrollmentAndCommittingTheFundsCompletesAfterTheRestart() {
        long pooledFund = Stack.transfer(token).queryParam("scheme", "PENSION").queryParam("toRegion", TO)
                .get("/api/transfers/preview").then().statusCode(200).body("route", equalTo("MOVE"))
                .extract().jsonPath().getLong("pooledFundFen");
        String id = Stack.transfer(token).header("Idempotency-Key", "crash-" + RUN)
                .body(Map.of("scheme", "PENSION", "toRegion", TO)).post("/api/transfers").then().statusCode(201)
                .extract().path("id");
        Stack.transfer(Tokens.staff("officer.beijing")).post("/api/transfers/" + id + "/accept").then().statusCode(200);
        JsonPath held = TransferCases.await(token, id, c -> "HELD".equals(c.getString("funds.state")), "the funds held", Duration.ofMinutes(2));
        assertEquals(individualAccount, held.getLong("funds.individualAccountFen"));
        assertEquals(pooledFund, held.getLong("funds.pooledFundFen"));

        long contribution = StackControl.pid("contribution-service");
        StackControl.freeze(contribution);
        try {
            Stack.transfer(Tokens.staff("officer.guangdong")).post("/api/transfers/" + id + "/transfer-out").then()
                    .statusCode(200).body("status", equalTo("TRANSFERRED_OUT"));
            // the enrollment has moved; the commit waits on the frozen contribution-service
            JsonPath moved = TransferCases.await(token, id, c -> types(id).contains("ENROLLMENT_MOVED")
                    && "COMMIT".equals(c.getString("saga.pendingAction")), "the enrollment moved", Duration.ofMinutes(2));
            assertEquals("TRANSFERRED_OUT", moved.getString("status"));
            assertEquals("HELD", moved.getString("funds.state"));
            StackControl.crash(StackControl.pid("transfer-service"));
        } finally {
            StackControl.thaw(contribution);
        }
        assertThrows(Exception.class, () -> Stack.transfer(token).get("/api/transfers/" + id), "the transfer-service is down");

        // while it is down: her pension is in Beijing, her money in exactly one place
        assertCurrentPensionIn(TO);
        JsonPath between = statement();
        assertEquals(individualAccount, balance(between, FROM) + balance(between, TO), "funds in one place, whole");

        Duration restart = StackControl.restart("transfer-service");
        JsonPath done = TransferCases.await(token, id, c -> "COMPLETED".equals(c.getString("status")), "COMPLETED",
                Duration.ofMinutes(3));
        System.out.printf("[crash] transfer-service restarted in %d s; the case completed after the restart%n", restart.toSeconds());
        assertEquals("COMMITTED", done.getString("funds.state"));
        assertEquals(individualAccount, done.getLong("funds.individualAccountFen"));
        assertEquals(pooledFund, done.getLong("funds.pooledFundFen"));

        // moved once: one enrollment move, one commit, and an intact trail
        List<String> trail = types(id);
        assertEquals(1, trail.stream().filter("ENROLLMENT_MOVED"::equals).count(), trail.toString());
        assertEquals(1, trail.stream().filter("FUNDS_COMMITTED"::equals).count(), trail.toString());
        Stack.transfer(token).get("/api/transfers/" + id + "/events").then().statusCode(200)
                .body("integrity.valid", equalTo(true));
        assertCurrentPensionIn(TO);
        JsonPath after = statement();
        assertEquals(individualAccount, after.getLong("totals.individualAccountFen"));
        assertEquals(individualAccount, balance(after, TO));
        assertEquals(0L, balance(after, FROM));

        // a late repeat of the commit (as from the instance that died) changes nothing
        Stack.contribution(Tokens.service("transfer-service")).put("/internal/transfers/" + id + "/commit").then()
                .statusCode(200).body("status", equalTo("COMMITTED"))
                .body("individualAccountFen", equalTo((int) individualAccount));
        assertEquals(individualAccount, statement().getLong("totals.individualAccountFen"));
        assertEquals(individualAccount, balance(statement(), TO));
    }

    private static void assertCurrentPensionIn(String region) {
        List<Map<String, Object>> current = Stack.enrollment(token).get("/api/workers/me/enrollments").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.scheme == 'PENSION' && it.status == 'ACTIVE' }");
        assertEquals(1, current.size(), current.toString());
        assertEquals(region, current.get(0).get("region"));
    }

    private static JsonPath statement() {
        return Stack.contribution(token).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long balance(JsonPath statement, String region) {
        Long fen = statement.getObject("totals.individualAccounts.find { it.region == '%s' }.balanceFen".formatted(region), Long.class);
        return fen == null ? 0L : fen;
    }

    private static List<String> types(String id) {
        return Stack.transfer(token).queryParam("limit", 100).get("/api/transfers/" + id + "/events").then().statusCode(200)
                .extract().jsonPath().getList("items.type", String.class);
    }
}
