package org.psi.contribution.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sector;
import org.psi.contribution.policy.PolicyTerms;

/** The pricing rule of a month, with figures computed by hand. */
class MonthPricingTest {

    private static PolicyTerms terms(long wage, String pension, String pensionInd, String medical, String medicalInd) {
        return new PolicyTerms("440000", 2026, wage, 60, 300, new BigDecimal(pension), new BigDecimal(pensionInd),
                new BigDecimal(medical), new BigDecimal(medicalInd), Map.of(Sector.FOOD_DELIVERY, 7L), false, 3);
    }

    static Stream<Arguments> prices() {
        return Stream.of(
                // wage, scheme, grade, base (grade x wage, half-up to the yuan), due (base x rate, half-up to the fen)
                Arguments.of(936_000L, Scheme.PENSION, 100, 936_000L, 187_200L),
                Arguments.of(936_000L, Scheme.PENSION, 60, 561_600L, 112_320L),
                Arguments.of(936_000L, Scheme.PENSION, 300, 2_808_000L, 561_600L),
                Arguments.of(936_000L, Scheme.PENSION, 40, 561_600L, 112_320L),      // below the floor: the floor
                Arguments.of(936_000L, Scheme.PENSION, 350, 2_808_000L, 561_600L),   // above the ceiling: the ceiling
                Arguments.of(812_345L, Scheme.PENSION, 100, 812_300L, 162_460L),     // 8,123.45 yuan -> 8,123
                Arguments.of(812_345L, Scheme.PENSION, 61, 495_500L, 99_100L),       // 4,955.30 -> 4,955 yuan
                Arguments.of(1_000_000L, Scheme.MEDICAL, 100, 1_000_000L, 95_000L),  // 9.5%
                Arguments.of(812_345L, Scheme.MEDICAL, 100, 812_300L, 77_169L));     // 77,168.5 -> 77,169 (half-up)
    }

    @ParameterizedTest
    @MethodSource("prices")
    void aMonthIsPricedAsGradeTimesWageThenRate(long wage, Scheme scheme, int grade, long base, long due) {
        MonthPricing.Price p = MonthPricing.price(terms(wage, "20", "8", "9.5", "2"), scheme, grade);
        assertEquals(base, p.baseFen());
        assertEquals(due, p.dueFen());
    }

    private static MonthAssessment assessed(long due, String rate, String individual) {
        return new MonthAssessment(UUID.randomUUID(), Scheme.PENSION, YearMonth.of(2026, 11), "440000", 100, due * 5,
                new BigDecimal(rate), new BigDecimal(individual), due, "440000", 2026, 1, 1, Instant.EPOCH);
    }

    static Stream<Arguments> payments() {
        return Stream.of(
                // due, paid before, amount -> individual part (8/20 of the running total, rounded once), or refused
                Arguments.of(187_200L, 0L, 187_200L, 74_880L),
                Arguments.of(187_200L, 0L, 100_000L, 40_000L),
                Arguments.of(187_200L, 100_000L, 87_200L, 34_880L),
                Arguments.of(187_200L, 0L, 1L, 0L),          // 0.4 -> 0
                Arguments.of(187_200L, 1L, 1L, 1L),          // 0.8 -> 1, minus 0
                Arguments.of(187_200L, 2L, 1L, 0L),          // 1.2 -> 1, minus 1
                Arguments.of(187_200L, 100_000L, 87_201L, -1L), // one fen beyond the due: refused
                Arguments.of(187_200L, 187_200L, 1L, -1L),   // paid in full already: refused
                Arguments.of(187_200L, 0L, 187_201L, -1L));
    }

    @ParameterizedTest
    @MethodSource("payments")
    void paymentsAreCappedByTheDueAndSplitOnTheRunningTotal(long due, long before, long amount, long individual) {
        MonthPricing.Decision d = MonthPricing.accept(assessed(due, "20", "8"), before, amount);
        if (individual < 0) {
            MonthPricing.ExceedsDue refused = assertInstanceOf(MonthPricing.ExceedsDue.class, d);
            assertEquals(Math.max(0, due - before), refused.remainingFen());
        } else {
            MonthPricing.Accepted ok = assertInstanceOf(MonthPricing.Accepted.class, d);
            assertEquals(individual, ok.individualFen());
            assertEquals(amount - individual, ok.pooledFen());
        }
    }

    @Test
    void however_a_month_is_paid_in_pieces_the_individual_account_is_its_share_of_the_due() {
        MonthAssessment a = assessed(187_203, "20", "8");
        long share = MonthPricing.individualOf(187_203, a.individualPercent(), a.ratePercent()); // 74,881.2 -> 74,881
        assertEquals(74_881, share);
        // 187,203 one-fen payments: rounding each on its own would give 0 each; cumulatively they add up to the share
        long individual = 0;
        long paid = 0;
        for (long piece : new long[] {1, 1, 1, 3, 7, 100_000, 87_190}) {
            MonthPricing.Accepted ok = (MonthPricing.Accepted) MonthPricing.accept(a, paid, piece);
            individual += ok.individualFen();
            paid += piece;
            assertEquals(MonthPricing.individualOf(paid, a.individualPercent(), a.ratePercent()), individual);
        }
        assertEquals(187_203, paid);
        assertEquals(share, individual);
    }

    @Test
    void a_month_counts_when_it_has_a_due_above_zero_and_is_paid_in_full() {
        assertEquals(MonthPricing.Status.PAID, MonthPricing.status(187_200L, 187_200));
        assertEquals(MonthPricing.Status.PARTIAL, MonthPricing.status(187_200L, 187_199));
        assertEquals(MonthPricing.Status.UNPAID, MonthPricing.status(187_200L, 0));
        assertEquals(MonthPricing.Status.UNPAID, MonthPricing.status(0L, 0));
        assertEquals(MonthPricing.Status.UNPAID, MonthPricing.status(null, 0));
        assertEquals(MonthPricing.Status.PARTIAL, MonthPricing.status(null, 500));
        assertTrue(MonthPricing.counts(187_200L, 187_200));
        assertTrue(!MonthPricing.counts(0L, 0), "a due of 0 makes nothing count");
        assertTrue(!MonthPricing.counts(null, 1_000_000), "a month without a due never counts");
    }

    @Test
    void refundsGiveBackWhatLiesBeyondTheDueLastPayerFirst() {
        MonthAssessment a = assessed(150_000, "20", "8");
        // paid 187,200 by A (100,000 first) then B (87,200); the new due is 150,000: B paid last, 37,200 go back to B
        var plan = ExcessRefunds.plan(a, 187_200, 74_880, java.util.List.of(new ExcessRefunds.Payer("platform:B", 87_200),
                new ExcessRefunds.Payer("platform:A", 100_000)), "ref", "reassessment", Instant.EPOCH);
        assertEquals(2, plan.size());
        assertEquals(0, plan.get(0).amountFen, "the re-split pays nothing");
        assertEquals(0, plan.get(0).individualFen, "8/20 of 187,200 is already in the individual account");
        assertEquals("platform:B", plan.get(1).source);
        assertEquals(-37_200, plan.get(1).amountFen);
        assertEquals(-14_880, plan.get(1).individualFen);
        assertEquals(37_200, ExcessRefunds.refunded(plan));
        long individualAfter = 74_880 + plan.stream().mapToLong(d -> d.individualFen).sum();
        assertEquals(60_000, individualAfter, "8/20 of the new due");
    }
}
