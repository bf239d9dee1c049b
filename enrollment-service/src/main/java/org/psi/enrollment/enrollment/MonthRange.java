package org.psi.enrollment.enrollment;

import java.time.YearMonth;

/** Months {@code from} to {@code to} inclusive; {@code to} is null while the range is open. */
public record MonthRange(YearMonth from, YearMonth to) {

    public boolean contains(YearMonth month) {
        return !month.isBefore(from) && (to == null || !month.isAfter(to));
    }
}
