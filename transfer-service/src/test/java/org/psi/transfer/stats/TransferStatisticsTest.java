package org.psi.transfer.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.transfer.stats.StatSeeds.all;
import static org.psi.transfer.stats.StatSeeds.assertDecimal;
import static org.psi.transfer.stats.StatSeeds.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.transfer.stats.StatSeeds.Seed;

/**
 * Transfer statistics. Each test seeds its cases in its own month of 2021 (straight into the case
 * table, see {@link StatSeeds}), so every month's figures hold that test's cases only and their true
 * figures are known; cases other tests make through the API are in the current month.
 */
@QuarkusTest
class TransferStatisticsTest {

    private static final YearMonth THIS_MONTH = YearMonth.now(StatSeeds.ZONE);
    private static final List<String> DIMENSIONS = List.of("region", "province", "direction", "scheme", "status");

    @Test
    void figuresMediansAndSharesAreTheTrueValuesInEveryGroupingAndScope() {
        LocalDate monday = LocalDate.of(2021, 3, 1);
        YearMonth month = YearMonth.from(monday);
        List<Seed> a = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            // reviewed in 1..12 working days, out in 5 (nine of them) or 20 (three: late), in in 2
            a.addAll(cases(1, "PENSION", "530000", "620000", "COMPLETED", monday, i, i <= 9 ? 5 : 20, 2));
        }
        List<Seed> seeds = all(a,
                // Kunming to Shenzhen, medical: accepted the same day; out in 4 (five) or 12 (five: late, 10 allowed)
                cases(5, "MEDICAL", "530100", "440300", "TRANSFERRED_OUT", monday, 0, 4, null),
                cases(5, "MEDICAL", "530100", "440300", "TRANSFERRED_OUT", monday, 0, 12, null),
                // refused after 16 working days: late
                cases(11, "PENSION", "440000", "530000", "REJECTED", monday, 16, null, null),
                // failed: four after acceptance in 3 days (their review counts), six before any decision
                cases(4, "PENSION", "650000", "640000", "FAILED", monday, 3, null, null),
                cases(6, "PENSION", "650000", "640000", "FAILED", monday, null, null, null));
        StatSeeds.insert(seeds);
        StatSeeds.refresh();

        for (String region : new String[] {null, "530000"}) {
            String token = region == null ? Tokens.auditor() : Tokens.officer(region);
            for (List<String> groupBy : groupings(region)) {
                JsonPath answer = StatSeeds.query(token, month, region, String.join(",", groupBy));
                assertEquals(groupBy, answer.getList("groupBy"));
                assertEquals(0, StatSeeds.assertTruthful(answer, seeds, region, groupBy), "nothing is small here");
                assertTrue(StatSeeds.cells(answer, groupBy).values().stream().noneMatch(c -> (Boolean) c.get("suppressed")),
                        "nothing withheld: " + region + " " + groupBy);
            }
        }

        // figures spelled out
        JsonPath nation = StatSeeds.query(Tokens.auditor(), month, null, "");
        assertEquals(10, nation.getInt("threshold"));
        assertNull(nation.get("region"));
        assertNotNull(nation.get("asOf"));
        Map<String, Object> total = nation.getMap("totals[0]");
        assertEquals(43, total.get("transfers"));
        // review: 0 x10, 1..12, 3 x4, 16 x11 -> 37 values, the 19th is 5; 16 of 27 with a deadline in time
        step(total, 0, "5.0", "0.593", false);
        // transfer-out: 4 x5, 5 x9, 12 x5, 20 x3 -> 5; 14 of 22 in time (the failed cases never transferred out)
        step(total, 1, "5.0", "0.636", false);
        step(total, 2, "2.0", "1.000", false);

        JsonPath yunnan = StatSeeds.query(Tokens.officer("530000"), month, null, "direction");
        assertEquals("530000", yunnan.get("region"));
        assertEquals(List.of("direction"), yunnan.getList("multiValued"));
        assertEquals(false, yunnan.getBoolean("additive"));
        Map<List<String>, Map<String, Object>> byDirection = StatSeeds.cells(yunnan, List.of("direction"));
        // 12 out of Yunnan (pension) and 10 out of Kunming (medical); 11 in
        assertEquals(22, byDirection.get(List.of("OUT")).get("transfers"));
        assertEquals(11, byDirection.get(List.of("IN")).get("transfers"));
        assertEquals(33, byDirection.get(List.of()).get("transfers"));
        Map<String, Object> in = byDirection.get(List.of("IN"));
        step(in, 0, "16.0", "0.000", false);
        step(in, 1, null, null, false);
        step(in, 2, null, null, false);
        Map<List<String>, Map<String, Object>> bySchemeOut = StatSeeds.cells(
                StatSeeds.query(Tokens.officer("530000"), month, null, "direction,scheme"), List.of("direction", "scheme"));
        Map<String, Object> pensionOut = bySchemeOut.get(List.of("OUT", "PENSION"));
        assertEquals(12, pensionOut.get("transfers"));
        step(pensionOut, 0, "6.5", "1.000", false);
        step(pensionOut, 1, "5.0", "0.750", false);
        step(pensionOut, 2, "2.0", "1.000", false);
        // Kunming: a medical review has no deadline, so no share
        Map<String, Object> kunming = StatSeeds.query(Tokens.officer("530100"), month, null, "").getMap("totals[0]");
        assertEquals(10, kunming.get("transfers"));
        step(kunming, 0, "0.0", null, false);
        step(kunming, 1, "8.0", "0.500", false);
        step(kunming, 2, null, null, false);
        // Xinjiang: 10 cases published, but only 4 reviews done: their figures are withheld
        Map<String, Object> xinjiang = StatSeeds.query(Tokens.auditor(), month, "650000", "").getMap("totals[0]");
        assertEquals(10, xinjiang.get("transfers"));
        step(xinjiang, 0, null, null, true);
        step(xinjiang, 1, null, null, false);
        // by region and direction: each region on its side
        Map<List<String>, Map<String, Object>> byRegion = StatSeeds.cells(
                StatSeeds.query(Tokens.auditor(), month, null, "region,direction"), List.of("region", "direction"));
        assertEquals(Set.of(List.of("530000", "OUT"), List.of("620000", "IN"), List.of("530100", "OUT"),
                List.of("440300", "IN"), List.of("440000", "OUT"), List.of("530000", "IN"), List.of("650000", "OUT"),
                List.of("640000", "IN"), List.of()), byRegion.keySet());
        // only that month
        given().auth().oauth2(Tokens.auditor()).queryParam("from", month.minusMonths(1).toString())
                .queryParam("to", month.plusMonths(1).toString()).queryParam("region", "530000")
                .get("/api/statistics/transfers").then().statusCode(200)
                .body("totals.month", equalTo(List.of(month.minusMonths(1).toString(), month.toString(),
                        month.plusMonths(1).toString())))
                .body("totals.transfers", equalTo(List.of(0, 33, 0)));
    }

    @Test
    void smallCellsAreWithheldAndCannotBeWorkedOutByDifferencingQueries() {
        LocalDate monday = LocalDate.of(2021, 5, 3);
        YearMonth month = YearMonth.from(monday);
        List<Seed> seeds = all(
                cases(12, "MEDICAL", "530100", "440300", "COMPLETED", monday, 1, 3, 2),
                cases(3, "PENSION", "530000", "620000", "SUBMITTED", monday, null, null, null),
                cases(11, "PENSION", "640000", "650000", "ACCEPTED", monday, 5, null, null),
                cases(4, "MEDICAL", "440100", "530100", "SUBMITTED", monday, null, null, null));
        StatSeeds.insert(seeds);
        StatSeeds.refresh();

        Map<String, Map<List<String>, Map<String, Object>>> answers = new HashMap<>();
        int withheldLarge = 0;
        for (String region : new String[] {null, "530000", "530100"}) {
            String token = region == null ? Tokens.auditor() : Tokens.officer(region);
            for (List<String> groupBy : groupings(region)) {
                JsonPath answer = StatSeeds.query(token, month, region, String.join(",", groupBy));
                withheldLarge += StatSeeds.assertTruthful(answer, seeds, region, groupBy);
                answers.put(region + " " + groupBy, StatSeeds.cells(answer, groupBy));
            }
        }
        assertTrue(withheldLarge > 0, "secondary suppression withholds cells of 10 or more");

        // Overlapping filters: Yunnan (with Kunming) has 15 cases out, 12 of them Kunming's. Yunnan's
        // minus Kunming's would be the 3 pension cases out of the province, which are withheld.
        Map<List<String>, Map<String, Object>> yunnan = answers.get("530000 [direction]");
        Map<List<String>, Map<String, Object>> kunming = answers.get("530100 [direction]");
        assertNull(StatSeeds.transfers(answers.get("530000 [region, direction]").get(List.of("530000", "OUT"))));
        Integer yunnanOut = StatSeeds.transfers(yunnan.get(List.of("OUT")));
        Integer kunmingOut = StatSeeds.transfers(kunming.get(List.of("OUT")));
        assertTrue(yunnanOut == null || kunmingOut == null, "Yunnan out " + yunnanOut + ", Kunming out " + kunmingOut);
        // the same through the totals: Yunnan's cases (19) minus Kunming's (16) would be those 3 too
        Integer yunnanAll = StatSeeds.transfers(yunnan.get(List.of()));
        Integer kunmingAll = StatSeeds.transfers(kunming.get(List.of()));
        assertTrue(yunnanAll == null || kunmingAll == null, "Yunnan " + yunnanAll + ", Kunming " + kunmingAll);
        // and the same figure asked two ways is published alike
        assertEquals(StatSeeds.transfers(kunming.get(List.of("OUT"))),
                StatSeeds.transfers(answers.get("530000 [region, direction]").get(List.of("530100", "OUT"))));
        assertEquals(StatSeeds.transfers(kunming.get(List.of("OUT"))),
                StatSeeds.transfers(answers.get("null [region, direction]").get(List.of("530100", "OUT"))));

        // every grouping against each coarser one along an adding-up dimension, in every scope
        for (String region : new String[] {null, "530000", "530100"}) {
            for (List<String> fineBy : groupings(region)) {
                for (int i = 0; i < fineBy.size(); i++) {
                    String extra = fineBy.get(i);
                    boolean additive = extra.equals("scheme") || extra.equals("status")
                            || (extra.equals("region") || extra.equals("province")) && fineBy.contains("direction");
                    List<String> coarseBy = new ArrayList<>(fineBy);
                    coarseBy.remove(i);
                    Map<List<String>, Map<String, Object>> coarse = answers.get(region + " " + coarseBy);
                    if (additive && coarse != null) {
                        StatSeeds.assertNoDifferencing(answers.get(region + " " + fineBy), coarse, i,
                                region + " " + fineBy + " vs " + coarseBy);
                    }
                }
            }
        }
    }

    @Test
    void figuresComeFromTheLastRefresh() {
        LocalDate monday = LocalDate.of(2021, 11, 1);
        YearMonth month = YearMonth.from(monday);
        StatSeeds.insert(cases(12, "PENSION", "630000", "640000", "ACCEPTED", monday, 2, null, null));
        String asOf = given().auth().oauth2(Tokens.admin()).post("/api/statistics/refresh")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("throughMonth", equalTo(THIS_MONTH.toString())).body("fullyAudited", equalTo(true))
                .extract().path("asOf");
        given().auth().oauth2(Tokens.auditor()).queryParam("month", month.toString()).queryParam("region", "630000")
                .get("/api/statistics/transfers").then().statusCode(200)
                .header("Last-Modified", notNullValue())
                .body("asOf", equalTo(asOf))
                .body("totals[0].transfers", equalTo(12));

        // a case submitted in that month afterwards shows only once the figures are recomputed
        StatSeeds.insert(cases(1, "PENSION", "630000", "640000", "SUBMITTED", monday.plusDays(3), null, null, null));
        JsonPath before = StatSeeds.query(Tokens.auditor(), month, "630000", "");
        assertEquals(12, before.getInt("totals[0].transfers"));
        assertEquals(asOf, before.getString("asOf"));
        StatSeeds.refresh();
        JsonPath after = StatSeeds.query(Tokens.auditor(), month, "630000", "");
        assertEquals(13, after.getInt("totals[0].transfers"));
        assertNotEquals(asOf, after.getString("asOf"));
    }

    @Test
    void officersSeeTheirOwnRegionAndProvincesTheirCities() {
        LocalDate monday = LocalDate.of(2021, 7, 5);
        String m = YearMonth.from(monday).toString();
        StatSeeds.insert(all(cases(1, "PENSION", "530000", "620000", "SUBMITTED", monday, null, null, null),
                cases(1, "MEDICAL", "530100", "440300", "SUBMITTED", monday, null, null, null)));
        StatSeeds.refresh();

        // a province officer: its own province with its cities, by default or asked
        given().auth().oauth2(Tokens.officer("530000")).queryParam("month", m).queryParam("groupBy", "region")
                .get("/api/statistics/transfers").then().statusCode(200)
                .body("region", equalTo("530000"))
                .body("cells.region", equalTo(List.of("530000", "530100")));
        given().auth().oauth2(Tokens.officer("530000")).queryParam("month", m).queryParam("region", "530100")
                .get("/api/statistics/transfers").then().statusCode(200).body("region", equalTo("530100"));
        // a city officer: the city only
        given().auth().oauth2(Tokens.officer("530100")).queryParam("month", m).queryParam("groupBy", "region")
                .get("/api/statistics/transfers").then().statusCode(200)
                .body("region", equalTo("530100")).body("cells.region", equalTo(List.of("530100")));
        given().auth().oauth2(Tokens.officer("530100")).queryParam("month", m).queryParam("region", "530000")
                .get("/api/statistics/transfers").then().statusCode(403).contentType("application/problem+json");
        // another province's officer, a county officer, an officer without a region
        given().auth().oauth2(Tokens.officer("620000")).queryParam("month", m).queryParam("region", "530000")
                .get("/api/statistics/transfers").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer("620000")).queryParam("month", m).queryParam("region", "530100")
                .get("/api/statistics/transfers").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("530102")).queryParam("month", m)
                .get("/api/statistics/transfers").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.sign(Tokens.builder("officer-x", Set.of("officer")))).queryParam("month", m)
                .get("/api/statistics/transfers").then().statusCode(403);
        // the auditor sees every region
        given().auth().oauth2(Tokens.auditor()).queryParam("month", m).queryParam("groupBy", "province")
                .get("/api/statistics/transfers").then().statusCode(200)
                .body("cells.province", hasItem("530000")).body("cells.province", hasItem("440000"))
                .body("cells.province", hasItem("620000"));
        // nobody else
        for (String token : List.of(Tokens.newWorker(), Tokens.platform("client-x"), Tokens.admin(),
                Tokens.internal("psi-service"))) {
            given().auth().oauth2(token).queryParam("month", m).get("/api/statistics/transfers")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().queryParam("month", m).get("/api/statistics/transfers").then().statusCode(401);
        given().auth().oauth2(Tokens.expired("someone")).queryParam("month", m).get("/api/statistics/transfers")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.auditor()).post("/api/statistics/refresh").then().statusCode(403);
        given().post("/api/statistics/refresh").then().statusCode(401);
    }

    @Test
    void everyAnswerIsAlsoCsvWithWithheldFiguresMarked() {
        LocalDate wednesday = LocalDate.of(2021, 9, 1);
        String m = YearMonth.from(wednesday).toString();
        StatSeeds.insert(all(cases(12, "PENSION", "540000", "530000", "COMPLETED", wednesday, 2, 3, 1),
                cases(3, "PENSION", "540000", "620000", "SUBMITTED", wednesday, null, null, null)));
        StatSeeds.refresh();
        String csv = given().auth().oauth2(Tokens.officer("540000")).accept("text/csv").queryParam("month", m)
                .queryParam("groupBy", "status").get("/api/statistics/transfers")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Last-Modified", notNullValue())
                .extract().asString();
        String header = "transfers,reviewMedianDays,reviewWithinDeadlineShare,transferOutMedianDays,"
                + "transferOutWithinDeadlineShare,transferInMedianDays,transferInWithinDeadlineShare\r\n";
        assertEquals("month,status," + header
                + m + ",COMPLETED,x,x,x,x,x,x,x\r\n"
                + m + ",SUBMITTED,x,x,x,x,x,x,x\r\n"
                + m + ",TOTAL,15,2.0,1.000,3.0,1.000,1.0,1.000\r\n", csv);
        // Tibet's 15 cases go out, 12 of them into Yunnan; those 12 are withheld too, for the country's
        // 15 cases in minus Yunnan's would be Gansu's 3
        String byDirection = given().auth().oauth2(Tokens.auditor()).accept("text/csv").queryParam("month", m)
                .queryParam("region", "530000").queryParam("groupBy", "direction")
                .get("/api/statistics/transfers").then().statusCode(200).extract().asString();
        assertEquals("month,direction," + header
                + m + ",IN,x,x,x,x,x,x,x\r\n"
                + m + ",TOTAL,x,x,x,x,x,x,x\r\n", byDirection);
        String out = given().auth().oauth2(Tokens.auditor()).accept("text/csv").queryParam("month", m)
                .queryParam("groupBy", "direction").get("/api/statistics/transfers").then().statusCode(200).extract().asString();
        assertEquals("month,direction," + header
                + m + ",IN,15,2.0,1.000,3.0,1.000,1.0,1.000\r\n"
                + m + ",OUT,15,2.0,1.000,3.0,1.000,1.0,1.000\r\n"
                + m + ",TOTAL,15,2.0,1.000,3.0,1.000,1.0,1.000\r\n", out);
        // JSON stays the default, and errors stay problems
        given().auth().oauth2(Tokens.auditor()).queryParam("month", m).get("/api/statistics/transfers")
                .then().statusCode(200).contentType(ContentType.JSON);
        given().auth().oauth2(Tokens.auditor()).accept("text/csv").queryParam("month", "2025-13")
                .get("/api/statistics/transfers").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.auditor()).accept("application/xml").queryParam("month", m)
                .get("/api/statistics/transfers").then().statusCode(406);
    }

    @Test
    void badParametersAreProblems() {
        String auditor = Tokens.auditor();
        String m = THIS_MONTH.minusMonths(1).toString();
        Object[][] cases = {
                {Map.of(), "month", "REQUIRED"},
                {Map.of("month", "2025-13"), "month", "INVALID_MONTH"},
                {Map.of("month", "2025-3"), "month", "INVALID_MONTH"},
                {Map.of("month", THIS_MONTH.plusMonths(1).toString()), "month", "FUTURE_PERIOD"},
                {Map.of("month", m, "from", m), "month", "CONFLICTING_PARAMETERS"},
                {Map.of("from", m), "to", "REQUIRED"},
                {Map.of("to", m), "from", "REQUIRED"},
                {Map.of("from", m, "to", THIS_MONTH.minusMonths(2).toString()), "to", "OUT_OF_RANGE"},
                {Map.of("from", THIS_MONTH.minusMonths(40).toString(), "to", m), "to", "OUT_OF_RANGE"},
                {Map.of("month", m, "groupBy", "region,colour"), "groupBy", "UNKNOWN_DIMENSION"},
                {Map.of("month", m, "groupBy", "platform"), "groupBy", "UNKNOWN_DIMENSION"},
                {Map.of("month", m, "groupBy", "scheme,scheme"), "groupBy", "DUPLICATE_DIMENSION"},
                {Map.of("month", m, "groupBy", "direction,"), "groupBy", "UNKNOWN_DIMENSION"},
                {Map.of("month", m, "groupBy", "region,province"), "groupBy", "CONFLICTING_DIMENSIONS"},
                {Map.of("month", m, "groupBy", "province", "region", "530100"), "groupBy", "CONFLICTING_DIMENSIONS"},
                {Map.of("month", m, "region", "53"), "region", "INVALID_REGION_CODE"},
                {Map.of("month", m, "region", "990000"), "region", "UNKNOWN_REGION"},
                {Map.of("month", m, "region", "530102"), "region", "NOT_A_STATISTICS_REGION"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) c[0];
            given().auth().oauth2(auditor).queryParams(params).get("/api/statistics/transfers")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1])).body("errors[0].code", equalTo(c[2]));
        }
        // an officer asking about an unknown region gets the same 400
        given().auth().oauth2(Tokens.officer("530000")).queryParam("month", m).queryParam("region", "990000")
                .get("/api/statistics/transfers").then().statusCode(400).body("errors[0].code", equalTo("UNKNOWN_REGION"));
        // a range of 36 months is fine
        given().auth().oauth2(auditor).queryParam("from", THIS_MONTH.minusMonths(35).toString())
                .queryParam("to", THIS_MONTH.toString()).get("/api/statistics/transfers")
                .then().statusCode(200).body("totals", org.hamcrest.Matchers.hasSize(36));
    }

    @Test
    void theEndpointsAreDocumented() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/statistics/transfers'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/statistics/transfers'.get.responses", hasKey("400"))
                .body("paths.'/api/statistics/transfers'.get.responses", hasKey("403"))
                .body("paths.'/api/statistics/refresh'.post.responses", hasKey("200"));
    }

    /** Checks one step of a cell or total: median, share, withheld. */
    @SuppressWarnings("unchecked")
    private static void step(Map<String, Object> cell, int step, String median, String share, boolean withheld) {
        Map<String, Object> s = ((List<Map<String, Object>>) cell.get("steps")).get(step);
        String what = cell + " step " + StatSeeds.STEPS.get(step);
        assertEquals(StatSeeds.STEPS.get(step), s.get("step"));
        assertDecimal(median, s.get("medianDays"), what + " median");
        assertDecimal(share, s.get("withinDeadlineShare"), what + " share");
        assertEquals(withheld, s.get("withheld"), what + " withheld");
    }

    /** Every grouping of up to two dimensions (region and province apart), and a few of three. */
    private static List<List<String>> groupings(String region) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        List<String> dims = new ArrayList<>(DIMENSIONS);
        if (region != null && !region.endsWith("0000")) {
            dims.remove("province");
        }
        for (int i = 0; i < dims.size(); i++) {
            out.add(List.of(dims.get(i)));
            for (int j = i + 1; j < dims.size(); j++) {
                if (!(dims.get(i).equals("region") && dims.get(j).equals("province"))) {
                    out.add(List.of(dims.get(i), dims.get(j)));
                }
            }
        }
        out.add(List.of("region", "direction", "scheme"));
        out.add(List.of("region", "direction", "status"));
        out.add(List.of("direction", "scheme", "status"));
        return out;
    }
}
