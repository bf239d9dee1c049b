package org.psi.contribution.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;
import static org.psi.contribution.stats.StatsLedger.all;
import static org.psi.contribution.stats.StatsLedger.alsoIn;
import static org.psi.contribution.stats.StatsLedger.platform;
import static org.psi.contribution.stats.StatsLedger.self;
import static org.psi.contribution.stats.StatsLedger.workers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.contribution.stats.StatsLedger.Figures;
import org.psi.contribution.stats.StatsLedger.WorkerMonth;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.LedgerChecks;

/**
 * Contribution statistics. Each test writes its world into the ledger for its own month of the past
 * (or, through the real feed, for this month in a province no other test uses), so every month's
 * figures hold that test's contributions only and their true figures are known.
 */
@QuarkusTest
class StatisticsResourceTest extends LedgerChecks {

    private static final String X = "STX" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
    private static final String Y = "STY" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();

    /** Every grouping the API takes: region level x scheme x payer level, in the scope of a region (null: the country). */
    private static List<String> groupings(String region) {
        List<String> out = new ArrayList<>();
        List<String> regionLevels = region != null && !region.endsWith("0000") ? List.of("", "region") : List.of("", "region", "province");
        for (String r : regionLevels) {
            for (String s : List.of("", "scheme")) {
                for (String p : List.of("", "payerKind", "platform")) {
                    out.add(String.join(",", java.util.stream.Stream.of(r, s, p).filter(v -> !v.isEmpty()).toList()));
                }
            }
        }
        return out;
    }

    @Test
    void figuresAreTheTrueOnesInEveryGroupingAndScope() throws SQLException {
        YearMonth month = YearMonth.of(2019, 1);
        // Yunnan (530000, Kunming 530100) and Gansu (620000); every cell holds 10 workers or more
        List<WorkerMonth> g1 = workers(10, "PENSION", "530000", platform(X, 200_000));
        List<WorkerMonth> world = all(g1,
                alsoIn(g1, "MEDICAL", "530100", platform(X, 90_000)),
                workers(12, "PENSION", "530000", platform(X, 120_000), self(80_000)),
                workers(10, "PENSION", "620000", self(50_000)),
                workers(10, "OCCUPATIONAL_INJURY", "620000", platform(Y, 700)));
        StatsLedger.post(db, month, world);
        StatsLedger.refresh();

        for (String region : new String[] {null, "530000", "530100", "620000"}) {
            String token = StatsLedger.token(region);
            for (String groupBy : groupings(region)) {
                StatsLedger.Answer answer = StatsLedger.query(token, month, region, groupBy);
                assertEquals(0, StatsLedger.assertTruthful(answer, world, region), region + " " + groupBy + ": nothing withheld");
            }
        }
        // the figures by hand: the country's total, and Yunnan by payer kind
        Figures country = StatsLedger.total(StatsLedger.query(Tokens.auditor(), month, null, ""));
        long paid = 10 * (200_000 + 90_000) + 12 * 200_000 + 10 * 50_000 + 10 * 700;
        assertEquals(new Figures(42, paid, 10 + 10 + 12), country, "counted months: 10 pension + 10 medical + 12 pension");
        assertEquals(paid, sumOfPostings(month), "the amounts are what the ledger holds for the month");
        Map<List<String>, Figures> yunnan = StatsLedger.cells(StatsLedger.query(Tokens.officer("530000"), month, null, "payerKind"));
        assertEquals(new Figures(22, 10 * 290_000 + 12 * 120_000, 10 + 10 + 12), yunnan.get(List.of("PLATFORM")));
        assertEquals(new Figures(12, 12 * 80_000, 12), yunnan.get(List.of("SELF")));
        // a month with nothing paid is a published zero
        given().auth().oauth2(Tokens.auditor()).queryParam("from", "2018-12").queryParam("to", "2019-01")
                .get("/api/statistics/contributions").then().statusCode(200)
                .body("totals[0].month", equalTo("2018-12")).body("totals[0].persons", equalTo(0))
                .body("totals[0].amountFen", equalTo(0)).body("totals[1].persons", equalTo(42));
    }

    @Test
    void smallCellsAreWithheldAndCannotBeWorkedOutByDifferencingQueries() throws SQLException {
        YearMonth month = YearMonth.of(2019, 2);
        List<WorkerMonth> a = workers(12, "PENSION", "530000", platform(X, 200_000));
        List<WorkerMonth> world = all(a,
                alsoIn(a, "MEDICAL", "530100", platform(X, 90_000)),
                workers(11, "PENSION", "530000", platform(X, 100_000), self(100_000)),
                workers(3, "MEDICAL", "530100", self(90_000)),
                workers(4, "PENSION", "620000", platform(Y, 200_000)),
                workers(10, "OCCUPATIONAL_INJURY", "630000", platform(Y, 700)));
        StatsLedger.post(db, month, world);
        StatsLedger.refresh();
        String auditor = Tokens.auditor();

        Map<String, Map<List<String>, Figures>> answers = new HashMap<>();
        int withheldLarge = 0;
        for (String region : new String[] {null, "530000", "530100", "620000", "630000"}) {
            String token = StatsLedger.token(region);
            for (String groupBy : groupings(region)) {
                StatsLedger.Answer answer = StatsLedger.query(token, month, region, groupBy);
                withheldLarge += StatsLedger.assertTruthful(answer, world, region);
                ASKED.put(region + " " + groupBy, answer);
                answers.put(region + " " + groupBy, StatsLedger.cells(answer));
                answers.put(region + " " + groupBy + " total", java.util.Collections.singletonMap(List.of(),
                        StatsLedger.total(answer)));
            }
        }
        assertTrue(withheldLarge > 0, "secondary suppression withholds cells of 10 or more");

        // 1. the same filter, grouped and not: Kunming has 15 workers paid for, 12 by platform X and
        //    3 by themselves. The 3 is withheld; "total minus platforms" must not give it away, in
        //    persons or in money.
        Map<List<String>, Figures> kunmingByKind = answers.get("530100 payerKind");
        Figures kunming = answers.get("530100  total").get(List.of());
        assertNull(kunmingByKind.get(List.of("SELF")));
        assertTrue(kunming == null || kunmingByKind.get(List.of("PLATFORM")) == null,
                "total " + kunming + " and platforms " + kunmingByKind.get(List.of("PLATFORM")));
        Map<List<String>, Figures> kunmingByPlatform = answers.get("530100 platform");
        assertTrue(kunming == null || kunmingByPlatform.get(java.util.Arrays.asList(X, "PLATFORM")) == null,
                "total and platform X");

        // 2. overlapping filters: the whole country minus Yunnan minus Qinghai would be Gansu's 4
        //    workers (and their money)
        Figures country = answers.get("null  total").get(List.of());
        Figures yunnan = answers.get("530000  total").get(List.of());
        Figures qinghai = answers.get("630000  total").get(List.of());
        assertNull(answers.get("620000  total").get(List.of()), "Gansu's 4 workers are withheld");
        assertTrue(country == null || yunnan == null || qinghai == null,
                "country " + country + ", Yunnan " + yunnan + ", Qinghai " + qinghai);
        Map<List<String>, Figures> byProvince = answers.get("null province");
        assertEquals(yunnan, byProvince.get(List.of("530000")), "the same figure asked two ways");
        assertEquals(qinghai, byProvince.get(List.of("630000")));

        // 3. a province filter against a city filter: Yunnan by region lists Kunming as the Kunming
        //    officer sees it, and Yunnan's total minus its pension region must not give Kunming away
        Map<List<String>, Figures> yunnanByRegion = answers.get("530000 region");
        assertEquals(kunming, yunnanByRegion.get(List.of("530100")));
        Figures yunnanPension = yunnanByRegion.get(List.of("530000"));
        // amounts add up along region (53 = 530000 + 530100): Kunming withheld, Yunnan and 530000 are not both shown
        assertTrue(kunming != null || yunnan == null || yunnanPension == null,
                "Yunnan " + yunnan + " - 530000 " + yunnanPension + " = Kunming");

        // 4. any grouping against the same grouping without one of its dimensions, in every scope:
        //    amounts always add up, so a line with exactly one withheld figure would give it away
        for (String region : new String[] {null, "530000", "530100", "620000", "630000"}) {
            for (String fine : groupings(region)) {
                List<String> dims = fine.isEmpty() ? List.of() : List.of(fine.split(","));
                for (String dropped : dims) {
                    if (dropped.equals("payerKind") && dims.contains("platform")) {
                        continue;
                    }
                    List<String> coarse = new ArrayList<>(dims);
                    coarse.remove(dropped);
                    if (dropped.equals("platform")) {
                        coarse.add(dims.indexOf("platform"), "payerKind");
                    }
                    assertNoDifferencing(world, region, fine, String.join(",", coarse));
                }
            }
        }
    }

    private static final Map<String, StatsLedger.Answer> ASKED = new HashMap<>();

    /**
     * Each cell of the coarse answer with the fine cells under it is a line whose amounts add up:
     * it must never hold exactly one withheld figure that is small (fewer than 10 workers).
     */
    private static void assertNoDifferencing(List<WorkerMonth> world, String region, String fine, String coarse) {
        String token = StatsLedger.token(region);
        YearMonth month = YearMonth.of(2019, 2);
        StatsLedger.Answer fineAnswer = ASKED.computeIfAbsent(region + " " + fine, k -> StatsLedger.query(token, month, region, fine));
        StatsLedger.Answer coarseAnswer = ASKED.computeIfAbsent(region + " " + coarse, k -> StatsLedger.query(token, month, region, coarse));
        List<String> fineDims = fineAnswer.groupBy();
        List<String> coarseDims = coarseAnswer.groupBy();
        Map<List<String>, Figures> fineCells = StatsLedger.cells(fineAnswer);
        Map<List<String>, Figures> coarseCells = coarse.isEmpty()
                ? java.util.Collections.singletonMap(List.of(), StatsLedger.total(coarseAnswer)) : StatsLedger.cells(coarseAnswer);
        Map<List<String>, Figures> fineTruth = StatsLedger.truth(world, region, fineDims);
        Map<List<String>, Figures> coarseTruth = StatsLedger.truth(world, region, coarseDims);
        Map<List<String>, List<List<String>>> lines = new HashMap<>();
        for (List<String> key : fineCells.keySet()) {
            List<String> parent = new ArrayList<>();
            for (String d : coarseDims) {
                parent.add(key.get(fineDims.indexOf(d)));
            }
            lines.computeIfAbsent(parent, k -> new ArrayList<>()).add(key);
        }
        for (Map.Entry<List<String>, List<List<String>>> line : lines.entrySet()) {
            List<Long> withheld = new ArrayList<>();
            for (List<String> child : line.getValue()) {
                if (fineCells.get(child) == null) {
                    withheld.add(fineTruth.get(child).persons());
                }
            }
            if (coarseCells.containsKey(line.getKey()) && coarseCells.get(line.getKey()) == null) {
                withheld.add(coarseTruth.get(line.getKey()).persons());
            }
            assertTrue(withheld.size() != 1 || withheld.get(0) >= StatsLedger.THRESHOLD, region + " " + fine + " vs "
                    + coarse + ": the line " + line.getKey() + " gives away a withheld cell of " + withheld);
        }
    }

    @Test
    void officersSeeTheirOwnRegionAndProvincesTheirCities() {
        YearMonth month = YearMonth.of(2019, 3);
        String yunnan = Tokens.officer("530000");
        given().auth().oauth2(yunnan).queryParam("month", month.toString()).get("/api/statistics/contributions")
                .then().statusCode(200).body("region", equalTo("530000"));
        given().auth().oauth2(yunnan).queryParam("month", month.toString()).queryParam("region", "530100")
                .get("/api/statistics/contributions").then().statusCode(200).body("region", equalTo("530100"));
        given().auth().oauth2(Tokens.officer("530100")).queryParam("month", month.toString()).queryParam("region", "530000")
                .get("/api/statistics/contributions").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.officer("620000")).queryParam("month", month.toString()).queryParam("region", "530000")
                .get("/api/statistics/contributions").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("620000")).queryParam("month", month.toString()).queryParam("region", "530100")
                .get("/api/statistics/contributions").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("530102")).queryParam("month", month.toString())
                .get("/api/statistics/contributions").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).queryParam("month", month.toString()).queryParam("region", "620000")
                .get("/api/statistics/contributions").then().statusCode(200).body("region", equalTo("620000"));
        given().auth().oauth2(Tokens.auditor()).queryParam("month", month.toString())
                .get("/api/statistics/contributions").then().statusCode(200).body("region", nullValue());

        given().queryParam("month", month.toString()).get("/api/statistics/contributions").then().statusCode(401);
        given().auth().oauth2(Tokens.expired("someone")).queryParam("month", month.toString())
                .get("/api/statistics/contributions").then().statusCode(401);
        given().auth().oauth2(Tokens.newWorker()).queryParam("month", month.toString())
                .get("/api/statistics/contributions").then().statusCode(403);
        given().auth().oauth2(Tokens.platform("some-platform")).queryParam("month", month.toString())
                .get("/api/statistics/contributions").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).queryParam("month", month.toString())
                .get("/api/statistics/contributions").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).post("/api/statistics/refresh").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("530000")).post("/api/statistics/refresh").then().statusCode(403);
        given().post("/api/statistics/refresh").then().statusCode(401);
    }

    @Test
    void everyAnswerIsAlsoCsvWithWithheldFiguresMarked() throws SQLException {
        YearMonth month = YearMonth.of(2019, 4);
        List<WorkerMonth> world = all(
                workers(12, "PENSION", "530000", platform(X, 200_000)),
                workers(3, "PENSION", "530000", self(200_000)));
        StatsLedger.post(db, month, world);
        StatsLedger.refresh();

        Response csv = given().auth().oauth2(Tokens.officer("530000")).accept("text/csv")
                .queryParam("month", month.toString()).queryParam("groupBy", "region,payerKind")
                .get("/api/statistics/contributions");
        csv.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Last-Modified", org.hamcrest.Matchers.notNullValue())
                .header("Content-Disposition", containsString(".csv"));
        String[] lines = csv.asString().split("\r\n");
        assertEquals("month,region,payerKind,persons,amountFen,countedMonths", lines[0]);
        assertEquals(month + ",530000,PLATFORM,x,x,x", lines[1], "12 by platform: withheld beside the 3");
        assertEquals(month + ",530000,SELF,x,x,x", lines[2]);
        assertEquals(month + ",TOTAL,TOTAL,15,3000000,15", lines[3]);
        assertEquals(4, lines.length);

        String byPlatform = given().auth().oauth2(Tokens.auditor()).accept("text/csv")
                .queryParam("month", month.toString()).queryParam("groupBy", "platform")
                .get("/api/statistics/contributions").then().statusCode(200).extract().asString();
        assertTrue(byPlatform.startsWith("month,platform,payerKind,persons,amountFen,countedMonths\r\n"), byPlatform);
        assertTrue(byPlatform.contains(month + ",,SELF,x,x,x\r\n"), byPlatform);
        assertTrue(byPlatform.contains(month + "," + X + ",PLATFORM,x,x,x\r\n"), byPlatform);
        // JSON unless CSV is asked for
        given().auth().oauth2(Tokens.auditor()).accept("application/json, text/csv").queryParam("month", month.toString())
                .get("/api/statistics/contributions").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void badParametersAreProblems() {
        String auditor = Tokens.auditor();
        Object[][] bad = {
                {"month", "2019-13", "month"},
                {"month", "March", "month"},
                {"month", thisMonth().plusMonths(1).toString(), "month"},
                {"groupBy", "sex", "groupBy"},
                {"region", "990000", "region"},
                {"region", "53", "region"},
                {"region", "530102", "region"},
        };
        for (Object[] b : bad) {
            var r = given().auth().oauth2(auditor);
            if (!b[0].equals("month")) {
                r = r.queryParam("month", "2019-01");
            }
            r.queryParam((String) b[0], b[1]).get("/api/statistics/contributions")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400)).body("errors.field", hasItem(b[2]))
                    .body("$", org.hamcrest.Matchers.not(hasKey("trace")));
        }
        given().auth().oauth2(auditor).get("/api/statistics/contributions").then().statusCode(400)
                .body("errors.code", hasItem("REQUIRED"));
        given().auth().oauth2(auditor).queryParam("month", "2019-01").queryParam("from", "2019-01")
                .get("/api/statistics/contributions").then().statusCode(400);
        given().auth().oauth2(auditor).queryParam("from", "2019-03").queryParam("to", "2019-01")
                .get("/api/statistics/contributions").then().statusCode(400);
        given().auth().oauth2(auditor).queryParam("from", "2015-01").queryParam("to", "2019-01")
                .get("/api/statistics/contributions").then().statusCode(400).body("errors.code", hasItem("OUT_OF_RANGE"));
        given().auth().oauth2(auditor).queryParam("month", "2019-01").queryParam("groupBy", "region,region")
                .get("/api/statistics/contributions").then().statusCode(400).body("errors.code", hasItem("DUPLICATE_DIMENSION"));
        given().auth().oauth2(auditor).queryParam("month", "2019-01").queryParam("groupBy", "region").queryParam("groupBy", "province")
                .get("/api/statistics/contributions").then().statusCode(400).body("errors.code", hasItem("CONFLICTING_DIMENSIONS"));
        given().auth().oauth2(Tokens.officer("530100")).queryParam("month", "2019-01").queryParam("groupBy", "province")
                .get("/api/statistics/contributions").then().statusCode(400);
    }

    /**
     * The figures are those of the last refresh ({@code asOf}, Last-Modified): what is posted after it
     * shows at the next one. In a month of the past that only this test uses, so every figure is known.
     */
    @Test
    void figuresComeFromTheLastRefresh() throws SQLException {
        YearMonth month = YearMonth.of(2019, 5);
        List<WorkerMonth> partly = workers(12, "PENSION", "530000", platform(X, 120_000));
        StatsLedger.post(db, month, partly);
        Instant firstAsOf = Instant.parse(given().auth().oauth2(Tokens.admin()).post("/api/statistics/refresh")
                .then().statusCode(200).extract().path("asOf"));
        String officer = StatsLedger.token("530000");
        StatsLedger.Answer before = StatsLedger.query(officer, month, null, "payerKind");
        assertEquals(firstAsOf, Instant.parse(before.asOf()));
        assertEquals(new Figures(12, 12 * 120_000, 0), StatsLedger.total(before), "paid in part: no month counts");

        // each worker pays the rest of the month; the figures stay those of the refresh until the next one
        List<WorkerMonth> rest = partly.stream().map(w -> StatsLedger.month(w.worker(), "PENSION", "530000",
                self(StatsLedger.PENSION_DUE - 120_000))).toList();
        StatsLedger.post(db, month, rest);
        Response stale = given().auth().oauth2(officer).queryParam("month", month.toString())
                .get("/api/statistics/contributions");
        stale.then().statusCode(200).body("totals[0].amountFen", equalTo(12 * 120_000))
                .body("totals[0].countedMonths", equalTo(0));
        Instant lastModified = ZonedDateTime.parse(stale.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertEquals(firstAsOf.getEpochSecond(), lastModified.getEpochSecond(), "Last-Modified is asOf");

        StatsLedger.refresh();
        StatsLedger.Answer after = StatsLedger.query(officer, month, null, "payerKind");
        assertTrue(Instant.parse(after.asOf()).isAfter(firstAsOf));
        assertEquals(new Figures(12, 12 * StatsLedger.PENSION_DUE, 12), StatsLedger.total(after), "paid in full: 12 months count");
        assertEquals(new Figures(12, 12 * 120_000, 12), StatsLedger.cells(after).get(List.of("PLATFORM")));
        assertEquals(new Figures(12, 12 * (StatsLedger.PENSION_DUE - 120_000), 12), StatsLedger.cells(after).get(List.of("SELF")));
        assertEquals(List.of("payerKind"), after.multiValued());
        assertEquals(false, after.body().get("additive"));
    }

    /**
     * Through the real feed (checked against the real enrollment-service), self-payments and a
     * reversal, this month: the refreshed snapshot holds the true figures, and the answers show them
     * or withhold them. (This month's figures are protected together with whatever the other tests
     * of the suite post this month, so any cell of 10 may be withheld by secondary suppression.)
     */
    @Test
    void figuresFollowTheFeedAndSelfPayments() throws SQLException {
        String xinjiang = "650000";
        Fixtures.testPolicy(xinjiang);
        Fixtures.Platform p = Fixtures.platform("FOOD_DELIVERY");
        List<Fixtures.Worker> riders = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Fixtures.Worker w = Fixtures.linkedWorker(p, "PENSION", xinjiang);
            riders.add(w);
            lines.add(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 120_000));
        }
        send(p, key(), Map.of("lines", lines)).then().statusCode(201).body("accepted", equalTo(10));
        String officer = StatsLedger.token(xinjiang);
        StatsLedger.refresh();
        assertFigures(officer, "*", new Figures(10, 1_200_000, 0));
        assertFigures(officer, "PLATFORM", new Figures(10, 1_200_000, 0));

        long rest = StatsLedger.PENSION_DUE - 120_000;
        for (Fixtures.Worker w : riders) {
            Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), rest, "P-" + ref()))
                    .then().statusCode(201).body("monthStatus", equalTo("PAID"));
        }
        StatsLedger.refresh();
        assertFigures(officer, "*", new Figures(10, 10 * StatsLedger.PENSION_DUE, 10));
        assertFigures(officer, "PLATFORM", new Figures(10, 1_200_000, 10));
        assertFigures(officer, "SELF", new Figures(10, 10 * rest, 10));

        // a reversal through the feed nets out: one rider's platform line taken back leaves 9 workers
        // paid for by the platform (withheld), and that rider's month no longer counts
        send(p, key(), feed(Fixtures.reversal(ref(), lines.get(0).get("ref").toString(), riders.get(0).nationalId(),
                "PENSION", thisMonth().toString()))).then().statusCode(201).body("accepted", equalTo(1));
        StatsLedger.refresh();
        assertFigures(officer, "*", new Figures(10, 10 * StatsLedger.PENSION_DUE - 120_000, 9));
        assertFigures(officer, "PLATFORM", new Figures(9, 9 * 120_000, 9));
        assertNull(StatsLedger.cells(StatsLedger.query(officer, thisMonth(), null, "payerKind")).get(List.of("PLATFORM")),
                "9 workers: withheld");
    }

    /** Xinjiang's cell of this month for a payer node ('*', PLATFORM, SELF): as stored in the snapshot, and as answered. */
    private void assertFigures(String officer, String payer, Figures truth) throws SQLException {
        Figures[] stored = new Figures[1];
        query("select persons, amount_fen, counted_months from stats_contribution_cell where snapshot_id ="
                + " (select max(id) from stats_snapshot) and month = '" + thisMonth() + "' and region = '65'"
                + " and scheme = '*' and payer = '" + payer + "'",
                rs -> stored[0] = new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        assertEquals(truth, stored[0], "the snapshot's figures for " + payer);
        StatsLedger.Answer answer = StatsLedger.query(officer, thisMonth(), null, "payerKind");
        assertPublishedOrWithheld(truth, payer.equals("*") ? StatsLedger.total(answer)
                : StatsLedger.cells(answer).get(List.of(payer)));
    }

    /**
     * A figure of this month is the true one or withheld: this month's lattice also holds what other
     * tests post, which may withhold any cell of 10 (secondary suppression).
     */
    private static void assertPublishedOrWithheld(Figures truth, Figures shown) {
        if (shown != null) {
            assertEquals(truth, shown);
        }
    }

    @Test
    void theEndpointsAreDocumented() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/statistics/contributions"))
                .body("paths", hasKey("/api/statistics/refresh"))
                .body("paths.'/api/statistics/contributions'.get.responses", hasKey("400"))
                .body("paths.'/api/statistics/contributions'.get.responses", hasKey("403"))
                .body("paths.'/api/statistics/contributions'.get.responses.'200'.content", hasKey("text/csv"));
    }

    private long sumOfPostings(YearMonth month) throws SQLException {
        long[] v = new long[1];
        query("select coalesce(sum(amount_fen), 0) from posting where month = '" + month + "' and kind <> 'TRANSFER'",
                rs -> v[0] = rs.getLong(1));
        return v[0];
    }
}
