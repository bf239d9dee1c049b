package org.psi.contribution.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * A statement kept in memory is answered again only while nothing it is made of has changed: each
 * kind of change (her own payment, a platform's line, a policy, her enrollment) is in the very next
 * read, folding the change rows changes no answer, and under concurrent payments no read misses a
 * payment that was confirmed before it. The region is this test's own (a policy change re-prices it).
 */
@QuarkusTest
class KeptStatementsTest extends LedgerChecks {

    private static final String REGION = "450000";
    private static final long DUE = Fixtures.WAGE_FEN * 20 / 100;

    @Inject
    KeptStatements kept;

    private static JsonPath statement(Worker w, YearMonth from, YearMonth to) {
        return given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/workers/me/statement").then().statusCode(200).extract().jsonPath();
    }

    private static void policy(int year, long wage) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("averageMonthlyWageFen", wage, "baseFloorPercent", 60, "baseCeilingPercent", 300,
                        "pensionRatePercent", 20, "pensionIndividualPercent", 8, "medicalRatePercent", 9,
                        "medicalIndividualPercent", 2, "injuryFeePerOrderFen", Map.of("FOOD_DELIVERY", Fixtures.FOOD_FEE_FEN,
                                "RIDE_HAILING", Fixtures.RIDE_FEE_FEN, "INSTANT_DELIVERY", 7)))
                .put("/api/regions/" + REGION + "/policies/" + year).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private long changesOf(String workerId) throws SQLException {
        long[] v = new long[1];
        query("select coalesce(sum(weight), 0) from statement_change where worker_id = '" + workerId + "'::uuid", rs -> v[0] = rs.getLong(1));
        return v[0];
    }

    @Test
    void everyChangeToWhatAStatementIsMadeOfIsInTheNextRead() throws SQLException {
        YearMonth next = thisMonth().plusMonths(1);
        Fixtures.testPolicy(REGION);
        policy(next.getYear(), Fixtures.WAGE_FEN);
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", REGION);

        JsonPath s = statement(w, thisMonth(), next);
        assertEquals(0, s.getLong("months[0].paidFen"));
        assertEquals(DUE, s.getLong("months[1].dueFen"), "next month is priced by its year's policy");
        assertEquals(s.prettify(), statement(w, thisMonth(), next).prettify(), "the same answer again");

        // her own payment
        Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), DUE / 4, "P-" + ref())).then().statusCode(201);
        s = statement(w, thisMonth(), next);
        assertEquals(DUE / 4, s.getLong("months[0].paidFen"));
        assertEquals("PARTIAL", s.getString("months[0].status"));

        // a platform's line
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE / 4))).then().statusCode(201);
        s = statement(w, thisMonth(), next);
        assertEquals(DUE / 2, s.getLong("months[0].paidFen"));

        // the policy of next month's year: the provisional month is priced anew
        policy(next.getYear(), 2 * Fixtures.WAGE_FEN);
        s = statement(w, thisMonth(), next);
        assertEquals(2 * DUE, s.getLong("months[1].dueFen"));
        assertEquals(DUE, s.getLong("months[0].dueFen"), "an assessed month keeps its due");

        // her enrollment: a higher grade from next month
        String id = given().baseUri(Fixtures.enrollmentUrl()).auth().oauth2(w.token()).get("/api/workers/me/enrollments")
                .then().statusCode(200).extract().path("[0].id");
        given().baseUri(Fixtures.enrollmentUrl()).auth().oauth2(w.token()).contentType(ContentType.JSON)
                .body(Map.of("baseGrade", 150)).patch("/api/workers/me/enrollments/" + id).then().statusCode(200);
        s = statement(w, thisMonth(), next);
        assertEquals(3 * DUE, s.getLong("months[1].dueFen"), "grade 150 of the doubled wage");

        // folding the change rows changes no count and no answer
        long before = changesOf(w.workerId());
        kept.fold();
        assertEquals(before, changesOf(w.workerId()));
        assertEquals(s.prettify(), statement(w, thisMonth(), next).prettify());
        Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), DUE / 4, "P-" + ref())).then().statusCode(201);
        assertEquals(3 * DUE / 4, statement(w, thisMonth(), next).getLong("months[0].paidFen"), "a change after the fold");

        assertEquals(3 * DUE / 4, paidToward(w.workerId(), Scheme.PENSION, thisMonth()));
        Fixtures.testPolicy(REGION);
        policy(next.getYear(), Fixtures.WAGE_FEN);
    }

    @Test
    void noReadMissesAPaymentConfirmedBeforeIt() throws Exception {
        Fixtures.testPolicy(REGION);
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", REGION, thisMonth().minusMonths(7));
        AtomicLong confirmed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            runs.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    YearMonth month = thisMonth().minusMonths((thread * 10 + i) % 8);
                    Fixtures.pay(w, key(), Fixtures.payment("PENSION", month.toString(), 1_000, "P-" + ref())).then().statusCode(201);
                    long known = confirmed.addAndGet(1_000);
                    long read = statement(w, thisMonth().minusMonths(7), thisMonth()).getLong("totals.paidFen");
                    assertTrue(read >= known, "a read after " + known + " fen confirmed showed " + read);
                }
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        assertEquals(40_000, statement(w, thisMonth().minusMonths(7), thisMonth()).getLong("totals.paidFen"));
        long ledger = 0;
        for (int m = 0; m < 8; m++) {
            ledger += paidToward(w.workerId(), Scheme.PENSION, thisMonth().minusMonths(m));
        }
        assertEquals(40_000, ledger);
    }
}
