package org.psi.contribution.feed;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psi.common.api.InvalidField;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sector;
import org.psi.common.i18n.Message;

/**
 * The shape of every line of a feed, checked before anything is looked up: a ref, a citizen ID, a
 * known scheme, a period of the right form that has begun, an amount (PENSION, MEDICAL) or orders
 * and a sector (OCCUPATIONAL_INJURY) within bounds. A feed with any malformed line is bad input: it
 * is refused whole (400, every bad line listed) and nothing is applied. Lines that are well-formed
 * but not acceptable (an unknown worker, no consent, ...) are instead rejected one by one in the
 * batch report.
 */
public final class FeedLines {

    public static final int MAX_REF_LENGTH = 128;
    /** At most this many line errors are listed in a 400 problem; its detail gives the total. */
    public static final int MAX_LISTED_ERRORS = org.psi.common.api.Problem.MAX_ERRORS;
    /** The longest citizen ID field of a line, as sent (a longer one is INVALID_LENGTH). */
    public static final int MAX_NATIONAL_ID_LENGTH = 32;

    private FeedLines() {
    }

    public static List<ValidLine> validate(List<FeedLine> lines, LocalDate today, FeedLimits limits) {
        if (lines.isEmpty()) {
            throw ProblemException.invalid("lines", "REQUIRED", "contribution.feed.no-lines");
        }
        Checked checked = check(lines, today, limits);
        if (checked.errorCount() > 0) {
            long badLines = lines.size() - checked.valid().size();
            throw new ProblemException(400, "invalid-feed", Message.of("contribution.title.invalid-feed"),
                    Message.of("contribution.feed.malformed-lines", badLines, lines.size(), checked.errorCount()),
                    checked.errors().subList(0, Math.min(MAX_LISTED_ERRORS, checked.errors().size())));
        }
        return checked.valid();
    }

    /** The well-formed lines, and every error of the others (in line order), with their number. */
    public record Checked(List<ValidLine> valid, List<InvalidField> errors, int errorCount) {
    }

    /** Checks each line as {@link #validate} does, keeping the good ones instead of refusing the feed for the bad. */
    public static Checked check(List<FeedLine> lines, LocalDate today, FeedLimits limits) {
        List<InvalidField> errors = new ArrayList<>();
        List<ValidLine> valid = new ArrayList<>(lines.size());
        Map<String, Object> parsedPeriods = new HashMap<>();
        for (FeedLine l : lines) {
            List<InvalidField> lineErrors = new ArrayList<>(0);
            ValidLine v = check(l, today, limits, lineErrors, parsedPeriods);
            if (lineErrors.isEmpty()) {
                valid.add(v);
            } else {
                errors.addAll(lineErrors);
            }
        }
        return new Checked(valid, errors, errors.size());
    }

    private static ValidLine check(FeedLine l, LocalDate today, FeedLimits limits, List<InvalidField> errors,
                                   Map<String, Object> parsedPeriods) {
        int n = l.line();
        String ref = l.ref();
        if (ref == null || ref.isBlank()) {
            errors.add(error(n, "ref", "REQUIRED", "contribution.line.ref-required"));
        } else if (ref.length() > MAX_REF_LENGTH || !printable(ref)) {
            errors.add(error(n, "ref", "INVALID_REF", "contribution.line.ref-format", MAX_REF_LENGTH));
        }
        String nationalId = l.nationalId() == null ? null : l.nationalId().strip().toUpperCase();
        if (nationalId == null || nationalId.isEmpty()) {
            errors.add(error(n, "nationalId", "REQUIRED", "contribution.line.national-id-required"));
        } else if (l.nationalId().length() > MAX_NATIONAL_ID_LENGTH) {
            errors.add(error(n, "nationalId", "INVALID_LENGTH", "common.national-id.length"));
        }
        String reversesRef = l.reversesRef();
        boolean reversal = reversesRef != null;
        if (reversal && (reversesRef.isBlank() || reversesRef.length() > MAX_REF_LENGTH || !printable(reversesRef))) {
            errors.add(error(n, "reversesRef", "INVALID_REF", "contribution.line.reverses-ref-format"));
        }
        Scheme scheme = null;
        try {
            scheme = Scheme.parse(l.scheme(), "scheme");
        } catch (InvalidValueException e) {
            errors.add(error(n, "scheme", e.code(), e.message()));
        }
        YearMonth month = null;
        LocalDate day = null;
        String period = l.period();
        if (scheme != null && (period == null || period.isBlank())) {
            errors.add(error(n, "period", "REQUIRED", scheme.isMonthly() ? "contribution.line.month-required"
                    : "contribution.line.day-required"));
        } else if (scheme != null) {
            try {
                if (scheme.isMonthly()) {
                    month = (YearMonth) parsedPeriods.computeIfAbsent("M" + period, k -> Periods.month(period, "period"));
                    Periods.notFuture(month, today, "period");
                } else {
                    day = (LocalDate) parsedPeriods.computeIfAbsent("D" + period, k -> Periods.day(period, "period"));
                    Periods.notFuture(day, today, "period");
                    month = YearMonth.from(day);
                }
            } catch (InvalidValueException e) {
                errors.add(error(n, "period", e.code(), scheme.isMonthly() && "INVALID_MONTH".equals(e.code())
                        ? Message.of("contribution.line.per-month", scheme.label(), e.message())
                        : !scheme.isMonthly() && "INVALID_DAY".equals(e.code())
                        ? Message.of("contribution.line.per-day", scheme.label(), e.message()) : e.message()));
            }
        }
        Long amount = l.amountFen();
        Integer orders = null;
        Sector sector = null;
        if (scheme != null && scheme.isMonthly()) {
            if (amount == null && !reversal) {
                errors.add(error(n, "amountFen", "REQUIRED", "contribution.line.amount-required", scheme.label()));
            } else if (amount != null && (amount <= 0 || amount > limits.maxAmountFen())) {
                errors.add(error(n, "amountFen", "AMOUNT_OUT_OF_RANGE",
                        "contribution.line.amount-range", 1, limits.maxAmountFen()));
            }
            if (l.orders() != null) {
                errors.add(error(n, "orders", "NOT_APPLICABLE", "contribution.line.monthly-no-orders", scheme.label()));
            }
            if (l.sector() != null) {
                errors.add(error(n, "sector", "NOT_APPLICABLE", "contribution.line.monthly-no-sector", scheme.label()));
            }
        } else if (scheme != null) {
            if (l.orders() == null && !reversal) {
                errors.add(error(n, "orders", "REQUIRED", "contribution.line.orders-required", scheme.label()));
            } else if (l.orders() != null && (l.orders() <= 0 || l.orders() > limits.maxOrders())) {
                errors.add(error(n, "orders", "ORDERS_OUT_OF_RANGE", "contribution.line.orders-range", limits.maxOrders()));
            } else if (l.orders() != null) {
                orders = l.orders().intValue();
            }
            if (l.sector() == null && !reversal) {
                errors.add(error(n, "sector", "REQUIRED", "contribution.line.sector-required", scheme.label()));
            } else if (l.sector() != null) {
                try {
                    sector = Sector.parse(l.sector(), "sector");
                } catch (InvalidValueException e) {
                    errors.add(error(n, "sector", e.code(), e.message()));
                }
            }
            if (amount != null && (amount < 0 || amount > limits.maxAmountFen())) {
                errors.add(error(n, "amountFen", "AMOUNT_OUT_OF_RANGE", "contribution.line.amount-range", 0, limits.maxAmountFen()));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String canonicalPeriod = scheme.isMonthly() ? month.toString() : day.toString();
        return new ValidLine(n, ref, nationalId, scheme, canonicalPeriod, month, day, amount, orders, sector, reversesRef);
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static InvalidField error(int line, String field, String code, String key, Object... args) {
        return error(line, field, code, Message.of(key, args));
    }

    private static InvalidField error(int line, String field, String code, Message message) {
        return new InvalidField(field, line, code, message);
    }
}
