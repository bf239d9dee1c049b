package org.psi.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The contribution part of the story: both platforms push feeds for the rider (and one line for a
 * worker who never let that platform contribute), a feed is replayed without effect, platforms
 * cannot read each other's batches, the rider pays the rest of the month herself and reads one
 * statement that shows every payer, and the money adds up to the fen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContributionStoryIT {

    private static final ZoneId PSI_TIME = ZoneId.of("Asia/Shanghai");
    private static final String MONTH = YearMonth.now(PSI_TIME).toString();
    private static final String TODAY = LocalDate.now(PSI_TIME).toString();
    /** Refs are unique per platform forever: this run's own. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String FASTMEAL_KEY = "fastmeal-" + RUN;

    private static Demo.Worker rider;
    private static Demo.Worker driver;
    private static List<Map<String, Object>> fastmealLines;
    private static Map<String, Object> fastmealReport;
    private static String quickrideBatch;

    @BeforeAll
    static void world() {
        Stack.assumeRuns("contribution-service");
        rider = Demo.rider();   // FastMeal and QuickRide may contribute for her
        driver = Demo.driver(); // only QuickRide may
        fastmealLines = List.of(
                line("FM-" + RUN + "-1", rider, "PENSION", MONTH, 30_000),
                line("FM-" + RUN + "-2", rider, "MEDICAL", MONTH, 8_000),
                Map.of("ref", "FM-" + RUN + "-3", "nationalId", rider.nationalId(), "scheme", "OCCUPATIONAL_INJURY",
                        "period", TODAY, "orders", 20, "sector", "FOOD_DELIVERY", "amountFen", 20 * 7),
                line("FM-" + RUN + "-4", driver, "PENSION", MONTH, 10_000));
    }

    private static Map<String, Object> line(String ref, Demo.Worker worker, String scheme, String period, long fen) {
        return Map.of("ref", ref, "nationalId", worker.nationalId(), "scheme", scheme, "period", period, "amountFen", fen);
    }

    private static Map<String, Object> withoutCreatedAt(Map<String, Object> report) {
        Map<String, Object> copy = new HashMap<>(report);
        copy.remove("createdAt"); // the first answer has nanoseconds, a replay the stored microseconds
        return copy;
    }

    @Test
    @Order(1)
    void platformsPushFeeds() {
        fastmealReport = Stack.contribution(Tokens.platform("platform-fastmeal")).header("Idempotency-Key", FASTMEAL_KEY)
                .body(Map.of("lines", fastmealLines)).post("/api/contribution-batches").then().statusCode(201)
                .body("platformCode", equalTo(Demo.FASTMEAL))
                .body("received", equalTo(4)).body("accepted", equalTo(3)).body("duplicates", equalTo(0))
                .body("rejected", equalTo(1))
                // the driver never let FastMeal contribute for him
                .body("errors[0].line", equalTo(4)).body("errors[0].ref", equalTo("FM-" + RUN + "-4"))
                .body("errors[0].code", equalTo("NOT_AUTHORISED"))
                .extract().jsonPath().getMap("$");
        quickrideBatch = Stack.contribution(Tokens.platform("platform-quickride")).header("Idempotency-Key", "quickride-" + RUN)
                .body(Map.of("lines", List.of(line("QR-" + RUN + "-1", rider, "PENSION", MONTH, 20_000),
                        line("QR-" + RUN + "-2", driver, "PENSION", MONTH, 25_000))))
                .post("/api/contribution-batches").then().statusCode(201)
                .body("accepted", equalTo(2)).body("rejected", equalTo(0))
                .extract().path("batchId");
    }

    @Test
    @Order(2)
    void aReplayChangesNothing() {
        String fastmeal = Tokens.platform("platform-fastmeal");
        // a retry of the same request: the first answer again
        Map<String, Object> replay = Stack.contribution(fastmeal).header("Idempotency-Key", FASTMEAL_KEY)
                .body(Map.of("lines", fastmealLines)).post("/api/contribution-batches").then().statusCode(201)
                .extract().jsonPath().getMap("$");
        assertEquals(withoutCreatedAt(fastmealReport), withoutCreatedAt(replay));
        // the same lines in a new batch: duplicates, no effect
        Stack.contribution(fastmeal).header("Idempotency-Key", "fastmeal-again-" + RUN)
                .body(Map.of("lines", fastmealLines)).post("/api/contribution-batches").then().statusCode(201)
                .body("received", equalTo(4)).body("accepted", equalTo(0)).body("duplicates", equalTo(3))
                .body("rejected", equalTo(1));
        // a known ref with other content is a conflict, not a correction
        Stack.contribution(fastmeal).header("Idempotency-Key", "fastmeal-conflict-" + RUN)
                .body(Map.of("lines", List.of(line("FM-" + RUN + "-1", rider, "PENSION", MONTH, 99_000))))
                .post("/api/contribution-batches").then().statusCode(201)
                .body("accepted", equalTo(0)).body("errors[0].code", equalTo("REF_CONFLICT"));
        // the same key with another body
        Stack.contribution(fastmeal).header("Idempotency-Key", FASTMEAL_KEY)
                .body(Map.of("lines", List.of(line("FM-" + RUN + "-9", rider, "PENSION", MONTH, 1_000))))
                .post("/api/contribution-batches").then().statusCode(422);
    }

    @Test
    @Order(3)
    void platformsCannotReadEachOthersBatches() {
        String fastmealBatch = (String) fastmealReport.get("batchId");
        Stack.contribution(Tokens.platform("platform-quickride")).get("/api/contribution-batches/" + fastmealBatch)
                .then().statusCode(404).contentType("application/problem+json");
        Stack.contribution(Tokens.platform("platform-fastmeal")).get("/api/contribution-batches/" + quickrideBatch)
                .then().statusCode(404);
        Stack.contribution(Tokens.platform("platform-fastmeal")).get("/api/contribution-batches/" + fastmealBatch)
                .then().statusCode(200).body("accepted", equalTo(3));
        Stack.contribution(Tokens.platform("platform-fastmeal")).queryParam("limit", 500).get("/api/contribution-batches")
                .then().statusCode(200)
                .body("items.batchId", hasItem(fastmealBatch))
                .body("items.batchId", not(hasItem(quickrideBatch)));
        // a worker is not a platform
        Stack.contribution(rider.token()).get("/api/contribution-batches/" + fastmealBatch).then().statusCode(403);
    }

    @Test
    @Order(4)
    void theRiderPaysTheRestAndHerStatementShowsEveryPayer() {
        JsonPath before = pensionStatement(rider);
        long due = before.getLong("months.find { it.month == '%s' }.dueFen".formatted(MONTH));
        assertEquals(50_000, before.getLong("months.find { it.month == '%s' }.paidFen".formatted(MONTH)));
        assertEquals("PARTIAL", before.getString("months.find { it.month == '%s' }.status".formatted(MONTH)));
        assertEquals(Map.of(Demo.FASTMEAL, 30_000L, Demo.QUICKRIDE, 20_000L), payers(before));

        long rest = due - 50_000;
        Map<String, Object> payment = Map.of("scheme", "PENSION", "month", MONTH, "amountFen", rest,
                "paymentRef", "ALIPAY-" + RUN);
        String key = "pay-" + RUN;
        Stack.contribution(rider.token()).header("Idempotency-Key", key).body(payment)
                .post("/api/workers/me/payments").then().statusCode(201)
                .body("monthStatus", equalTo("PAID")).body("monthPaidFen", equalTo((int) due));
        // a retry pays nothing twice
        Stack.contribution(rider.token()).header("Idempotency-Key", key).body(payment)
                .post("/api/workers/me/payments").then().statusCode(201).body("monthPaidFen", equalTo((int) due));
        // more than is still due
        Stack.contribution(rider.token()).header("Idempotency-Key", "pay-more-" + RUN)
                .body(Map.of("scheme", "PENSION", "month", MONTH, "amountFen", 1, "paymentRef", "ALIPAY-MORE-" + RUN))
                .post("/api/workers/me/payments").then().statusCode(422);

        JsonPath after = pensionStatement(rider);
        String month = "months.find { it.month == '%s' }".formatted(MONTH);
        assertEquals("PAID", after.getString(month + ".status"));
        assertEquals(due, after.getLong(month + ".paidFen"));
        Map<String, Long> payers = payers(after);
        assertEquals(30_000L, payers.get(Demo.FASTMEAL));
        assertEquals(20_000L, payers.get(Demo.QUICKRIDE));
        assertEquals(rest, payers.get("SELF"));
        // the money adds up: every payer, the month, the totals
        assertEquals(due, payers.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(after.getLong("totals.paidFen"), after.getList("months.paidFen", Long.class).stream()
                .mapToLong(Long::longValue).sum());
    }

    @Test
    @Order(5)
    void eachWorkerSeesOnlyTheirOwnMoney() {
        JsonPath driverStatement = pensionStatement(driver);
        assertEquals(Map.of(Demo.QUICKRIDE, 25_000L), payers(driverStatement));
        assertEquals(25_000L, driverStatement.getLong("totals.paidFen"));
        // occupational injury: FastMeal's day for the rider, none for the driver
        Stack.contribution(rider.token()).queryParam("scheme", "OCCUPATIONAL_INJURY").get("/api/workers/me/statement")
                .then().statusCode(200)
                .body("totals.coveredDaysByPlatform.find { it.platform == 'FASTMEAL' }.days", equalTo(1));
        // a platform is not a worker
        Stack.contribution(Tokens.platform("platform-fastmeal")).get("/api/workers/me/statement").then().statusCode(403);
    }

    private static JsonPath pensionStatement(Demo.Worker worker) {
        return Stack.contribution(worker.token()).queryParam("scheme", "PENSION").queryParam("from", MONTH)
                .queryParam("to", MONTH).get("/api/workers/me/statement").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Long> payers(JsonPath statement) {
        Map<String, Long> byPayer = new HashMap<>();
        List<Map<String, Object>> payers = statement.getList("months.find { it.month == '%s' }.payers".formatted(MONTH));
        for (Map<String, Object> p : payers) {
            byPayer.merge((String) p.get("payer"), ((Number) p.get("amountFen")).longValue(), Long::sum);
        }
        return byPayer;
    }
}
