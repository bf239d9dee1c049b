package org.psi.common.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Months ({@code YYYY-MM}) and days ({@code YYYY-MM-DD}) as the API writes them. */
public final class Periods {

    /** A month, {@code YYYY-MM}, as {@link #month} takes it: the pattern of the OpenAPI documents (7 characters). */
    public static final String MONTH_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    /** A day, {@code YYYY-MM-DD}, as {@link #day} takes it (10 characters). */
    public static final String DAY_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private Periods() {
    }

    public static YearMonth month(String raw, String field) {
        if (raw == null || !raw.matches("\\d{4}-\\d{2}")) {
            throw new InvalidValueException(field, "INVALID_MONTH", "common.period.month-format");
        }
        try {
            return YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "INVALID_MONTH", "common.period.month-format");
        }
    }

    public static LocalDate day(String raw, String field) {
        if (raw == null || !raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new InvalidValueException(field, "INVALID_DAY", "common.period.day-format");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "INVALID_DAY", "common.period.day-format");
        }
    }

    /** A month that has not begun yet cannot be paid or reported. */
    public static YearMonth notFuture(YearMonth month, LocalDate today, String field) {
        if (month.isAfter(YearMonth.from(today))) {
            throw new InvalidValueException(field, "FUTURE_PERIOD", "common.period.month-future", month);
        }
        return month;
    }

    public static LocalDate notFuture(LocalDate day, LocalDate today, String field) {
        if (day.isAfter(today)) {
            throw new InvalidValueException(field, "FUTURE_PERIOD", "common.period.day-future", day);
        }
        return day;
    }

    /** Whole years of age on {@code on}. */
    public static int age(LocalDate birthDate, LocalDate on) {
        return java.time.Period.between(birthDate, on).getYears();
    }
}
