package org.psi.enrollment.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.enrollment.stats.StatsWorld.all;
import static org.psi.enrollment.stats.StatsWorld.people;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.enrollment.stats.StatsWorld.Person;
import org.psi.enrollment.support.Fixtures;
import org.psi.enrollment.support.ShiftableClock;

/**
 * Statistics of insured workers. Each test makes its workers in its own month of the past (through
 * the API, with the service's clock moved there) and in provinces the other tests do not use, so
 * every month's figures hold that test's workers only and their true counts are known.
 */
@QuarkusTest
class StatisticsResourceTest {

    private static final YearMonth THIS_MONTH = YearMonth.now(ShiftableClock.ZONE);
    private static final List<String> DIMENSIONS = List.of("region", "province", "scheme", "platform", "sex", "ageBand");

    @Test
    void figuresAreTheTrueCountsInEveryGroupingAndScope() {
        YearMonth month = THIS_MONTH.minusMonths(40);
        String x = Fixtures.platform();
        String y = Fixtures.platform();
        // groups of 10: no cell is small, so every figure is published
        List<Person> persons = all(
                people(10, true, 30, Set.of(x), "PENSION", "530000", "MEDICAL", "530100"),
                people(10, false, 40, Set.of(x, y), "PENSION", "530000"),
                people(10, false, 22, Set.of(y), "OCCUPATIONAL_INJURY", "620000"),
                people(10, true, 55, Set.of(), "PENSION", "620000", "OCCUPATIONAL_INJURY", "620000"));
        StatsWorld.populate(month, persons);
        StatsWorld.refresh();

        for (String region : new String[] {null, "530000", "530100", "620000"}) {
            String token = region == null ? Tokens.auditor() : Tokens.officer(region);
            for (List<String> groupBy : groupings(region)) {
                JsonPath answer = StatsWorld.query(token, month, region, String.join(",", groupBy));
                assertEquals(groupBy, answer.getList("groupBy"));
                StatsWorld.assertTruthful(answer, persons, region, groupBy);
                assertTrue(StatsWorld.cells(answer, groupBy).values().stream().allMatch(v -> v != null),
                        "nothing withheld: " + region + " " + groupBy);
            }
        }

        // a few figures spelled out
        JsonPath nation = StatsWorld.query(Tokens.auditor(), month, null, "");
        assertEquals(40, StatsWorld.total(nation));
        assertNull(nation.get("region"));
        assertEquals(10, nation.getInt("threshold"));
        assertEquals(true, nation.getBoolean("additive"));
        JsonPath yunnan = StatsWorld.query(Tokens.officer("530000"), month, null, "region");
        assertEquals(20, StatsWorld.total(yunnan));
        assertEquals("530000", yunnan.get("region"));
        assertEquals(Map.of(List.of("530000"), 20, List.of("530100"), 10), StatsWorld.cells(yunnan, List.of("region")));
        assertEquals(List.of("region"), yunnan.getList("multiValued"), "a worker has a region per scheme");
        JsonPath byPlatform = StatsWorld.query(Tokens.auditor(), month, "530000", "platform,sex");
        assertEquals(Map.of(List.of(x, "MALE"), 10, List.of(x, "FEMALE"), 10, List.of(y, "FEMALE"), 10),
                StatsWorld.cells(byPlatform, List.of("platform", "sex")));
        assertEquals(List.of("platform"), byPlatform.getList("multiValued"));
        assertEquals(false, byPlatform.getBoolean("additive"));
        JsonPath gansu = StatsWorld.query(Tokens.auditor(), month, "620000", "scheme,ageBand");
        assertEquals(Map.of(List.of("OCCUPATIONAL_INJURY", "16-24"), 10, List.of("OCCUPATIONAL_INJURY", "55+"), 10,
                List.of("PENSION", "55+"), 10), StatsWorld.cells(gansu, List.of("scheme", "ageBand")));
        assertEquals(20, StatsWorld.total(gansu));
        // insured in that month only
        given().auth().oauth2(Tokens.auditor()).queryParam("from", month.minusMonths(1).toString())
                .queryParam("to", month.plusMonths(1).toString()).queryParam("region", "530000")
                .get("/api/statistics/enrollments").then().statusCode(200)
                .body("totals.month", equalTo(List.of(month.minusMonths(1).toString(), month.toString(),
                        month.plusMonths(1).toString())))
                .body("totals.persons", equalTo(List.of(0, 20, 0)));
    }

    @Test
    void smallCellsAreWithheldAndCannotBeWorkedOutByDifferencingQueries() {
        YearMonth month = THIS_MONTH.minusMonths(42);
        String x = Fixtures.platform();
        String y = Fixtures.platform();
        // Yunnan (530000, Kunming 530100) with Gansu (620000) and Qinghai (630000) beside it
        List<Person> persons = all(
                people(12, true, 30, Set.of(x), "PENSION", "530000", "MEDICAL", "530100"),
                people(11, false, 30, Set.of(x), "PENSION", "530000"),
                people(3, false, 50, Set.of(), "PENSION", "530000", "MEDICAL", "530100"),
                people(4, true, 40, Set.of(y), "PENSION", "620000"),
                people(10, false, 22, Set.of(y), "OCCUPATIONAL_INJURY", "630000"));
        StatsWorld.populate(month, persons);
        StatsWorld.refresh();
        String auditor = Tokens.auditor();

        // every grouping in every scope: published figures are true, small ones withheld, and some
        // figures of 10 or more are withheld too (secondary suppression)
        Map<String, Map<List<String>, Integer>> answers = new java.util.HashMap<>();
        int withheldLarge = 0;
        for (String region : new String[] {null, "530000", "530100", "620000"}) {
            String token = region == null ? auditor : Tokens.officer(region);
            for (List<String> groupBy : groupings(region)) {
                JsonPath answer = StatsWorld.query(token, month, region, String.join(",", groupBy));
                StatsWorld.assertTruthful(answer, persons, region, groupBy);
                Map<List<String>, Integer> cells = StatsWorld.cells(answer, groupBy);
                answers.put(region + " " + groupBy, cells);
                Map<List<String>, Integer> truth = StatsWorld.truth(persons, region, groupBy);
                for (Map.Entry<List<String>, Integer> c : cells.entrySet()) {
                    if (c.getValue() == null && truth.get(c.getKey()) >= StatsWorld.THRESHOLD) {
                        withheldLarge++;
                    }
                }
            }
        }
        assertTrue(withheldLarge > 0, "secondary suppression withholds cells of 10 or more");
        assertEquals(40, StatsWorld.total(StatsWorld.query(auditor, month, null, "")));

        // 1. coarser grouping, same filter: Kunming has 15 insured, 12 men and 3 women. The 3 is
        //    withheld; "total minus men" must not give it away.
        Map<List<String>, Integer> kunmingBySex = answers.get("530100 [sex]");
        Integer kunming = answers.get("530100 []").get(List.of());
        assertNull(kunmingBySex.get(List.of("FEMALE")));
        assertTrue(kunming == null || kunmingBySex.get(List.of("MALE")) == null,
                "total " + kunming + " and men " + kunmingBySex.get(List.of("MALE")));

        // 2. overlapping filters: the whole country (40) minus Yunnan (26) minus Qinghai (10) would be
        //    Gansu's 4 workers
        Integer country = answers.get("null []").get(List.of());
        Integer yunnan = answers.get("530000 []").get(List.of());
        Integer qinghai = StatsWorld.total(StatsWorld.query(auditor, month, "630000", ""));
        assertNull(answers.get("620000 []").get(List.of()));
        assertTrue(country == null || yunnan == null || qinghai == null,
                "country " + country + ", Yunnan " + yunnan + ", Qinghai " + qinghai);
        Map<List<String>, Integer> byProvince = answers.get("null [province]");
        assertEquals(yunnan, byProvince.get(List.of("530000")), "the same figure asked two ways");
        assertEquals(qinghai, byProvince.get(List.of("630000")));

        // 3. the same figure through a province filter and a city filter is published alike:
        //    MEDICAL women in Yunnan are Kunming's women (MEDICAL pools in the city)
        Map<List<String>, Integer> yunnanBySchemeSex = answers.get("530000 [scheme, sex]");
        assertNull(yunnanBySchemeSex.get(List.of("MEDICAL", "FEMALE")));
        assertEquals(kunmingBySex.get(List.of("MALE")), yunnanBySchemeSex.get(List.of("MEDICAL", "MALE")));
        Map<List<String>, Integer> yunnanByRegionSex = answers.get("530000 [region, sex]");
        assertEquals(kunmingBySex.get(List.of("MALE")), yunnanByRegionSex.get(List.of("530100", "MALE")));
        assertEquals(kunmingBySex.get(List.of("FEMALE")), yunnanByRegionSex.get(List.of("530100", "FEMALE")));

        // 4. every grouping against each coarser one along an adding-up dimension, in every scope
        for (String region : new String[] {null, "530000", "530100", "620000"}) {
            for (List<String> fineBy : groupings(region)) {
                for (int i = 0; i < fineBy.size(); i++) {
                    String extra = fineBy.get(i);
                    boolean additive = extra.equals("sex") || extra.equals("ageBand")
                            || (extra.equals("region") || extra.equals("province")) && fineBy.contains("scheme");
                    List<String> coarseBy = new ArrayList<>(fineBy);
                    coarseBy.remove(i);
                    Map<List<String>, Integer> coarse = answers.get(region + " " + coarseBy);
                    if (additive && coarse != null) {
                        StatsWorld.assertNoDifferencing(answers.get(region + " " + fineBy), coarse, i,
                                region + " " + fineBy + " vs " + coarseBy);
                    }
                }
            }
        }
    }

    @Test
    void figuresComeFromTheLastRefreshAndFollowEnrollmentChanges() {
        YearMonth month = THIS_MONTH.minusMonths(46);
        String internal = Tokens.internal("psi-service");
        // 12 workers insured in Ningxia for two months, then suspended
        List<Person> twelve = people(12, true, 35, Set.of(), "PENSION", "640000");
        List<String> workerIds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> enrollments = new ArrayList<>();
        ShiftableClock.travelTo(month);
        try {
            for (Person p : twelve) {
                Fixtures.Registered w = StatsWorld.register(month, p);
                workerIds.add(w.workerId());
                tokens.add(w.token());
                enrollments.add(Fixtures.enrol(w.token(), "PENSION", "640000", 100, null).statusCode(201).extract().path("id"));
            }
            ShiftableClock.travelTo(month.plusMonths(1));
            for (int i = 0; i < 11; i++) {
                given().auth().oauth2(tokens.get(i)).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                        .patch("/api/workers/me/enrollments/" + enrollments.get(i)).then().statusCode(200);
            }
            // the twelfth moves to Xinjiang from the second month (a transfer) and is suspended there
            String opened = given().auth().oauth2(internal).contentType(ContentType.JSON)
                    .body(Map.of("workerId", workerIds.get(11), "scheme", "PENSION", "toRegion", "650000", "mode", "MOVE",
                            "fromMonth", month.plusMonths(1).toString()))
                    .put("/internal/transfers/" + UUID.randomUUID() + "/enrollment-move")
                    .then().statusCode(200).extract().path("opened.enrollmentId");
            given().auth().oauth2(tokens.get(11)).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                    .patch("/api/workers/me/enrollments/" + opened).then().statusCode(200);
        } finally {
            ShiftableClock.reset();
        }
        String asOf = given().auth().oauth2(Tokens.admin()).post("/api/statistics/refresh")
                .then().statusCode(200).body("throughMonth", equalTo(THIS_MONTH.toString()))
                .extract().path("asOf");

        var range = given().auth().oauth2(Tokens.auditor()).queryParam("from", month.minusMonths(1).toString())
                .queryParam("to", month.plusMonths(2).toString()).queryParam("groupBy", "region");
        range.get("/api/statistics/enrollments").then().statusCode(200)
                .header("Last-Modified", notNullValue())
                .body("asOf", equalTo(asOf))
                .body("from", equalTo(month.minusMonths(1).toString()))
                .body("to", equalTo(month.plusMonths(2).toString()))
                .body("totals.persons", equalTo(List.of(0, 12, 12, 0)))
                // in the second month Ningxia's 11 is withheld too: the country's 12 minus 11 would be Xinjiang's 1
                .body("cells.findAll { it.region == '640000' }.persons", equalTo(java.util.Arrays.asList(12, null)))
                .body("cells.findAll { it.region == '640000' }.suppressed", equalTo(List.of(false, true)))
                .body("cells.findAll { it.region == '640000' }.month",
                        equalTo(List.of(month.toString(), month.plusMonths(1).toString())))
                .body("cells.findAll { it.region == '650000' }.persons", equalTo(java.util.Collections.singletonList(null)))
                .body("cells.findAll { it.region == '650000' }.suppressed", equalTo(List.of(true)));

        // a worker enrolled afterwards shows only once the figures are recomputed
        ShiftableClock.travelTo(month);
        try {
            Fixtures.Registered late = StatsWorld.register(month, twelve.get(0));
            String id = Fixtures.enrol(late.token(), "PENSION", "640000", 100, null).statusCode(201).extract().path("id");
            given().auth().oauth2(late.token()).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                    .patch("/api/workers/me/enrollments/" + id).then().statusCode(200);
        } finally {
            ShiftableClock.reset();
        }
        JsonPath before = StatsWorld.query(Tokens.auditor(), month, "640000", "");
        assertEquals(12, StatsWorld.total(before));
        assertEquals(asOf, before.getString("asOf"));
        StatsWorld.refresh();
        JsonPath after = StatsWorld.query(Tokens.auditor(), month, "640000", "");
        assertEquals(13, StatsWorld.total(after));
        assertNotEquals(asOf, after.getString("asOf"));
    }

    @Test
    void officersSeeTheirOwnRegionAndProvincesTheirCities() {
        YearMonth month = THIS_MONTH.minusMonths(50);
        StatsWorld.populate(month, all(people(1, true, 30, Set.of(), "PENSION", "530000", "MEDICAL", "530100"),
                people(1, false, 30, Set.of(), "PENSION", "620000")));
        StatsWorld.refresh();
        String m = month.toString();

        // a province officer: its own province with its cities, by default or asked
        given().auth().oauth2(Tokens.officer("530000")).queryParam("month", m).queryParam("groupBy", "region")
                .get("/api/statistics/enrollments").then().statusCode(200)
                .body("region", equalTo("530000"))
                .body("cells.region", equalTo(List.of("530000", "530100")));
        given().auth().oauth2(Tokens.officer("530000")).queryParam("month", m).queryParam("region", "530100")
                .get("/api/statistics/enrollments").then().statusCode(200).body("region", equalTo("530100"));
        // a city officer: the city only
        given().auth().oauth2(Tokens.officer("530100")).queryParam("month", m).queryParam("groupBy", "region")
                .get("/api/statistics/enrollments").then().statusCode(200)
                .body("region", equalTo("530100")).body("cells.region", equalTo(List.of("530100")));
        given().auth().oauth2(Tokens.officer("530100")).queryParam("month", m).queryParam("region", "530000")
                .get("/api/statistics/enrollments").then().statusCode(403).contentType("application/problem+json");
        // another province's officer, a county officer, an officer without a region
        given().auth().oauth2(Tokens.officer("620000")).queryParam("month", m).queryParam("region", "530000")
                .get("/api/statistics/enrollments").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer("620000")).queryParam("month", m).queryParam("region", "530100")
                .get("/api/statistics/enrollments").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("530102")).queryParam("month", m)
                .get("/api/statistics/enrollments").then().statusCode(403);
        given().auth().oauth2(Tokens.sign(Tokens.builder("officer-x", Set.of("officer")))).queryParam("month", m)
                .get("/api/statistics/enrollments").then().statusCode(403);
        // the auditor sees every region
        given().auth().oauth2(Tokens.auditor()).queryParam("month", m).queryParam("groupBy", "province")
                .get("/api/statistics/enrollments").then().statusCode(200)
                .body("cells.province", hasItem("530000")).body("cells.province", hasItem("620000"));
        // nobody else
        for (String token : List.of(Tokens.newWorker(), Tokens.platform("client-x"), Tokens.admin())) {
            given().auth().oauth2(token).queryParam("month", m).get("/api/statistics/enrollments")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).queryParam("month", m).get("/api/statistics/coverage").then().statusCode(403);
        }
        given().queryParam("month", m).get("/api/statistics/enrollments").then().statusCode(401);
        given().auth().oauth2(Tokens.auditor()).post("/api/statistics/refresh").then().statusCode(403);
    }

    @Test
    void everyAnswerIsAlsoCsvWithWithheldFiguresMarked() {
        YearMonth month = THIS_MONTH.minusMonths(54);
        StatsWorld.populate(month, all(people(12, true, 30, Set.of(), "PENSION", "540000"),
                people(3, false, 50, Set.of(), "PENSION", "540000")));
        StatsWorld.refresh();
        String m = month.toString();
        String csv = given().auth().oauth2(Tokens.officer("540000")).accept("text/csv").queryParam("month", m)
                .queryParam("groupBy", "sex").get("/api/statistics/enrollments")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Last-Modified", notNullValue())
                .extract().asString();
        assertEquals("month,sex,persons\r\n"
                + m + ",FEMALE,x\r\n"
                + m + ",MALE,x\r\n"
                + m + ",TOTAL,15\r\n", csv);
        String byAge = given().auth().oauth2(Tokens.auditor()).accept("text/csv").queryParam("month", m)
                .queryParam("region", "540000").queryParam("groupBy", "region,ageBand")
                .get("/api/statistics/enrollments").then().statusCode(200).extract().asString();
        assertEquals("month,region,ageBand,persons\r\n"
                + m + ",540000,25-34,x\r\n"
                + m + ",540000,45-54,x\r\n"
                + m + ",TOTAL,TOTAL,15\r\n", byAge);
        // JSON stays the default, and errors stay problems
        given().auth().oauth2(Tokens.auditor()).queryParam("month", m).get("/api/statistics/enrollments")
                .then().statusCode(200).contentType(ContentType.JSON);
        given().auth().oauth2(Tokens.auditor()).accept("text/csv").queryParam("month", "2025-13")
                .get("/api/statistics/enrollments").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.auditor()).accept("application/xml").queryParam("month", m)
                .get("/api/statistics/enrollments").then().statusCode(406);
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
                {Map.of("month", m, "groupBy", "sex,sex"), "groupBy", "DUPLICATE_DIMENSION"},
                {Map.of("month", m, "groupBy", "sex,"), "groupBy", "UNKNOWN_DIMENSION"},
                {Map.of("month", m, "groupBy", "region,province"), "groupBy", "CONFLICTING_DIMENSIONS"},
                {Map.of("month", m, "groupBy", "province", "region", "530100"), "groupBy", "CONFLICTING_DIMENSIONS"},
                {Map.of("month", m, "region", "53"), "region", "INVALID_REGION_CODE"},
                {Map.of("month", m, "region", "990000"), "region", "UNKNOWN_REGION"},
                {Map.of("month", m, "region", "530102"), "region", "NOT_A_STATISTICS_REGION"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) c[0];
            given().auth().oauth2(auditor).queryParams(params).get("/api/statistics/enrollments")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1])).body("errors[0].code", equalTo(c[2]));
        }
        given().auth().oauth2(auditor).queryParam("month", "2025-13").get("/api/statistics/coverage")
                .then().statusCode(400).body("errors[0].code", equalTo("INVALID_MONTH"));
        // a range of 36 months is fine
        given().auth().oauth2(auditor).queryParam("from", THIS_MONTH.minusMonths(35).toString())
                .queryParam("to", THIS_MONTH.toString()).get("/api/statistics/enrollments")
                .then().statusCode(200).body("totals", hasSize(36));
    }

    @Test
    void coverageSetsInsuredWorkersAgainstReportedActiveWorkers() {
        YearMonth month = THIS_MONTH.minusMonths(58);
        YearMonth later = month.plusMonths(2);
        String x = Fixtures.platform();
        String y = Fixtures.platform();
        String z = Fixtures.platform();
        // Sichuan (510000, Chengdu 510100): 22 insured with X (10 of them also MEDICAL in Chengdu), 10 with Y
        StatsWorld.populate(month, all(people(12, true, 30, Set.of(x), "PENSION", "510000"),
                people(10, false, 30, Set.of(x), "PENSION", "510000", "MEDICAL", "510100"),
                people(10, true, 40, Set.of(y), "OCCUPATIONAL_INJURY", "510000")));
        // Guizhou (520000), two months later: 3 insured with Z
        StatsWorld.populate(later, people(3, true, 30, Set.of(z), "PENSION", "520000"));
        StatsWorld.refresh();
        String m = month.toString();
        report(x, m, "510000", 40);
        report(x, m, "510100", 8);
        report(y, m, "510000", 50);
        report(x, m, "520000", 30);
        report(z, later.toString(), "520000", 45);
        String row = "rows.find { it.platform == '%s' && it.region == '%s' }.";

        given().auth().oauth2(Tokens.officer("510000")).queryParam("from", m).queryParam("to", later.toString())
                .get("/api/statistics/coverage").then().statusCode(200)
                .body("region", equalTo("510000"))
                .body("asOf", notNullValue())
                .body("rows", hasSize(3))
                .body(row.formatted(x, "510000") + "activeWorkers", equalTo(40))
                .body(row.formatted(x, "510000") + "insuredWorkers", equalTo(22))
                .body(row.formatted(x, "510000") + "insuredPercent", equalTo(55.0f))
                .body(row.formatted(y, "510000") + "activeWorkers", equalTo(50))
                .body(row.formatted(y, "510000") + "insuredWorkers", equalTo(10))
                .body(row.formatted(y, "510000") + "insuredPercent", equalTo(20.0f))
                // 8 active in Chengdu is a count of persons under 10
                .body(row.formatted(x, "510100") + "activeWorkers", nullValue())
                .body(row.formatted(x, "510100") + "activeWorkersSuppressed", equalTo(true))
                .body(row.formatted(x, "510100") + "insuredWorkers", equalTo(10))
                .body(row.formatted(x, "510100") + "insuredPercent", nullValue());
        given().auth().oauth2(Tokens.officer("510100")).queryParam("month", m).get("/api/statistics/coverage")
                .then().statusCode(200).body("rows", hasSize(1)).body("rows[0].region", equalTo("510100"));
        given().auth().oauth2(Tokens.officer("510100")).queryParam("month", m).queryParam("region", "510000")
                .get("/api/statistics/coverage").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).queryParam("from", m).queryParam("to", later.toString())
                .get("/api/statistics/coverage").then().statusCode(200)
                .body("rows", hasSize(5))
                .body(row.formatted(x, "520000") + "insuredWorkers", equalTo(0))
                .body(row.formatted(x, "520000") + "insuredPercent", equalTo(0.0f))
                // 3 insured with Z: withheld
                .body(row.formatted(z, "520000") + "activeWorkers", equalTo(45))
                .body(row.formatted(z, "520000") + "insuredWorkers", nullValue())
                .body(row.formatted(z, "520000") + "insuredWorkersSuppressed", equalTo(true))
                .body(row.formatted(z, "520000") + "month", equalTo(later.toString()));
        String csv = given().auth().oauth2(Tokens.auditor()).accept("text/csv").queryParam("month", m)
                .queryParam("region", "510100").get("/api/statistics/coverage")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals("month,platform,region,activeWorkers,insuredWorkers,insuredPercent\r\n"
                + m + "," + x + ",510100,x,10,\r\n", csv);
    }

    @Test
    void theEndpointsAreDocumented() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/statistics/enrollments'.get.responses.'200'.content", org.hamcrest.Matchers.hasKey("text/csv"))
                .body("paths.'/api/statistics/enrollments'.get.responses", org.hamcrest.Matchers.hasKey("403"))
                .body("paths.'/api/statistics/coverage'.get.responses", org.hamcrest.Matchers.hasKey("400"))
                .body("paths.'/api/statistics/refresh'.post.responses", org.hamcrest.Matchers.hasKey("200"))
                .body("paths.'/api/platforms/me/activity/{month}/{region}'.put.responses", org.hamcrest.Matchers.hasKey("201"))
                .body("paths.'/api/platforms/me/activity'.get.responses", org.hamcrest.Matchers.hasKey("200"));
    }

    private static void report(String platform, String month, String region, int active) {
        given().auth().oauth2(Tokens.platform("client-" + platform)).contentType(ContentType.JSON)
                .body(Map.of("activeWorkers", active)).put("/api/platforms/me/activity/" + month + "/" + region)
                .then().statusCode(201);
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
        out.add(List.of("region", "scheme", "sex"));
        out.add(List.of("scheme", "sex", "ageBand"));
        out.add(List.of("platform", "sex", "ageBand"));
        return out;
    }
}
