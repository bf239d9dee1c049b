package org.psi.transfer.estimate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.psi.common.domain.RetirementAge;

/**
 * The monthly pension of a worker at retirement (养老金测算), from her counted months, their bases
 * and her individual account, projected to her retirement month:
 * <ul>
 *   <li>basic pension = the claim province's average monthly wage of the year before retirement
 *       x (1 + the average indexed contribution ratio) / 2 x years of contribution x 1%, where a
 *       month's indexed ratio is its base / that year's average wage of its region (State Council
 *       Decision on improving the basic pension insurance system for enterprise employees, 国发〔2005〕38号);</li>
 *   <li>personal-account pension = the individual account at retirement / the months divisor of the
 *       completed years of age at retirement (the same decision's table);</li>
 *   <li>eligible only with the minimum contribution period ({@link RetirementAge}); short of it, the
 *       months that remain may be paid on past retirement (延长缴费).</li>
 * </ul>
 * The projection assumes the worker goes on contributing every month until retirement at the
 * grade given, that wages grow by the rate given each year, and that the individual account is
 * credited yearly at the crediting rate given (记账利率). Pure; {@code PensionFormulaTest} holds
 * hand-computed cases.
 */
public final class PensionFormula {

    /** Months divisor of the personal-account pension by the completed years of age at retirement (国发〔2005〕38号). */
    static final NavigableMap<Integer, Integer> DIVISOR = new TreeMap<>(Map.ofEntries(
            Map.entry(50, 195), Map.entry(51, 190), Map.entry(52, 185), Map.entry(53, 180), Map.entry(54, 175),
            Map.entry(55, 170), Map.entry(56, 164), Map.entry(57, 158), Map.entry(58, 152), Map.entry(59, 145),
            Map.entry(60, 139), Map.entry(61, 132), Map.entry(62, 125), Map.entry(63, 117)));

    /** Share of a PENSION base credited to the individual account each month (8%). */
    static final BigDecimal INDIVIDUAL_SHARE = new BigDecimal("0.08");

    private static final MathContext MC = MathContext.DECIMAL64;

    /** A counted month: its base and the average monthly wage of its region and year. */
    public record CountedMonth(YearMonth month, long baseFen, long averageWageFen) {
    }

    /**
     * What the estimate starts from: the worker, her record so far, and the assumptions.
     *
     * @param gradePercent the grade she is assumed to contribute at from now on (60 to 300)
     * @param claimAverageWageFen the claim province's latest published average monthly wage, of {@code claimWageYear}
     */
    public record Inputs(LocalDate birthDate, RetirementAge.Category category, YearMonth now, List<CountedMonth> counted,
                         long individualAccountFen, int gradePercent, long claimAverageWageFen, int claimWageYear,
                         BigDecimal wageGrowthPercent, BigDecimal creditingRatePercent) {
    }

    /** The estimate; money in fen, per month. */
    public record Estimate(YearMonth retirementMonth, int retirementAgeMonths, int minimumMonths, int projectedMonths,
                           boolean eligible, int monthsShort, long basicFen, long personalAccountFen,
                           long individualAccountAtRetirementFen, BigDecimal averageIndexedRatio, long claimWageFen, int divisor) {
        public long totalFen() {
            return basicFen + personalAccountFen;
        }
    }

    private PensionFormula() {
    }

    /**
     * From {@code from} on, the months to come are contributed where the average monthly wage was
     * {@code wageFen} in {@code year} (grown by the wage growth to each month's year).
     */
    public record WageFrom(YearMonth from, long wageFen, int year) {
    }

    /** The estimate with every month to come contributed at the claim province's wage. */
    public static Estimate estimate(Inputs in) {
        return estimate(in, List.of(new WageFrom(in.now(), in.claimAverageWageFen(), in.claimWageYear())));
    }

    /**
     * The estimate with the months to come contributed at the wages of {@code contributed} (in order of
     * {@code from}; a month before the first takes the first), e.g. a move to another province from a month on.
     */
    public static Estimate estimate(Inputs in, List<WageFrom> contributed) {
        if (contributed.isEmpty()) {
            throw new IllegalArgumentException("The months to come are contributed somewhere");
        }
        int ageMonths = RetirementAge.ageInMonths(YearMonth.from(in.birthDate()), in.category());
        YearMonth retirement = RetirementAge.retirementMonth(in.birthDate(), in.category());
        int minimum = RetirementAge.minimumContributionMonths(retirement.getYear());
        BigDecimal growth = BigDecimal.ONE.add(in.wageGrowthPercent().movePointLeft(2));
        BigDecimal crediting = BigDecimal.ONE.add(in.creditingRatePercent().movePointLeft(2));

        // the months to come, from the month after the last one counted (or now) until the month before retirement
        List<CountedMonth> months = new ArrayList<>(in.counted());
        YearMonth next = in.counted().stream().map(CountedMonth::month).max(YearMonth::compareTo)
                .map(m -> m.plusMonths(1)).orElse(in.now());
        if (next.isBefore(in.now())) {
            next = in.now();
        }
        BigDecimal account = BigDecimal.valueOf(in.individualAccountFen());
        for (YearMonth m = next; m.isBefore(retirement); m = m.plusMonths(1)) {
            WageFrom where = contributed.get(0);
            for (WageFrom w : contributed) {
                if (!w.from().isAfter(m)) {
                    where = w;
                }
            }
            long wage = projected(where.wageFen(), where.year(), m.getYear(), growth);
            long base = BigDecimal.valueOf(wage).multiply(BigDecimal.valueOf(in.gradePercent())).movePointLeft(2)
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            months.add(new CountedMonth(m, base, wage));
            account = account.add(BigDecimal.valueOf(base).multiply(INDIVIDUAL_SHARE));
            if (m.getMonthValue() == 12) {
                account = account.multiply(crediting, MC); // credited at the end of each year
            }
        }
        int projectedMonths = months.size();
        BigDecimal ratio = months.isEmpty() ? BigDecimal.ZERO : months.stream()
                .map(c -> BigDecimal.valueOf(c.baseFen()).divide(BigDecimal.valueOf(c.averageWageFen()), MC))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(projectedMonths), MC);
        long claimWage = projected(in.claimAverageWageFen(), in.claimWageYear(), retirement.getYear() - 1, growth);
        boolean eligible = projectedMonths >= minimum;
        long basic = !eligible ? 0 : BigDecimal.valueOf(claimWage).multiply(BigDecimal.ONE.add(ratio))
                .divide(BigDecimal.valueOf(2), MC).multiply(BigDecimal.valueOf(projectedMonths)).divide(BigDecimal.valueOf(12), MC)
                .movePointLeft(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        int divisor = divisorOf(ageMonths / 12);
        long accountAtRetirement = account.setScale(0, RoundingMode.HALF_UP).longValueExact();
        long personal = !eligible ? 0 : BigDecimal.valueOf(accountAtRetirement).divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return new Estimate(retirement, ageMonths, minimum, projectedMonths, eligible, Math.max(0, minimum - projectedMonths),
                basic, personal, accountAtRetirement, ratio.setScale(4, RoundingMode.HALF_UP), claimWage, divisor);
    }

    /** The divisor of the completed years of age (below 50: that of 50; above 63: that of 63). */
    static int divisorOf(int years) {
        Map.Entry<Integer, Integer> e = DIVISOR.floorEntry(years);
        return e == null ? DIVISOR.firstEntry().getValue() : e.getValue();
    }

    /** A wage of {@code fromYear} grown to {@code year} (never shrunk back for an earlier year). */
    static long projected(long wageFen, int fromYear, int year, BigDecimal growth) {
        BigDecimal w = BigDecimal.valueOf(wageFen);
        for (int y = fromYear; y < year; y++) {
            w = w.multiply(growth, MC);
        }
        return w.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
