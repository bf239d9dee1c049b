package org.psi.e2e;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The transfer part of the story: a courier (chen.jing) with a paid month of pension in Guangdong
 * previews and requests a transfer to Shanghai; the Shanghai officer accepts, the Guangdong officer
 * transfers out; the saga moves her enrollment and her individual account, and nothing is lost or
 * counted twice. She is a worker of her own, so that the other stories keep theirs unchanged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferStoryIT {

    private static final ZoneId PSI_TIME = ZoneId.of("Asia/Shanghai");
    private static final String MONTH = YearMonth.now(PSI_TIME).toString();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String WORKER = "chen.jing";
    private static final String FROM = "440000";
    private static final String TO = "310000";

    private static String token;
    private static long individualAccount;
    private static String transferId;

    @BeforeAll
    static void world() {
        Stack.assumeRuns("contribution-service");
        Stack.assumeRuns("transfer-service");
        Demo.platforms();
        token = Tokens.worker(WORKER);
        // a paid month of pension in Guangdong: FastMeal's part, and hers
        String nationalId = Tokens.verifiedId(WORKER);
        Stack.enrollment(Tokens.registration(WORKER)).body(Map.of("nationalId", nationalId, "name", "Chen Jing", "phone", "13700137000",
                "residenceRegion", "440106")).post("/api/workers").then().statusCode(201);
        Stack.enrollment(token).body(Map.of("scheme", "PENSION", "region", FROM, "baseGrade", 100))
                .post("/api/workers/me/enrollments").then().statusCode(201);
        Stack.enrollment(token).body(Map.of("platformCode", Demo.FASTMEAL)).post("/api/workers/me/platform-links")
                .then().statusCode(201);
        Stack.contribution(Tokens.platform("platform-fastmeal")).header("Idempotency-Key", "transfer-story-" + RUN)
                .body(Map.of("lines", java.util.List.of(Map.of("ref", "FM-T-" + RUN, "nationalId", nationalId,
                        "scheme", "PENSION", "period", MONTH, "amountFen", 40_000))))
                .post("/api/contribution-batches").then().statusCode(201).body("accepted", equalTo(1));
        long due = statement().getLong("months.find { it.month == '%s' }.dueFen".formatted(MONTH));
        Stack.contribution(token).header("Idempotency-Key", "transfer-story-pay-" + RUN)
                .body(Map.of("scheme", "PENSION", "month", MONTH, "amountFen", due - 40_000, "paymentRef", "WXPAY-" + RUN))
                .post("/api/workers/me/payments").then().statusCode(201).body("monthStatus", equalTo("PAID"));
        individualAccount = statement().getLong("totals.individualAccountFen");
        assertTrue(individualAccount > 0, "the paid month fed her individual account");
    }

    private static JsonPath statement() {
        return Stack.contribution(token).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void sheSeesWhatWouldMoveAndRequestsTheTransfer() {
        Stack.transfer(token).queryParam("scheme", "PENSION").queryParam("toRegion", TO).get("/api/transfers/preview")
                .then().statusCode(200)
                .body("fromRegion", equalTo(FROM)).body("toRegion", equalTo(TO)).body("route", equalTo("MOVE"))
                .body("temporaryAccount.applies", is(false))
                .body("individualAccountFen", equalTo((int) individualAccount));
        String key = "transfer-" + RUN;
        Map<String, String> body = Map.of("scheme", "PENSION", "toRegion", TO);
        transferId = Stack.transfer(token).header("Idempotency-Key", key).body(body).post("/api/transfers").then()
                .statusCode(201).body("status", equalTo("SUBMITTED")).body("fromRegion", equalTo(FROM))
                .extract().path("id");
        // a retry is the same case
        Stack.transfer(token).header("Idempotency-Key", key).body(body).post("/api/transfers").then()
                .statusCode(201).body("id", equalTo(transferId));
        Stack.transfer(token).get("/api/transfers/me").then().statusCode(200).body("items.id", hasItem(transferId));
    }

    @Test
    @Order(2)
    void nobodyElseSeesOrDecidesIt() {
        Stack.transfer(Tokens.worker("li.wei")).get("/api/transfers/" + transferId).then().statusCode(404)
                .contentType("application/problem+json");
        Stack.transfer(Tokens.staff("officer.beijing")).get("/api/transfers/" + transferId).then().statusCode(404);
        Stack.transfer(Tokens.staff("officer.beijing")).post("/api/transfers/" + transferId + "/accept").then().statusCode(404);
        // the Shanghai city officer is not the pension's destination (the province is)
        Stack.transfer(Tokens.staff("officer.shanghai")).post("/api/transfers/" + transferId + "/accept").then()
                .statusCode(anyOf(is(403), is(404)));
        Stack.transfer(Tokens.staff("officer.shanghai")).get("/api/regions/" + TO + "/transfers").then().statusCode(403);
        // the source may not accept for the destination, nor transfer out before acceptance
        Stack.transfer(Tokens.staff("officer.guangdong")).post("/api/transfers/" + transferId + "/accept").then()
                .statusCode(anyOf(is(403), is(409)));
        Stack.transfer(Tokens.staff("officer.guangdong")).post("/api/transfers/" + transferId + "/transfer-out").then()
                .statusCode(409);
    }

    @Test
    @Order(3)
    void theOfficersActAndTheSagaCompletesIt() {
        String destination = Tokens.staff("officer.shanghai.province");
        Stack.transfer(destination).queryParam("direction", "IN").get("/api/regions/" + TO + "/transfers").then()
                .statusCode(200).body("items.id", hasItem(transferId));
        Stack.transfer(destination).post("/api/transfers/" + transferId + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        TransferCases.await(token, transferId, c -> "HELD".equals(c.getString("funds.state")), "the funds held", Duration.ofMinutes(2));
        Stack.transfer(Tokens.staff("officer.guangdong")).post("/api/transfers/" + transferId + "/transfer-out").then()
                .statusCode(200).body("status", equalTo("TRANSFERRED_OUT"));
        JsonPath done = TransferCases.await(token, transferId, c -> "COMPLETED".equals(c.getString("status")), "COMPLETED", Duration.ofMinutes(2));
        assertEquals("COMMITTED", done.getString("funds.state"));
        assertEquals(individualAccount, done.getLong("funds.individualAccountFen"));

        Stack.transfer(token).get("/api/transfers/" + transferId + "/events").then().statusCode(200)
                .body("integrity.valid", is(true)).body("items.type", hasItem("ACCEPTED"));
    }

    @Test
    @Order(4)
    void herPensionAndHerMoneyAreInShanghaiNow() {
        Stack.enrollment(token).get("/api/workers/me/enrollments").then().statusCode(200)
                .body("find { it.scheme == 'PENSION' && it.region == '%s' }.status".formatted(TO), equalTo("ACTIVE"))
                .body("find { it.scheme == 'PENSION' && it.region == '%s' }.status".formatted(FROM), equalTo("CLOSED"));
        JsonPath after = statement();
        // moved, not copied: the same total, now in the destination's account
        assertEquals(individualAccount, after.getLong("totals.individualAccountFen"));
        assertEquals(individualAccount, after.getLong("totals.individualAccounts.find { it.region == '%s' }.balanceFen".formatted(TO)));
        Long left = after.getObject("totals.individualAccounts.find { it.region == '%s' }.balanceFen".formatted(FROM), Long.class);
        assertEquals(0L, left == null ? 0L : left);
        // the Shanghai officer now finds her; the Beijing officer still does not
        String workerId = Stack.enrollment(token).get("/api/workers/me").then().extract().path("workerId");
        Stack.enrollment(Tokens.staff("officer.shanghai.province")).get("/api/workers/" + workerId).then().statusCode(200);
        Stack.enrollment(Tokens.staff("officer.beijing")).get("/api/workers/" + workerId).then().statusCode(404);
    }

    @Test
    @Order(5)
    void herInboxToldHerEachStep() throws InterruptedException {
        // the transfer-service's events reach the contribution-service's inbox (a long poll of its feed)
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> steps = List.of();
        while (System.nanoTime() < until) {
            steps = Stack.contribution(token).queryParam("limit", 200).get("/api/workers/me/notifications").then().statusCode(200)
                    .extract().jsonPath().getList("items.findAll { it.kind == 'TRANSFER_STEP' && it.data.transferId == '%s' }.data.step"
                            .formatted(transferId), String.class);
            if (steps.contains("COMPLETED")) {
                break;
            }
            Thread.sleep(250);
        }
        assertTrue(steps.containsAll(List.of("SUBMITTED", "ACCEPTED", "TRANSFERRED_OUT", "COMPLETED")), "told: " + steps);
        assertEquals(steps.size(), new java.util.HashSet<>(steps).size(), "each step once: " + steps);
    }
}
