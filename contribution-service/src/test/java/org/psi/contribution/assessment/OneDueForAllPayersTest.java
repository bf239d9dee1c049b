package org.psi.contribution.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * All payers of a month together pay at most its due: platforms, lines of one feed, self-payments,
 * also all at once. Every test checks the money in the ledger.
 */
@QuarkusTest
class OneDueForAllPayersTest extends LedgerChecks {

    private static final String GD = "440000";
    /** 20% of a base of 10,000 yuan (grade 100 of the test policy's average wage). */
    private static final long DUE = 200_000;
    /** 8 of the 20 points: the individual account's share of the due. */
    private static final long SHARE = 80_000;

    @BeforeEach
    void policy() {
        Fixtures.testPolicy(GD);
    }

    private static JsonPath statement(Worker w) {
        return given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("from", thisMonth().toString())
                .get("/api/workers/me/statement").then().statusCode(200).extract().jsonPath();
    }

    private long paidToward(Worker w) throws SQLException {
        long[] v = new long[1];
        query("select coalesce(sum(amount_fen), 0) from posting where kind <> 'TRANSFER' and worker_id = '" + w.workerId()
                + "' and scheme = 'PENSION' and month = '" + thisMonth() + "'", rs -> v[0] = rs.getLong(1));
        return v[0];
    }

    @Test
    void twoPlatformsPayingTheWholeMonthPayItOnce() throws SQLException {
        Platform a = Fixtures.platform();
        Platform b = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(a, "PENSION", GD);
        Fixtures.link(w, b);
        send(a, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE))).then().statusCode(201)
                .body("accepted", equalTo(1));
        send(b, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE))).then().statusCode(201)
                .body("accepted", equalTo(0)).body("rejected", equalTo(1))
                .body("errors[0].code", equalTo("EXCEEDS_DUE"))
                // to a platform, nothing about what others paid
                .body("errors[0].message", not(containsString("paid")));
        JsonPath s = statement(w);
        assertEquals(DUE, s.getLong("months[0].dueFen"));
        assertEquals(DUE, s.getLong("months[0].paidFen"));
        assertEquals("PAID", s.getString("months[0].status"));
        assertEquals(SHARE, s.getLong("totals.individualAccountFen"));
        assertEquals(DUE, paidBy(a));
        assertEquals(0, paidBy(b));
        assertEquals(SHARE, individual(w.workerId(), Scheme.PENSION, GD));
    }

    @Test
    void twoFullLinesOfOneFeedPayTheMonthOnce() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE),
                monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE),
                monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 1))).then().statusCode(201)
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("errors.code", equalTo(List.of("EXCEEDS_DUE", "EXCEEDS_DUE")))
                .body("errors.line", equalTo(List.of(2, 3)));
        assertEquals(DUE, paidBy(p));
        assertEquals(DUE, paidToward(w));
        assertEquals(SHARE, individual(w.workerId(), Scheme.PENSION, GD));
    }

    @Test
    void aWorkersTopUpIsToldWhatRemains() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 150_000))).then().statusCode(201);
        Snapshot before = snapshot();
        Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), 50_001, "P-" + ref()))
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].code", equalTo("EXCEEDS_DUE"))
                .body("detail", containsString("at most 50000 fen"));
        assertEquals(before, snapshot(), "a refused payment changes nothing");
        Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), 50_000, "P-" + ref()))
                .then().statusCode(201).body("monthStatus", equalTo("PAID")).body("monthPaidFen", equalTo((int) DUE));
        assertEquals(DUE, paidToward(w));
        assertEquals(SHARE, individual(w.workerId(), Scheme.PENSION, GD));
    }

    @Test
    void sixteenSelfPaymentsAndTwoFeedsAtOnceNeverPayBeyondTheDue() throws Exception {
        Platform a = Fixtures.platform();
        Platform b = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(a, "PENSION", GD);
        Fixtures.link(w, b);
        List<Callable<Integer>> calls = new ArrayList<>();
        // 16 x 30,001 + 2 x 60,001 = 600,018 fen of demand for a due of 200,000; odd amounts, so rounding is tested too
        for (int i = 0; i < 16; i++) {
            calls.add(() -> Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), 30_001, "P-" + ref()))
                    .statusCode());
        }
        for (Platform p : List.of(a, b)) {
            calls.add(() -> send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 60_001))).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int status = f.get();
                assertTrue(status == 201 || status == 422, "each payment is posted or refused as exceeding the due: " + status);
            }
        } finally {
            pool.shutdown();
        }
        long paid = paidToward(w);
        assertTrue(paid <= DUE, "paid " + paid + " of a due of " + DUE);
        assertTrue(paid > DUE - 60_001, "the month was filled as far as whole payments fit: " + paid);
        long individual = individual(w.workerId(), Scheme.PENSION, GD);
        assertTrue(individual <= SHARE, "the individual account holds at most its share of the due: " + individual);
        assertEquals(Math.round(paid * 0.4), individual, "the share of what was paid, rounded once");
        JsonPath s = statement(w);
        assertEquals(paid, s.getLong("months[0].paidFen"));
        List<Number> amounts = s.getList("months[0].payers.amountFen");
        long byPayers = amounts.stream().mapToLong(Number::longValue).sum();
        assertEquals(paid, byPayers, "the statement shows each payer, adding up to what was paid");
    }
}
