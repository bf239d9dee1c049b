package org.psi.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psi.common.domain.RetirementAge.Category;

class RetirementAgeTest {

    /** Hand-computed from the reform's rule: one month per four (women of the 50-year category: two) months of birth. */
    @ParameterizedTest(name = "{0} born {1}: {2} months")
    @CsvSource({
            "MEN, 1964-12, 720",       // before the reform: 60
            "MEN, 1965-01, 721",       // January to April 1965: 60 and 1
            "MEN, 1965-04, 721",
            "MEN, 1965-05, 722",       // May to August 1965: 60 and 2
            "MEN, 1966-11, 726",       // 60 and 6
            "MEN, 1976-08, 755",       // 62 and 11
            "MEN, 1976-09, 756",       // 63 from September 1976
            "MEN, 1990-01, 756",
            "WOMEN_55, 1969-12, 660",  // 55
            "WOMEN_55, 1970-01, 661",
            "WOMEN_55, 1981-09, 696",  // 58
            "WOMEN_55, 1985-01, 696",
            "WOMEN_50, 1974-12, 600",  // 50
            "WOMEN_50, 1975-01, 601",
            "WOMEN_50, 1975-03, 602",
            "WOMEN_50, 1984-11, 660",  // 55 from November 1984
            "WOMEN_50, 1995-01, 660",
    })
    void theAgeRisesWithTheBirthMonth(Category category, String birth, int months) {
        assertEquals(months, RetirementAge.ageInMonths(YearMonth.parse(birth), category));
    }

    @Test
    void aManBornInNovember1966MayStillEnrolInDecember2026() {
        LocalDate birth = LocalDate.of(1966, 11, 15);
        assertEquals(YearMonth.of(2027, 5), RetirementAge.retirementMonth(birth, Category.MEN));
        assertTrue(RetirementAge.workingAgeIn(YearMonth.of(2026, 12), birth, Category.MEN));
        assertTrue(RetirementAge.workingAgeIn(YearMonth.of(2027, 4), birth, Category.MEN));
        assertFalse(RetirementAge.workingAgeIn(YearMonth.of(2027, 5), birth, Category.MEN));
        assertEquals("60 years and 6 months", RetirementAge.describe(726).english());
    }

    @ParameterizedTest(name = "retiring in {0}: {1} months")
    @CsvSource({"2025, 180", "2029, 180", "2030, 186", "2031, 192", "2038, 234", "2039, 240", "2045, 240"})
    void theMinimumPeriodRisesFrom2030(int year, int months) {
        assertEquals(months, RetirementAge.minimumContributionMonths(year));
    }

    @Test
    void categories() {
        assertEquals(Category.MEN, Category.of(Sex.MALE, 55));
        assertEquals(Category.WOMEN_55, Category.of(Sex.FEMALE, 55));
        assertEquals(Category.WOMEN_50, Category.of(Sex.FEMALE, 50));
    }
}
