package org.psi.common.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import org.psi.common.i18n.Message;

/**
 * The statutory retirement age after the 2025 reform (Decision of the NPC Standing Committee on
 * gradually raising the statutory retirement age, 13 September 2024, in force 1 January 2025, and
 * the State Council's Measures attached to it), and the minimum contribution period a pension
 * needs.
 *
 * <ul>
 *   <li>Men: 60, rising by one month for every four months of birth from January 1965, to 63 (born
 *       January to April 1965: 60 years and 1 month; from September 1976: 63).</li>
 *   <li>Women of the 55-year category: 55, rising the same way from January 1970, to 58.</li>
 *   <li>Women of the 50-year category: 50, rising by one month for every two months of birth from
 *       January 1975, to 55.</li>
 *   <li>Minimum contribution period: 15 years for retirements until 2029, then 6 months more each
 *       year from 2030, to 20 years from 2039. A worker short of it at retirement may go on paying
 *       PENSION until she has it (延长缴费).</li>
 * </ul>
 * Pure and framework-free; {@code RetirementAgeTest} holds the table.
 */
public final class RetirementAge {

    /** Which statutory age applies: men, or one of the two categories of women. */
    public enum Category {
        MEN(60, YearMonth.of(1965, 1), 4, 36),
        WOMEN_55(55, YearMonth.of(1970, 1), 4, 36),
        WOMEN_50(50, YearMonth.of(1975, 1), 2, 60);

        final int originalYears;
        final YearMonth firstRaisedBirthMonth;
        final int birthMonthsPerStep;
        final int maxRaiseMonths;

        Category(int originalYears, YearMonth firstRaisedBirthMonth, int birthMonthsPerStep, int maxRaiseMonths) {
            this.originalYears = originalYears;
            this.firstRaisedBirthMonth = firstRaisedBirthMonth;
            this.birthMonthsPerStep = birthMonthsPerStep;
            this.maxRaiseMonths = maxRaiseMonths;
        }

        /** Men, or women of the category PSI counts flexible-employment women in ({@code female}: 55 or 50). */
        public static Category of(Sex sex, int femaleCategory) {
            if (sex == Sex.MALE) {
                return MEN;
            }
            return switch (femaleCategory) {
                case 55 -> WOMEN_55;
                case 50 -> WOMEN_50;
                default -> throw new IllegalArgumentException("Women retire in the 50- or 55-year category, not " + femaleCategory);
            };
        }
    }

    /** Minimum contribution months for retirements until 2029. */
    public static final int MINIMUM_MONTHS_UNTIL_2029 = 180;
    /** ... and from 2039 on. */
    public static final int MINIMUM_MONTHS_FROM_2039 = 240;

    private RetirementAge() {
    }

    /** The retirement age in months for someone born in {@code birth}. */
    public static int ageInMonths(YearMonth birth, Category category) {
        int original = category.originalYears * 12;
        long sinceFirst = category.firstRaisedBirthMonth.until(birth, java.time.temporal.ChronoUnit.MONTHS);
        if (sinceFirst < 0) {
            return original;
        }
        return original + (int) Math.min(category.maxRaiseMonths, sinceFirst / category.birthMonthsPerStep + 1);
    }

    /** The month in which someone born on {@code birthDate} reaches the retirement age (the first month not before it). */
    public static YearMonth retirementMonth(LocalDate birthDate, Category category) {
        LocalDate reached = birthDate.plusMonths(ageInMonths(YearMonth.from(birthDate), category));
        return YearMonth.from(reached);
    }

    /** Whether someone born on {@code birthDate} is below the retirement age throughout {@code month} (may still enrol for it). */
    public static boolean workingAgeIn(YearMonth month, LocalDate birthDate, Category category) {
        return month.isBefore(retirementMonth(birthDate, category));
    }

    /** The minimum contribution months for a pension that starts in {@code retirementYear}. */
    public static int minimumContributionMonths(int retirementYear) {
        if (retirementYear <= 2029) {
            return MINIMUM_MONTHS_UNTIL_2029;
        }
        return Math.min(MINIMUM_MONTHS_FROM_2039, MINIMUM_MONTHS_UNTIL_2029 + 6 * (retirementYear - 2029));
    }

    /** Years and months, e.g. "60 years and 6 months", for messages. */
    public static Message describe(int months) {
        int years = months / 12;
        int rest = months % 12;
        return rest == 0 ? Message.of("common.age.years", years)
                : Message.of(rest == 1 ? "common.age.years-month" : "common.age.years-months", years, rest);
    }
}
