package org.psi.contribution.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sector;

class PolicyTermsTest {

    static PolicyTerms terms(long wage) {
        return new PolicyTerms("440000", 2026, wage, 60, 300, new BigDecimal("20.00"), new BigDecimal("8.00"),
                new BigDecimal("9.50"), new BigDecimal("2.00"), Map.of(Sector.FOOD_DELIVERY, 7L), false, 1);
    }

    @Test
    void theBaseIsTheGradeHeldBetweenFloorAndCeilingRoundedToTheYuan() {
        PolicyTerms t = terms(812_345); // 8,123.45 yuan
        assertEquals(812_300, t.baseFen(100));           // 8,123.45 -> 8,123 yuan
        assertEquals(487_400, t.baseFen(60));            // 4,874.07 -> 4,874 yuan
        assertEquals(487_400, t.baseFen(40), "below the floor counts as the floor");
        assertEquals(2_437_000, t.baseFen(900), "above the ceiling counts as the ceiling"); // 24,370.35 -> 24,370
    }

    @Test
    void dueIsBaseTimesRateHalfUpToTheFen() {
        PolicyTerms t = terms(1_000_000);
        assertEquals(200_000, t.dueFen(Scheme.PENSION, 1_000_000));
        assertEquals(95_000, t.dueFen(Scheme.MEDICAL, 1_000_000));
        assertEquals(1, t.dueFen(Scheme.MEDICAL, 7)); // 0.665 -> 1
        assertEquals(0, t.dueFen(Scheme.MEDICAL, 5)); // 0.475 -> 0
    }

    @Test
    void aPensionPaymentSplitsEightTwentiethsToTheIndividualAccountWithoutLosingAFen() {
        PolicyTerms t = terms(1_000_000);
        assertEquals(40_000, t.individualShare(Scheme.PENSION, 100_000));
        assertEquals(0, t.individualShare(Scheme.PENSION, 1));   // 0.4 -> 0, the fen goes to the pooled fund
        assertEquals(1, t.individualShare(Scheme.PENSION, 2));   // 0.8 -> 1
        assertEquals(48_000, t.individualShare(Scheme.PENSION, 120_001)); // 48,000.4 -> 48,000
        assertEquals(-40_000, t.individualShare(Scheme.PENSION, -100_000));
        for (long amount = 1; amount < 500; amount++) {
            long individual = t.individualShare(Scheme.PENSION, amount);
            long pooled = amount - individual;
            assertEquals(amount, individual + pooled);
            assertEquals(true, Math.abs(individual * 20 - amount * 8) <= 10, "within half a fen of 8/20");
        }
        assertEquals(0, t.individualShare(Scheme.OCCUPATIONAL_INJURY, 700));
        // medical: 2 of 9.5 points
        assertEquals(21_053, t.individualShare(Scheme.MEDICAL, 100_000)); // 21,052.63 -> 21,053
    }

    @Test
    void injuryFeesAreReadPerSector() {
        PolicyTerms t = terms(1_000_000);
        assertEquals(7L, t.feePerOrderFen(Sector.FOOD_DELIVERY).orElseThrow());
        assertEquals(true, t.feePerOrderFen(Sector.FREIGHT).isEmpty());
    }
}
