package org.psi.contribution.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;
import org.psi.common.test.Tokens;
import org.psi.contribution.ledger.AccountKey;
import org.psi.contribution.ledger.Payers;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * Each month is assessed once and keeps its assessment: a policy change applies to months not yet
 * assessed, a re-assessment is an explicit act with its adjustment recorded, and what a lower due
 * leaves paid goes to the payers' refundable credit, never into the individual account. Each test
 * uses a region of its own, since a re-assessment re-prices every month of its region.
 */
@QuarkusTest
class AssessmentTest extends LedgerChecks {

    private static final long DUE = 200_000;

    @Inject
    MonthOpening opening;

    private static JsonPath statement(Worker w, YearMonth from, YearMonth to) {
        return given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/workers/me/statement").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> policy(long wage) {
        Map<String, Object> p = new HashMap<>();
        p.put("averageMonthlyWageFen", wage);
        p.put("baseFloorPercent", 60);
        p.put("baseCeilingPercent", 300);
        p.put("pensionRatePercent", 20);
        p.put("pensionIndividualPercent", 8);
        p.put("medicalRatePercent", 9);
        p.put("medicalIndividualPercent", 2);
        p.put("injuryFeePerOrderFen", Map.of("FOOD_DELIVERY", Fixtures.FOOD_FEE_FEN, "RIDE_HAILING", Fixtures.RIDE_FEE_FEN,
                "INSTANT_DELIVERY", 7));
        return p;
    }

    /** One admin for every re-assessment of this JVM: Idempotency-Keys are scoped to the caller. */
    private static final String ADMIN = Tokens.admin();

    private static ValidatableResponse reassess(String region, String key, Map<String, Object> body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/regions/" + region + "/policies/" + thisMonth().getYear() + "/reassessments").then();
    }

    private long refundable(String source) throws SQLException {
        return balance(AccountKey.payer(Payers.refundable(source)));
    }

    @Test
    void aWorkerPastTheRetirementAgePaysPensionOnTowardTheMinimumPeriod() throws SQLException {
        String region = "530000";
        Fixtures.testPolicy(region);
        // a man of 64: retired at 60 and some months, with no month counted before (延长缴费: 15 years short)
        java.time.LocalDate birth = Fixtures.today().minusYears(64);
        Worker w = Fixtures.worker(Fixtures.nationalId("440305", birth, true));
        YearMonth last = thisMonth().minusMonths(1);
        Fixtures.enrol(w, "PENSION", region, last);
        YearMonth retirement = org.psi.common.domain.RetirementAge.retirementMonth(birth, org.psi.common.domain.RetirementAge.Category.MEN);
        String[] copied = new String[1];
        query("select record->>'retirementMonth' from insured_worker where worker_id = '" + w.workerId() + "'", rs -> copied[0] = rs.getString(1));
        assertEquals(retirement.toString(), copied[0], "the copy knows when the statutory retirement age began");

        Fixtures.pay(w, key(), Fixtures.payment("PENSION", last.toString(), DUE, "P-" + ref())).then().statusCode(201);
        Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), DUE, "P-" + ref())).then().statusCode(201);
        JsonPath s = statement(w, last, thisMonth());
        assertEquals(List.of("PAID", "PAID"), s.getList("months.status"));
        assertEquals(2, s.getInt("totals.countedMonths"));
        assertEquals(2 * DUE, s.getLong("totals.paidFen"));
        assertEquals(2 * DUE, s.getLong("totals.dueFen"));
    }

    @Test
    void aPolicyChangeAppliesToMonthsNotYetAssessed() throws SQLException {
        String region = "500000";
        Fixtures.testPolicy(region);
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", region, null);
        Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), DUE, "P-" + ref())).then().statusCode(201);
        int before = given().auth().oauth2(Tokens.admin()).get("/api/regions/" + region + "/policies/" + thisMonth().getYear())
                .then().statusCode(200).extract().path("version");
        // the region doubles its average wage for the year
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(policy(2 * Fixtures.WAGE_FEN))
                .put("/api/regions/" + region + "/policies/" + thisMonth().getYear()).then().statusCode(200)
                .body("version", equalTo(before + 1));
        JsonPath s = statement(w, thisMonth(), thisMonth());
        assertEquals(DUE, s.getLong("months[0].dueFen"), "an assessed month keeps its due");
        assertEquals("PAID", s.getString("months[0].status"));
        assertEquals(before, s.getInt("months[0].assessment.policyVersion"));
        assertEquals(1, s.getInt("totals.countedMonths"));
        // a month assessed from now on is priced by the new version
        Worker later = Fixtures.worker();
        Fixtures.enrol(later, "PENSION", region, null);
        JsonPath l = statement(later, thisMonth(), thisMonth());
        assertEquals(2 * DUE, l.getLong("months[0].dueFen"));
        assertEquals(before + 1, l.getInt("months[0].assessment.policyVersion"));
        Fixtures.testPolicy(region);
    }

    @Test
    void aReassessmentUpwardsIsRecordedAndTheMonthNeedsATopUp() throws SQLException {
        String region = "320000";
        Fixtures.testPolicy(region);
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", region);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE))).then().statusCode(201)
                .body("accepted", equalTo(1));
        assertEquals(1, statement(w, thisMonth(), thisMonth()).getInt("totals.countedMonths"));

        String k = key();
        Map<String, Object> body = Map.of("reason", "The 2026 average wage was published in July and applies from January",
                "policy", policy(1_100_000));
        reassess(region, k, body).statusCode(201).body("changed", equalTo(1)).body("refundedFen", equalTo(0));
        reassess(region, k, body).statusCode(201).header("Idempotent-Replayed", "true").body("changed", equalTo(1));
        reassess(region, key(), Map.of("reason", "Once more, nothing to change")).statusCode(201).body("changed", equalTo(0));

        JsonPath s = statement(w, thisMonth(), thisMonth());
        assertEquals(220_000, s.getLong("months[0].dueFen"));
        assertEquals(1_100_000, s.getLong("months[0].baseFen"));
        assertEquals(DUE, s.getLong("months[0].paidFen"));
        assertEquals("PARTIAL", s.getString("months[0].status"), "the status follows the new due");
        assertEquals(DUE, s.getLong("months[0].adjustments[0].oldDueFen"));
        assertEquals(220_000, s.getLong("months[0].adjustments[0].newDueFen"));
        assertEquals(2, s.getInt("months[0].assessment.revision"));
        assertEquals(0, s.getInt("totals.countedMonths"));
        assertEquals(80_000, individual(w.workerId(), Scheme.PENSION, region));

        Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), 20_000, "P-" + ref())).then().statusCode(201)
                .body("monthStatus", equalTo("PAID"));
        assertEquals(88_000, individual(w.workerId(), Scheme.PENSION, region), "8/20 of the new due");

        // who may, and bad requests
        given().auth().oauth2(Tokens.officer("440000")).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body(Map.of("reason", "not my region at all")).post("/api/regions/" + region + "/policies/"
                        + thisMonth().getYear() + "/reassessments").then().statusCode(403);
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body(Map.of("reason", "a worker may not")).post("/api/regions/" + region + "/policies/"
                        + thisMonth().getYear() + "/reassessments").then().statusCode(403);
        reassess(region, key(), Map.of("reason", "no")).statusCode(400).body("errors[0].field", equalTo("reason"));
        reassess(region, k, Map.of("reason", "another request under a used key")).statusCode(422);
        Fixtures.testPolicy(region);
    }

    @Test
    void aReassessmentDownwardsRefundsWhatLiesBeyondTheDueLastPayerFirst() throws SQLException {
        String region = "510000";
        Fixtures.testPolicy(region);
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", region);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 120_000))).then().statusCode(201);
        Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), 80_000, "P-" + ref())).then().statusCode(201);
        assertEquals(80_000, individual(w.workerId(), Scheme.PENSION, region));

        reassess(region, key(), Map.of("reason", "The wage was revised down", "policy", policy(800_000)))
                .statusCode(201).body("changed", equalTo(1)).body("refundedFen", equalTo(40_000));

        JsonPath s = statement(w, thisMonth(), thisMonth());
        assertEquals(160_000, s.getLong("months[0].dueFen"));
        assertEquals(160_000, s.getLong("months[0].paidFen"));
        assertEquals("PAID", s.getString("months[0].status"));
        assertEquals(40_000, s.getLong("months[0].refundableFen"));
        assertEquals(40_000, s.getLong("months[0].adjustments[0].refundedFen"));
        Map<String, Map<String, Object>> payers = new HashMap<>();
        s.getList("months[0].payers", Map.class).forEach(m -> payers.put((String) m.get("payer"), m));
        assertEquals(120_000, ((Number) payers.get(p.code()).get("amountFen")).longValue(), "the platform paid first: kept");
        assertNull(payers.get(p.code()).get("refundedFen"));
        assertEquals(40_000, ((Number) payers.get("SELF").get("amountFen")).longValue());
        assertEquals(40_000, ((Number) payers.get("SELF").get("refundedFen")).longValue(), "the worker paid last: refunded");
        assertEquals(40_000, s.getLong("totals.refundableFen"));
        assertEquals(64_000, individual(w.workerId(), Scheme.PENSION, region), "8/20 of the new due, never the refund");
        assertEquals(40_000, refundable("worker:" + w.workerId()));
        assertEquals(0, refundable("platform:" + p.code()));
    }

    @Test
    void aReassessedMonthWhoseFundsMovedForwardsTheDifferenceToWhereTheyWent() throws SQLException {
        String from = "460000";
        String to = "310000";
        Fixtures.testPolicy(from);
        Fixtures.testPolicy(to);
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", from);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE))).then().statusCode(201);
        String internal = Tokens.internal("transfer-service");
        UUID t = UUID.randomUUID();
        given().auth().oauth2(internal).contentType(ContentType.JSON)
                .body(Map.of("workerId", w.workerId(), "scheme", "PENSION", "fromRegion", from, "toRegion", to))
                .put("/internal/transfers/" + t + "/hold").then().statusCode(200).body("pooledFundFen", equalTo(120_000));
        Fixtures.enrollment(internal).contentType(ContentType.JSON)
                .body(Map.of("workerId", w.workerId(), "scheme", "PENSION", "toRegion", to, "mode", "MOVE"))
                .put("/internal/transfers/" + t + "/enrollment-move").then().statusCode(200);
        given().auth().oauth2(internal).put("/internal/transfers/" + t + "/commit").then().statusCode(200);
        long toPooled = pooled(Scheme.PENSION, to);
        long fromPooled = pooled(Scheme.PENSION, from);
        assertEquals(80_000, individual(w.workerId(), Scheme.PENSION, to));

        reassess(from, key(), Map.of("reason", "The wage was revised down", "policy", policy(800_000)))
                .statusCode(201).body("refundedFen", equalTo(40_000));

        // the individual account (now at the destination) keeps 8/20 of the new due; the pooled share that
        // moved (12% of the base) follows the new base: 96,000 instead of 120,000, the 24,000 come back
        assertEquals(0, individual(w.workerId(), Scheme.PENSION, from));
        assertEquals(64_000, individual(w.workerId(), Scheme.PENSION, to));
        assertEquals(toPooled - 24_000, pooled(Scheme.PENSION, to));
        assertEquals(fromPooled + 24_000 - (40_000 - 16_000), pooled(Scheme.PENSION, from),
                "the source's pooled fund gets the 24,000 back and pays the refund's pooled part");
        assertEquals(40_000, refundable("platform:" + p.code()));
        JsonPath s = statement(w, thisMonth(), thisMonth());
        assertEquals(from, s.getString("months[0].region"));
        assertEquals("PAID", s.getString("months[0].status"));
    }

    @Test
    void aMonthNotYetOpenIsProvisionalUntilItOpens() {
        String region = "440000";
        Fixtures.testPolicy(region);
        for (YearMonth m : List.of(thisMonth().minusMonths(2), thisMonth().plusMonths(1))) {
            if (m.getYear() != thisMonth().getYear()) {
                // the months around this one lie in another year: price them with the same policy
                given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(policy(Fixtures.WAGE_FEN))
                        .put("/api/regions/" + region + "/policies/" + m.getYear())
                        .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
            }
        }
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", region, thisMonth().minusMonths(2));
        JsonPath s = statement(w, thisMonth().minusMonths(2), thisMonth().plusMonths(1));
        List<Map<String, Object>> months = s.getList("months");
        assertEquals(4, months.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(DUE, ((Number) months.get(i).get("dueFen")).longValue(), "a back-dated month is assessed at once");
            assertTrue(months.get(i).get("assessment") != null);
            assertNull(months.get(i).get("provisional"));
        }
        assertEquals(Boolean.TRUE, months.get(3).get("provisional"));
        assertNull(months.get(3).get("assessment"), "a month not yet open is not assessed");
        assertEquals(DUE, ((Number) months.get(3).get("dueFen")).longValue(), "it is priced by today's policy");
        assertEquals(3 * DUE, s.getLong("totals.dueFen"), "a provisional due is not part of the total");

        opening.open(thisMonth().plusMonths(1));
        JsonPath after = statement(w, thisMonth().plusMonths(1), thisMonth().plusMonths(1));
        assertTrue(after.get("months[0].assessment") != null, "the month is assessed when it opens");
        assertNull(after.get("months[0].provisional"));
    }
}
