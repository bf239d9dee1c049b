package org.psi.contribution.policy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.psi.common.domain.Money;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sector;

/**
 * The contribution policy of a pooling region for a year, and the rules that read it: the base of
 * a grade, what a month is due, how a payment splits between the individual account and the pooled
 * fund, and the occupational-injury fee of an order. Every rounding goes through {@link Money}.
 */
public record PolicyTerms(String region, int year, long averageMonthlyWageFen, int baseFloorPercent, int baseCeilingPercent,
                          BigDecimal pensionRatePercent, BigDecimal pensionIndividualPercent,
                          BigDecimal medicalRatePercent, BigDecimal medicalIndividualPercent,
                          Map<Sector, Long> injuryFeePerOrderFen, boolean illustrative, int version) {

    /**
     * The contribution base of a grade: the grade, held between the region's floor and ceiling, times
     * the average monthly wage, rounded to the yuan.
     */
    public long baseFen(int gradePercent) {
        int grade = Math.max(baseFloorPercent, Math.min(baseCeilingPercent, gradePercent));
        return Money.baseFen(averageMonthlyWageFen, grade);
    }

    /** The rate of a monthly scheme, in percent of the base. */
    public BigDecimal ratePercent(Scheme scheme) {
        return switch (scheme) {
            case PENSION -> pensionRatePercent;
            case MEDICAL -> medicalRatePercent;
            case OCCUPATIONAL_INJURY -> BigDecimal.ZERO;
        };
    }

    /** The points of the rate that go to the individual account. */
    public BigDecimal individualPercent(Scheme scheme) {
        return switch (scheme) {
            case PENSION -> pensionIndividualPercent;
            case MEDICAL -> medicalIndividualPercent;
            case OCCUPATIONAL_INJURY -> BigDecimal.ZERO;
        };
    }

    /** What a month is due on a base: base x rate, half-up to the fen. */
    public long dueFen(Scheme scheme, long baseFen) {
        return Money.percentOf(baseFen, ratePercent(scheme));
    }

    /**
     * The individual account's part of a payment: individual points / rate (pension 8/20), half-up to
     * the fen; the pooled fund takes the rest, so no fen is lost. Occupational injury is all pooled.
     */
    public long individualShare(Scheme scheme, long amountFen) {
        BigDecimal rate = ratePercent(scheme);
        if (rate.signum() == 0) {
            return 0;
        }
        long part = individualPercent(scheme).movePointRight(2).longValueExact();
        long whole = rate.movePointRight(2).longValueExact();
        return Money.share(amountFen, part, whole);
    }

    public Optional<Long> feePerOrderFen(Sector sector) {
        return Optional.ofNullable(injuryFeePerOrderFen.get(sector));
    }
}
