package org.psi.contribution.holds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.reversal;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * The internal API of the transfer-service: quote, hold, commit, release, each idempotent by
 * transfer id with balanced postings; and the rule for a late contribution to a region the worker
 * has left.
 */
@QuarkusTest
class TransferFundsResourceTest extends LedgerChecks {

    private static final String FROM = "440000";
    private static final String TO = "310000";
    private static final long DUE = Fixtures.WAGE_FEN * 20 / 100;
    private static final long TWELVE_PERCENT = Fixtures.WAGE_FEN * 12 / 100;
    private static final String INTERNAL = Tokens.internal("psi-transfer-service");

    @BeforeEach
    void policies() {
        Fixtures.testPolicy(FROM);
        Fixtures.testPolicy(TO);
    }

    private static ValidatableResponse quote(Worker w, String scheme, String from) {
        return given().auth().oauth2(INTERNAL).queryParam("scheme", scheme).queryParam("fromRegion", from)
                .get("/internal/workers/" + w.workerId() + "/transfer-quote").then();
    }

    private static ValidatableResponse hold(UUID transfer, Worker w, String scheme, String from, String to) {
        return given().auth().oauth2(INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("workerId", w.workerId(), "scheme", scheme, "fromRegion", from, "toRegion", to))
                .put("/internal/transfers/" + transfer + "/hold").then();
    }

    private static ValidatableResponse commit(UUID transfer) {
        return given().auth().oauth2(INTERNAL).put("/internal/transfers/" + transfer + "/commit").then();
    }

    private static ValidatableResponse release(UUID transfer) {
        return given().auth().oauth2(INTERNAL).put("/internal/transfers/" + transfer + "/release").then();
    }

    /** The enrollment-service moves the enrollment (from next month), as the transfer-service would ask. */
    private static void moveEnrollment(UUID transfer, Worker w, String scheme, String to) {
        Fixtures.enrollment(INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("workerId", w.workerId(), "scheme", scheme, "toRegion", to, "mode", "MOVE"))
                .put("/internal/transfers/" + transfer + "/enrollment-move").then().statusCode(200);
    }

    @Test
    void aTransferMovesTheIndividualAccountAndTwelvePercentOfEachCountedMonth() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", FROM);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE))).then().statusCode(201);

        quote(w, "PENSION", FROM).statusCode(200)
                .body("individualAccountFen", equalTo((int) (DUE * 8 / 20)))
                .body("pooledFundFen", equalTo((int) TWELVE_PERCENT))
                .body("months", equalTo(1))
                .body("countedMonthsByRegion[0].region", equalTo(FROM))
                .body("countedMonthsByRegion[0].months", equalTo(1));

        UUID t = UUID.randomUUID();
        hold(t, w, "PENSION", FROM, TO).statusCode(200).body("status", equalTo("HELD"))
                .body("individualAccountFen", equalTo((int) (DUE * 8 / 20))).body("pooledFundFen", equalTo((int) TWELVE_PERCENT));
        hold(t, w, "PENSION", FROM, TO).statusCode(200).body("status", equalTo("HELD"));
        hold(t, w, "PENSION", FROM, "320000").statusCode(409).contentType("application/problem+json");
        hold(UUID.randomUUID(), w, "PENSION", FROM, TO).statusCode(409);
        moveEnrollment(t, w, "PENSION", TO);

        long fromPooled = pooled(Scheme.PENSION, FROM);
        long toPooled = pooled(Scheme.PENSION, TO);
        commit(t).statusCode(200).body("status", equalTo("COMMITTED"))
                .body("individualAccountFen", equalTo((int) (DUE * 8 / 20))).body("pooledFundFen", equalTo((int) TWELVE_PERCENT))
                .body("months", equalTo(1));
        assertEquals(0, individual(w.workerId(), Scheme.PENSION, FROM));
        assertEquals(DUE * 8 / 20, individual(w.workerId(), Scheme.PENSION, TO));
        assertEquals(fromPooled - TWELVE_PERCENT, pooled(Scheme.PENSION, FROM));
        assertEquals(toPooled + TWELVE_PERCENT, pooled(Scheme.PENSION, TO));

        // idempotent by transfer id: a repeat moves nothing more
        Snapshot after = snapshot();
        commit(t).statusCode(200).body("status", equalTo("COMMITTED"));
        assertEquals(after, snapshot());
        release(t).statusCode(409).contentType("application/problem+json");
        // the month moved once: a new quote from the old region has nothing left
        quote(w, "PENSION", FROM).statusCode(200).body("individualAccountFen", equalTo(0))
                .body("pooledFundFen", equalTo(0)).body("months", equalTo(0));
        // the month still counts where it was contributed
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("from", thisMonth().toString())
                .queryParam("to", thisMonth().toString()).get("/api/workers/me/statement")
                .then().statusCode(200).body("months[0].region", equalTo(FROM)).body("months[0].status", equalTo("PAID"))
                .body("totals.individualAccountFen", equalTo((int) (DUE * 8 / 20)));
    }

    @Test
    void aContributionBookedBetweenHoldAndCommitMovesWithTheCommit() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", FROM);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 100_000))).then().statusCode(201);
        UUID t = UUID.randomUUID();
        hold(t, w, "PENSION", FROM, TO).statusCode(200).body("individualAccountFen", equalTo(40_000))
                .body("pooledFundFen", equalTo(0)).body("months", equalTo(0));
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 100_000))).then().statusCode(201);
        moveEnrollment(t, w, "PENSION", TO);
        commit(t).statusCode(200).body("individualAccountFen", equalTo(80_000))
                .body("pooledFundFen", equalTo((int) TWELVE_PERCENT)).body("months", equalTo(1));
        assertEquals(0, individual(w.workerId(), Scheme.PENSION, FROM));
        assertEquals(80_000, individual(w.workerId(), Scheme.PENSION, TO));
    }

    /**
     * The late-contribution rule: a contribution for a month of a region the worker has left is
     * booked there (the month counts there), and what the transfer would have moved for it follows
     * the worker: its individual part at once, 12% of the base once the month is paid in full; a
     * reversal takes back both.
     */
    @Test
    void aLateContributionIsBookedWhereItBelongsAndForwarded() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", FROM);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 150_000))).then().statusCode(201);
        UUID t = UUID.randomUUID();
        hold(t, w, "PENSION", FROM, TO).statusCode(200);
        moveEnrollment(t, w, "PENSION", TO);
        commit(t).statusCode(200).body("individualAccountFen", equalTo(60_000)).body("pooledFundFen", equalTo(0));

        long fromPooled = pooled(Scheme.PENSION, FROM);
        long toPooled = pooled(Scheme.PENSION, TO);
        String late = ref();
        // this month was covered by the enrollment in FROM, which the worker has left
        send(p, key(), feed(monthLine(late, w.nationalId(), "PENSION", thisMonth(), 50_000)))
                .then().statusCode(201).body("accepted", equalTo(1));

        assertEquals(0, individual(w.workerId(), Scheme.PENSION, FROM), "nothing is stranded in the old region");
        assertEquals(80_000, individual(w.workerId(), Scheme.PENSION, TO), "the individual part followed the worker");
        // 30,000 pooled share arrived in FROM; the month is now paid in full, so 12% of its base moved to TO
        assertEquals(fromPooled + 30_000 - TWELVE_PERCENT, pooled(Scheme.PENSION, FROM));
        assertEquals(toPooled + TWELVE_PERCENT, pooled(Scheme.PENSION, TO));
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("from", thisMonth().toString())
                .queryParam("to", thisMonth().toString()).get("/api/workers/me/statement")
                .then().statusCode(200)
                .body("months[0].region", equalTo(FROM)).body("months[0].status", equalTo("PAID"))
                .body("totals.countedMonthsByRegion[0].region", equalTo(FROM))
                .body("totals.individualAccountFen", equalTo(80_000));
        quote(w, "PENSION", FROM).statusCode(200).body("pooledFundFen", equalTo(0)).body("months", equalTo(0));

        // the late line is reversed: the month is no longer paid in full, so both shares come back
        send(p, key(), feed(reversal(ref(), late, w.nationalId(), "PENSION", thisMonth().toString())))
                .then().statusCode(201).body("accepted", equalTo(1));
        assertEquals(0, individual(w.workerId(), Scheme.PENSION, FROM));
        assertEquals(60_000, individual(w.workerId(), Scheme.PENSION, TO));
        assertEquals(fromPooled, pooled(Scheme.PENSION, FROM));
        assertEquals(toPooled, pooled(Scheme.PENSION, TO));
        assertEquals(150_000, paidBy(p));
    }

    @Test
    void aHoldIsReleasedOnceAndCannotBeCommittedAfter() throws SQLException {
        // the policy first: the month is assessed when the enrollment opens it
        Fixtures.testPolicy("440300");
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "MEDICAL", "440300", null);
        Fixtures.pay(w, key(), Fixtures.payment("MEDICAL", thisMonth().toString(), 90_000, "P-" + ref()))
                .then().statusCode(201);
        quote(w, "MEDICAL", "440300").statusCode(200).body("individualAccountFen", equalTo(20_000))
                .body("pooledFundFen", equalTo(0)).body("months", equalTo(1));
        UUID t = UUID.randomUUID();
        hold(t, w, "MEDICAL", "440300", "310100").statusCode(200).body("status", equalTo("HELD"));
        Snapshot before = snapshot();
        release(t).statusCode(200).body("status", equalTo("RELEASED"));
        release(t).statusCode(200).body("status", equalTo("RELEASED"));
        commit(t).statusCode(409).contentType("application/problem+json");
        assertEquals(before, snapshot());
        // after a release, another transfer may hold
        hold(UUID.randomUUID(), w, "MEDICAL", "440300", "310100").statusCode(200);
    }

    @Test
    void theInternalApiIsForInternalServicesOnly() throws SQLException {
        Worker w = Fixtures.worker();
        Snapshot before = snapshot();
        given().auth().oauth2(Fixtures.platform().token()).queryParam("scheme", "PENSION").queryParam("fromRegion", FROM)
                .get("/internal/workers/" + w.workerId() + "/transfer-quote").then().statusCode(403);
        given().auth().oauth2(w.token()).put("/internal/transfers/" + UUID.randomUUID() + "/commit").then().statusCode(403);
        given().put("/internal/transfers/" + UUID.randomUUID() + "/release").then().statusCode(401);
        commit(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        // a release of a transfer that holds nothing is remembered: a late hold request then holds nothing
        UUID early = UUID.randomUUID();
        release(early).statusCode(200).body("status", equalTo("RELEASED"));
        Fixtures.testPolicy(FROM);
        Fixtures.enrol(w, "PENSION", FROM, null);
        Snapshot beforeLateHold = snapshot();
        hold(early, w, "PENSION", FROM, TO).statusCode(200).body("status", equalTo("RELEASED"))
                .body("individualAccountFen", equalTo(0));
        assertEquals(beforeLateHold, snapshot());
        hold(UUID.randomUUID(), w, "PENSION", FROM, TO).statusCode(200).body("status", equalTo("HELD"));
        quote(w, "OCCUPATIONAL_INJURY", FROM).statusCode(400).body("errors[0].code", equalTo("NOT_APPLICABLE"));
        quote(w, "PENSION", "440300").statusCode(400).body("errors[0].code", equalTo("NOT_A_POOLING_REGION"));
        given().auth().oauth2(INTERNAL).queryParam("scheme", "PENSION").queryParam("fromRegion", FROM)
                .get("/internal/workers/" + UUID.randomUUID() + "/transfer-quote").then().statusCode(404);
        hold(UUID.randomUUID(), w, "PENSION", FROM, FROM).statusCode(400).body("errors[0].code", equalTo("SAME_REGION"));
        given().auth().oauth2(INTERNAL).contentType(ContentType.JSON).body(Map.of("scheme", "PENSION"))
                .put("/internal/transfers/" + UUID.randomUUID() + "/hold").then().statusCode(400);
        assertEquals(before, snapshot());
    }
}
