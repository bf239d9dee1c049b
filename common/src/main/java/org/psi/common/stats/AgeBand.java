package org.psi.common.stats;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.psi.common.domain.InvalidValueException;

/**
 * The age bands of PSI's statistics: 16-24, 25-34, 35-44, 45-54, 55+. This is the one place the
 * bands are written; SQL that needs them takes {@link #sqlCase(String)}.
 *
 * <p>A worker's age in a month is their age in whole years on the <b>last day</b> of that month. PSI
 * enrols from 16, so the first band takes every age under 25.
 */
public enum AgeBand {
    FROM_16_TO_24("16-24", 0),
    FROM_25_TO_34("25-34", 25),
    FROM_35_TO_44("35-44", 35),
    FROM_45_TO_54("45-54", 45),
    FROM_55("55+", 55);

    private final String label;
    private final int from;

    AgeBand(String label, int from) {
        this.label = label;
        this.from = from;
    }

    /** The label used in responses, CSV and storage: {@code 16-24} ... {@code 55+}. */
    public String label() {
        return label;
    }

    public static AgeBand of(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("An age is not negative");
        }
        AgeBand[] bands = values();
        for (int i = bands.length - 1; i > 0; i--) {
            if (age >= bands[i].from) {
                return bands[i];
            }
        }
        return bands[0];
    }

    /** The band of someone born on {@code birthDate}, by their age on {@code on}. */
    public static AgeBand of(LocalDate birthDate, LocalDate on) {
        return of(Period.between(birthDate, on).getYears());
    }

    /** The band of someone born on {@code birthDate} in {@code month}: by their age on its last day. */
    public static AgeBand in(YearMonth month, LocalDate birthDate) {
        return of(birthDate, month.atEndOfMonth());
    }

    public static AgeBand parse(String label, String field) {
        return Arrays.stream(values()).filter(b -> b.label.equals(label)).findFirst()
                .orElseThrow(() -> new InvalidValueException(field, "UNKNOWN_AGE_BAND",
                        "common.stats.age-band", String.join(", ", labels())));
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(AgeBand::label).toList();
    }

    /**
     * A SQL {@code CASE} expression giving the band label for an age in whole years, e.g.
     * {@code sqlCase("date_part('year', age(m.last_day, w.birth_date))")}. The expression is
     * written in once; it must not come from a caller's input.
     */
    public static String sqlCase(String ageExpression) {
        StringBuilder sql = new StringBuilder("(case");
        AgeBand[] bands = values();
        for (int i = bands.length - 1; i > 0; i--) {
            sql.append(" when (").append(ageExpression).append(") >= ").append(bands[i].from)
                    .append(" then '").append(bands[i].label).append('\'');
        }
        return sql.append(" else '").append(bands[0].label).append("' end)").toString();
    }
}
