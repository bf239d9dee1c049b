package org.psi.transfer.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psi.common.domain.RetirementAge.Category;
import org.psi.transfer.estimate.PensionFormula.CountedMonth;
import org.psi.transfer.estimate.PensionFormula.Estimate;
import org.psi.transfer.estimate.PensionFormula.Inputs;

class PensionFormulaTest {

    private static List<CountedMonth> months(YearMonth last, int n, long base, long wage) {
        List<CountedMonth> out = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            out.add(new CountedMonth(last.minusMonths(i), base, wage));
        }
        return out;
    }

    /** Figures computed by hand from the formula (docs/DOMAIN.md, "Pension estimate"). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, counted months, base, wage of their year, account, claim wage, basic, personal, eligible, short
            "ratio 1.0 for 15 years, 180, 800000, 800000, 10000000, 1000000, 150000, 71942, true, 0",
            "ratio 0.6 for 20 years, 240, 480000, 800000, 10000000, 1000000, 160000, 71942, true, 0",
            "ratio 3.0 for 15 years, 180, 2400000, 800000, 0, 1000000, 300000, 0, true, 0",
            "100 months: short of 15 years, 100, 800000, 800000, 10000000, 1000000, 0, 0, false, 80",
    })
    void aManBornInNovember1966RetiringInMay2027(String name, int n, long base, long wage, long account, long claimWage,
                                                  long basic, long personal, boolean eligible, int shortBy) {
        // retires at 60 years and 6 months in 2027-05: 15 years needed, divisor of 60 = 139; nothing left to project
        Estimate e = PensionFormula.estimate(new Inputs(LocalDate.of(1966, 11, 15), Category.MEN, YearMonth.of(2027, 5),
                months(YearMonth.of(2027, 4), n, base, wage), account, 100, claimWage, 2026, BigDecimal.ZERO, BigDecimal.ZERO));
        assertEquals(YearMonth.of(2027, 5), e.retirementMonth());
        assertEquals(180, e.minimumMonths());
        assertEquals(139, e.divisor());
        assertEquals(n, e.projectedMonths());
        assertEquals(eligible, e.eligible());
        assertEquals(shortBy, e.monthsShort());
        assertEquals(basic, e.basicFen());
        assertEquals(personal, e.personalAccountFen());
        assertEquals(basic + personal, e.totalFen());
    }

    @Test
    void theMonthsToRetirementAreProjectedAtTheGradeGiven() {
        // a woman of the 55-year category born June 1975 retires at 56 years and 5 months, in 2031-11; 16 years needed then
        Estimate e = PensionFormula.estimate(new Inputs(LocalDate.of(1975, 6, 10), Category.WOMEN_55, YearMonth.of(2031, 9),
                months(YearMonth.of(2031, 8), 190, 500_000, 500_000), 5_000_000, 100, 600_000, 2031, BigDecimal.ZERO, BigDecimal.ZERO));
        assertEquals(YearMonth.of(2031, 11), e.retirementMonth());
        assertEquals(677, e.retirementAgeMonths());
        assertEquals(192, e.minimumMonths());
        assertEquals(192, e.projectedMonths()); // 2031-09 and 2031-10 to come
        assertTrue(e.eligible());
        assertEquals(96_000, e.basicFen());      // 600,000 x (1 + 1) / 2 x 16 x 1%
        assertEquals(5_096_000, e.individualAccountAtRetirementFen()); // + 2 x 8% of 600,000
        assertEquals(164, e.divisor());          // 56 completed years
        assertEquals(31_073, e.personalAccountFen()); // 5,096,000 / 164
    }

    @Test
    void wagesGrowToTheYearBeforeRetirementAndTheAccountIsCreditedEachYear() {
        Estimate e = PensionFormula.estimate(new Inputs(LocalDate.of(1966, 11, 15), Category.MEN, YearMonth.of(2026, 12),
                months(YearMonth.of(2026, 11), 180, 1_000_000, 1_000_000), 10_000_000, 100, 1_000_000, 2024,
                new BigDecimal("5"), new BigDecimal("2")));
        assertEquals(1_102_500, e.claimWageFen()); // 1,000,000 x 1.05 x 1.05 for 2026
        // to come: 2026-12 (base 2026's projected wage 1,102,500; 8% = 88,200), credited at 2% at the year's end,
        // then 2027-01 to 2027-04 (base 1,157,625; 8% = 92,610 each)
        assertEquals(185, e.projectedMonths());
        assertEquals(10_289_964 + 4 * 92_610, e.individualAccountAtRetirementFen());
        assertEquals(0, e.averageIndexedRatio().compareTo(BigDecimal.ONE));
    }

    @Test
    void moreCountedMonthsNeverLowerTheEstimate() {
        long seed = Long.getLong("psi.estimate.seed", 20261202L);
        System.out.println("PensionFormulaTest seed " + seed + " (replay with -Dpsi.estimate.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int run = 0; run < 2_000; run++) {
            int n = random.nextInt(300);
            long wage = 300_000 + random.nextInt(1_500_000);
            List<CountedMonth> counted = new ArrayList<>();
            YearMonth last = YearMonth.of(2026, 11);
            for (int i = 0; i < n; i++) {
                counted.add(0, new CountedMonth(last.minusMonths(i), wage * (60 + random.nextInt(241)) / 100, wage));
            }
            long account = random.nextInt(50_000_000);
            LocalDate birth = LocalDate.of(1960 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28));
            Category category = Category.values()[random.nextInt(3)];
            int grade = 60 + random.nextInt(241);
            long claim = 300_000 + random.nextInt(1_500_000);
            Estimate before = PensionFormula.estimate(new Inputs(birth, category, YearMonth.of(2026, 12), counted, account, grade, claim,
                    2025, new BigDecimal("3"), new BigDecimal("2")));
            // one more month paid, before the others
            long base = wage * (60 + random.nextInt(241)) / 100;
            List<CountedMonth> more = new ArrayList<>(counted);
            more.add(0, new CountedMonth(last.minusMonths(n), base, wage));
            Estimate after = PensionFormula.estimate(new Inputs(birth, category, YearMonth.of(2026, 12), more,
                    account + base * 8 / 100, grade, claim, 2025, new BigDecimal("3"), new BigDecimal("2")));
            assertTrue(after.totalFen() >= before.totalFen(), "seed " + seed + " run " + run + ": " + before + " -> " + after);
            assertTrue(after.projectedMonths() == before.projectedMonths() + 1, "seed " + seed + " run " + run);
        }
    }

    @Test
    void afterAMoveTheMonthsToComeAreContributedAtTheDestinationsWage() {
        // the woman of the 55-year category above, with 2031-09 at 500,000 where she is and 2031-10 at 800,000 after a move:
        // bases 500,000 (ratio 1) and 800,000 (ratio 1): ratio still 1, basic 600,000 x 2 / 2 x 16 x 1% = 96,000;
        // account 5,000,000 + 8% x (500,000 + 800,000) = 5,104,000, / 164 = 31,121.95 -> 31,122
        Inputs in = new Inputs(LocalDate.of(1975, 6, 10), Category.WOMEN_55, YearMonth.of(2031, 9),
                months(YearMonth.of(2031, 8), 190, 500_000, 500_000), 5_000_000, 100, 600_000, 2031, BigDecimal.ZERO, BigDecimal.ZERO);
        Estimate e = PensionFormula.estimate(in, List.of(new PensionFormula.WageFrom(YearMonth.of(2031, 9), 500_000, 2031),
                new PensionFormula.WageFrom(YearMonth.of(2031, 10), 800_000, 2031)));
        assertEquals(192, e.projectedMonths());
        assertEquals(96_000, e.basicFen());
        assertEquals(5_104_000, e.individualAccountAtRetirementFen());
        assertEquals(31_122, e.personalAccountFen());
        // one place from now on is the same as the estimate without places
        assertEquals(PensionFormula.estimate(in), PensionFormula.estimate(in, List.of(new PensionFormula.WageFrom(in.now(), 600_000, 2031))));
    }
}
