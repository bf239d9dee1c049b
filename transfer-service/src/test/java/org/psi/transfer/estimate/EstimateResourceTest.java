package org.psi.transfer.estimate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.RetirementAge;
import org.psi.common.test.Tokens;
import org.psi.transfer.support.ContributionStandIn;
import org.psi.transfer.support.Fault;
import org.psi.transfer.support.Fixtures;
import org.psi.transfer.support.StandIns;

/**
 * GET /api/pension/estimate against the stand-ins: a seeded worker whose figures are computed by
 * hand below, staying and moving; bad input; who may ask.
 */
@QuarkusTest
class EstimateResourceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String PATH = "/api/pension/estimate";
    /** The divisors of the completed years of age the workers here can retire at (国发〔2005〕38号). */
    private static final Map<Integer, Integer> DIVISOR = Map.of(60, 139, 61, 132, 62, 125, 63, 117);

    /** A seeded worker: the months to come are exactly one, {@code projected}. */
    private record Seeded(Fixtures.Worker worker, LocalDate birth, YearMonth retirement, YearMonth projected) {
    }

    /**
     * A man retiring next month or the one after (the 2025 reform skips one retirement month in five),
     * household registration in Sichuan (510104), PENSION enrollment in Guangdong at grade 100. Counted:
     * 80 months in Shanghai at a base of 6,000 yuan when its average wage was 12,000 (ratio 0.5), then
     * 119 months in Guangdong at 8,000 when its wage was 8,000 (ratio 1.0), up to the month before the
     * one left to come. Individual account 50,000 yuan. Latest published wages (this year): Guangdong
     * 10,000, Zhejiang 9,000, Sichuan 7,000, Shanghai 12,000.
     */
    private static Seeded seeded() {
        YearMonth now = YearMonth.now(ZONE);
        LocalDate birth = null;
        YearMonth retirement = null;
        for (YearMonth b = now.minusYears(64); b.isBefore(now.minusYears(59)); b = b.plusMonths(1)) {
            YearMonth r = RetirementAge.retirementMonth(b.atDay(15), RetirementAge.Category.MEN);
            if (r.isAfter(now) && (retirement == null || r.isBefore(retirement))) {
                retirement = r;
                birth = b.atDay(15);
            }
        }
        assertTrue(!retirement.isAfter(now.plusMonths(2)), "a retirement month within two months: " + retirement);
        YearMonth lastCounted = retirement.minusMonths(2);
        Fixtures.Worker w = Fixtures.registered(birth, "MALE", "510104");
        StandIns.enrollment().enrol(w.workerId(), "PENSION", "440000", "ACTIVE", lastCounted.minusMonths(118), null);
        ContributionStandIn money = StandIns.contribution();
        money.seedPensionMonths(w.workerId(), 100, "310000", lastCounted.minusMonths(119), 80, 600_000, 1_200_000);
        money.seedPensionMonths(w.workerId(), 100, "440000", lastCounted, 119, 800_000, 800_000);
        money.seedIndividualAccount(w.workerId(), "PENSION", "440000", 5_000_000);
        int year = now.getYear();
        money.publishWage("440000", year, 1_000_000);
        money.publishWage("330000", year, 900_000);
        money.publishWage("510000", year, 700_000);
        money.publishWage("310000", year, 1_200_000);
        return new Seeded(w, birth, retirement, retirement.minusMonths(1));
    }

    private static ValidatableResponse estimate(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).get(PATH).then();
    }

    private static int divisor(String retirementAge) {
        return DIVISOR.get(Integer.parseInt(retirementAge.substring(0, 2)));
    }

    @Test
    void stayingAndMovingSideBySideAsComputedByHand() {
        Seeded s = seeded();
        boolean december = s.projected().getMonthValue() == 12;
        int minimum = RetirementAge.minimumContributionMonths(s.retirement().getYear());

        // Staying, no wage growth: the one month to come is in Guangdong at grade 100 of 10,000 yuan (ratio 1.0).
        // 200 months, indexed ratios 80 x 0.5 + 119 x 1 + 1 x 1 = 160, average 0.8.
        // Guangdong has 119 + 1 = 120 months, the relationship is there: claimed there (10 years), wage 10,000.
        // basic = 1,000,000 x (1 + 0.8) / 2 x 200 / 12 x 1% = 150,000 fen
        // account = 5,000,000 + 8% x 1,000,000 = 5,080,000 (x 1.0262 credited if that month is a December: 5,213,096)
        long stayAccount = december ? 5_213_096 : 5_080_000;
        String age = estimate(s.worker().token(), Map.of("wageGrowthPercent", "0")).statusCode(200)
                .body("estimate", equalTo(true))
                .body("retirementMonth", equalTo(s.retirement().toString()))
                .body("minimumMonths", equalTo(minimum))
                .body("projectedMonths", equalTo(200))
                .body("projectedYears", equalTo(16.67f))
                .body("eligible", equalTo(true))
                .body("monthsShort", equalTo(0))
                .body("claimRegion", equalTo("440000"))
                .body("claimBasis", equalTo("RELATIONSHIP_TEN_YEARS"))
                .body("monthlyPensionFen.basic", equalTo(150_000))
                .body("individualAccountAtRetirementFen", equalTo((int) stayAccount))
                .body("assumptions", hasItem("Wage growth: 0% a year, for the average wages after the year they were published."))
                .body("assumptions", hasItem(startsWith("Crediting rate (记账利率): 2.62% a year")))
                .body("assumptions", hasItem("Grade: 100% of the average wage for every month to come (that of your current PENSION enrollment)."))
                .body("assumptions", hasItem(startsWith("Claim wage: the average monthly wage of 440000 of " + YearMonth.now(ZONE).getYear() + " (10000.00 yuan)")))
                .body("assumptions", hasItem(containsString("average indexed contribution ratio 0.8000")))
                .body("moveTo", nullValue())
                .extract().path("retirementAge");
        assertTrue(age.matches("6[0-3] years( and \\d+ months?)?"), age);
        int divisor = divisor(age);
        // personal = account / divisor (139 at 60 completed years: 5,080,000 / 139 = 36,546.8 -> 36,547)
        long stayPersonal = Math.round(stayAccount / (double) divisor);
        estimate(s.worker().token(), Map.of("wageGrowthPercent", "0")).statusCode(200)
                .body("monthlyPensionFen.personalAccount", equalTo((int) stayPersonal))
                .body("monthlyPensionFen.total", equalTo((int) (150_000 + stayPersonal)))
                .body("assumptions", hasItem("Divisor: " + divisor + " months, for " + age.substring(0, 2) + " completed years of age at retirement."));

        // Moving to Zhejiang from the month to come: that month at 9,000 yuan (ratio 1.0): ratios still 160 over 200.
        // Guangdong keeps 119 months, Shanghai 80, Zhejiang 1: no province has 10 years, so the pension is
        // claimed in the household-registration province Sichuan, wage 7,000.
        // basic = 700,000 x 1.8 / 2 x 200 / 12 x 1% = 105,000 fen
        // account = 5,000,000 + 8% x 900,000 = 5,072,000 (a December: x 1.0262 = 5,204,886.4 -> 5,204,886)
        long moveAccount = december ? 5_204_886 : 5_072_000;
        long movePersonal = Math.round(moveAccount / (double) divisor); // 5,072,000 / 139 = 36,489.2 -> 36,489
        estimate(s.worker().token(), Map.of("wageGrowthPercent", "0", "moveTo", "330000", "moveMonth", s.projected().toString()))
                .statusCode(200)
                .body("estimate", equalTo(true))
                .body("stay.claimRegion", equalTo("440000"))
                .body("stay.monthlyPensionFen.basic", equalTo(150_000))
                .body("stay.monthlyPensionFen.personalAccount", equalTo((int) stayPersonal))
                .body("stay.moveTo", nullValue())
                .body("move.moveTo", equalTo("330000"))
                .body("move.moveMonth", equalTo(s.projected().toString()))
                .body("move.projectedMonths", equalTo(200))
                .body("move.claimRegion", equalTo("510000"))
                .body("move.claimBasis", equalTo("HUKOU_FALLBACK"))
                .body("move.monthlyPensionFen.basic", equalTo(105_000))
                .body("move.individualAccountAtRetirementFen", equalTo((int) moveAccount))
                .body("move.monthlyPensionFen.personalAccount", equalTo((int) movePersonal))
                .body("move.monthlyPensionFen.total", equalTo((int) (105_000 + movePersonal)))
                .body("move.assumptions", hasItem(startsWith("The move: only where the months from " + s.projected())))
                .body("move.estimate", equalTo(true));

        // the defaults: 3% wage growth (documented in the assumptions) and the enrollment's grade
        estimate(s.worker().token(), Map.of()).statusCode(200)
                .body("assumptions", hasItem("Wage growth: 3% a year, for the average wages after the year they were published."))
                .body("monthlyPensionFen.total", notNullValue());
        // a grade given: the month to come at 200% of 10,000 (ratio 2): ratios 161 over 200
        // basic = 1,000,000 x (1 + 0.805) / 2 x 200 / 12 x 1% = 150,416.67 -> 150,417
        estimate(s.worker().token(), Map.of("wageGrowthPercent", "0", "grade", "200")).statusCode(200)
                .body("monthlyPensionFen.basic", equalTo(150_417))
                .body("assumptions", hasItem("Grade: 200% of the average wage for every month to come (as given)."));
    }

    @Test
    void aWorkerShortOfTheMinimumIsNotEligibleAndIsToldHowManyMonthsShort() {
        Seeded s = seeded();
        // a second worker with only the 80 Shanghai months and no enrollment: 80 + 1 to come = 81 months
        Fixtures.Worker w = Fixtures.registered(s.birth(), "MALE", "440305");
        StandIns.contribution().seedPensionMonths(w.workerId(), null, "310000", s.retirement().minusMonths(2), 80, 600_000, 1_200_000);
        int minimum = RetirementAge.minimumContributionMonths(s.retirement().getYear());
        estimate(w.token(), Map.of("wageGrowthPercent", "0")).statusCode(200)
                .body("projectedMonths", equalTo(81))
                .body("eligible", equalTo(false))
                .body("monthsShort", equalTo(minimum - 81))
                .body("monthlyPensionFen.total", equalTo(0))
                // no enrollment: the grade is 100 by default, contributed in the household-registration province
                .body("assumptions", hasItem("Grade: 100% of the average wage for every month to come (the default, without a current PENSION enrollment)."))
                .body("claimRegion", equalTo("440000"))
                .body("claimBasis", equalTo("HUKOU_PROVINCE"));
    }

    @Test
    void badQueriesAre400NamingTheFieldAndReadNothing() {
        Seeded s = seeded();
        String token = s.worker().token();
        long before = StandIns.contribution().calls("pension-record", s.worker().workerId());
        String past = YearMonth.now(ZONE).minusMonths(1).toString();
        String[][] bad = {
                {"grade", "59", "OUT_OF_RANGE"}, {"grade", "301", "OUT_OF_RANGE"}, {"grade", "abc", "INVALID_NUMBER"},
                {"grade", "-100", "INVALID_NUMBER"}, {"grade", "100.5", "INVALID_NUMBER"},
                {"wageGrowthPercent", "20.5", "OUT_OF_RANGE"}, {"wageGrowthPercent", "-1", "INVALID_NUMBER"},
                {"wageGrowthPercent", "3%", "INVALID_NUMBER"},
                {"moveTo", "440300", "NOT_A_POOLING_REGION"}, {"moveTo", "990000", "UNKNOWN_REGION"},
        };
        for (String[] b : bad) {
            estimate(token, Map.of(b[0], b[1])).statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors[0].field", equalTo(b[0])).body("errors[0].code", equalTo(b[2]));
        }
        estimate(token, Map.of("moveTo", "330000", "moveMonth", past)).statusCode(400)
                .body("errors[0].field", equalTo("moveMonth")).body("errors[0].code", equalTo("IN_THE_PAST"));
        estimate(token, Map.of("moveTo", "330000", "moveMonth", "2027-13")).statusCode(400)
                .body("errors[0].field", equalTo("moveMonth")).body("errors[0].code", equalTo("INVALID_MONTH"));
        estimate(token, Map.of("moveMonth", s.projected().toString())).statusCode(400)
                .body("errors[0].field", equalTo("moveMonth")).body("errors[0].code", equalTo("REQUIRES_MOVE_TO"));
        assertEquals(before, StandIns.contribution().calls("pension-record", s.worker().workerId()), "nothing read for bad input");
        // checks needing the worker: the province she is already in, a move at or after retirement
        estimate(token, Map.of("moveTo", "440000")).statusCode(400)
                .body("errors[0].field", equalTo("moveTo")).body("errors[0].code", equalTo("SAME_REGION"));
        estimate(token, Map.of("moveTo", "330000", "moveMonth", s.retirement().toString())).statusCode(400)
                .body("errors[0].field", equalTo("moveMonth")).body("errors[0].code", equalTo("AFTER_RETIREMENT"));
        // and the good query still answers the same figures
        estimate(token, Map.of("wageGrowthPercent", "0")).statusCode(200).body("monthlyPensionFen.basic", equalTo(150_000));
    }

    @Test
    void onlyARegisteredWorkerAsksAndADownContributionServiceIs503() {
        Seeded s = seeded();
        given().get(PATH).then().statusCode(401);
        given().auth().oauth2(Tokens.platform("client-x")).get(PATH).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer("440000")).get(PATH).then().statusCode(403);
        given().auth().oauth2(Tokens.newWorker()).get(PATH).then().statusCode(404).contentType("application/problem+json");

        StandIns.contribution().fault("pension-record", s.worker().workerId(), Fault.ERROR_BEFORE);
        estimate(s.worker().token(), Map.of()).statusCode(503).contentType("application/problem+json")
                .body("type", containsString("upstream-unavailable"));
        StandIns.contribution().clearFaults();
        estimate(s.worker().token(), Map.of("wageGrowthPercent", "0")).statusCode(200).body("monthlyPensionFen.basic", equalTo(150_000));
    }

    /**
     * Found by the generated inputs: a worker the contribution-service does not know yet (404, its copy
     * lags) is a 503 for her, and however often she asks, it opens no circuit breaker for the others.
     */
    @Test
    void aWorkerTheContributionServiceDoesNotKnowYetIs503AndOpensNoBreakerForOthers() {
        Seeded s = seeded();
        Fixtures.Worker unknown = Fixtures.registered(LocalDate.of(1990, 5, 1), "FEMALE", "510104");
        for (int i = 0; i < 8; i++) {
            estimate(unknown.token(), Map.of()).statusCode(503).contentType("application/problem+json")
                    .body("type", containsString("upstream-unavailable")).body("detail", containsString("not available yet"));
        }
        estimate(s.worker().token(), Map.of("wageGrowthPercent", "0")).statusCode(200).body("monthlyPensionFen.basic", equalTo(150_000));
    }
}
