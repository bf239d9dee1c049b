package org.psi.contribution.feed;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sector;

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
    public static final int MAX_LISTED_ERRORS = 1000;

    private FeedLines() {
    }

    public static List<ValidLine> validate(List<FeedLine> lines, LocalDate today, FeedLimits limits) {
        if (lines.isEmpty()) {
            throw ProblemException.invalid("lines", "REQUIRED", "A feed has at least one line");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ValidLine> valid = new ArrayList<>(lines.size());
        Map<String, Object> parsedPeriods = new HashMap<>();
        int total = 0;
        for (FeedLine l : lines) {
            List<Problem.FieldError> lineErrors = new ArrayList<>(0);
            ValidLine v = check(l, today, limits, lineErrors, parsedPeriods);
            if (lineErrors.isEmpty()) {
                valid.add(v);
            } else {
                total += lineErrors.size();
                for (Problem.FieldError e : lineErrors) {
                    if (errors.size() < MAX_LISTED_ERRORS) {
                        errors.add(e);
                    }
                }
            }
        }
        if (total > 0) {
            long badLines = lines.size() - valid.size();
            throw new ProblemException(400, "invalid-feed", "Invalid feed",
                    badLines + " of " + lines.size() + " lines are malformed (" + total
                            + " errors); nothing was applied. Fix them and send the feed again.", errors);
        }
        return valid;
    }

    private static ValidLine check(FeedLine l, LocalDate today, FeedLimits limits, List<Problem.FieldError> errors,
                                   Map<String, Object> parsedPeriods) {
        int n = l.line();
        String ref = l.ref();
        if (ref == null || ref.isBlank()) {
            errors.add(error(n, "ref", "REQUIRED", "Every line has a ref, unique per platform"));
        } else if (ref.length() > MAX_REF_LENGTH || !printable(ref)) {
            errors.add(error(n, "ref", "INVALID_REF", "A ref is 1 to " + MAX_REF_LENGTH + " printable characters"));
        }
        String nationalId = l.nationalId() == null ? null : l.nationalId().strip().toUpperCase();
        if (nationalId == null || nationalId.isEmpty()) {
            errors.add(error(n, "nationalId", "REQUIRED", "The worker's citizen ID number is required"));
        } else if (nationalId.length() > 32) {
            errors.add(error(n, "nationalId", "INVALID_LENGTH", "A citizen ID number has 18 characters"));
        }
        String reversesRef = l.reversesRef();
        boolean reversal = reversesRef != null;
        if (reversal && (reversesRef.isBlank() || reversesRef.length() > MAX_REF_LENGTH || !printable(reversesRef))) {
            errors.add(error(n, "reversesRef", "INVALID_REF", "reversesRef is the ref of an earlier line"));
        }
        Scheme scheme = null;
        try {
            scheme = Scheme.parse(l.scheme(), "scheme");
        } catch (InvalidValueException e) {
            errors.add(error(n, "scheme", e.code(), e.getMessage()));
        }
        YearMonth month = null;
        LocalDate day = null;
        String period = l.period();
        if (scheme != null && (period == null || period.isBlank())) {
            errors.add(error(n, "period", "REQUIRED", scheme.isMonthly() ? "The month (YYYY-MM) is required"
                    : "The day (YYYY-MM-DD) is required"));
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
                        ? scheme + " is reported per month: " + e.getMessage()
                        : !scheme.isMonthly() && "INVALID_DAY".equals(e.code())
                        ? scheme + " is reported per day: " + e.getMessage() : e.getMessage()));
            }
        }
        Long amount = l.amountFen();
        Integer orders = null;
        Sector sector = null;
        if (scheme != null && scheme.isMonthly()) {
            if (amount == null && !reversal) {
                errors.add(error(n, "amountFen", "REQUIRED", scheme + " lines carry amountFen"));
            } else if (amount != null && (amount <= 0 || amount > limits.maxAmountFen())) {
                errors.add(error(n, "amountFen", "AMOUNT_OUT_OF_RANGE",
                        "amountFen is 1 to " + limits.maxAmountFen() + " fen"));
            }
            if (l.orders() != null) {
                errors.add(error(n, "orders", "NOT_APPLICABLE", scheme + " is paid per month, not per order"));
            }
            if (l.sector() != null) {
                errors.add(error(n, "sector", "NOT_APPLICABLE", scheme + " is paid per month, not per sector"));
            }
        } else if (scheme != null) {
            if (l.orders() == null && !reversal) {
                errors.add(error(n, "orders", "REQUIRED", scheme + " lines carry the number of orders"));
            } else if (l.orders() != null && (l.orders() <= 0 || l.orders() > limits.maxOrders())) {
                errors.add(error(n, "orders", "ORDERS_OUT_OF_RANGE", "orders is 1 to " + limits.maxOrders()));
            } else if (l.orders() != null) {
                orders = l.orders().intValue();
            }
            if (l.sector() == null && !reversal) {
                errors.add(error(n, "sector", "REQUIRED", scheme + " lines carry the platform's sector"));
            } else if (l.sector() != null) {
                try {
                    sector = Sector.parse(l.sector(), "sector");
                } catch (InvalidValueException e) {
                    errors.add(error(n, "sector", e.code(), e.getMessage()));
                }
            }
            if (amount != null && (amount < 0 || amount > limits.maxAmountFen())) {
                errors.add(error(n, "amountFen", "AMOUNT_OUT_OF_RANGE", "amountFen is 0 to " + limits.maxAmountFen() + " fen"));
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

    private static Problem.FieldError error(int line, String field, String code, String message) {
        return new Problem.FieldError(field, line, code, message);
    }
}
