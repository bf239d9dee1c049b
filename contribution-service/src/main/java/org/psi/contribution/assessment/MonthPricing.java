package org.psi.contribution.assessment;

import java.math.BigDecimal;
import org.psi.common.domain.Money;
import org.psi.common.domain.Scheme;
import org.psi.contribution.policy.PolicyTerms;

/**
 * The one home of what a month costs and how what is paid toward it is shared out (docs/DOMAIN.md,
 * "Assessment" and "Payers share one due"). Pure: no database, no clock.
 *
 * <ul>
 *   <li>Base = the grade (held between the region's floor and ceiling) x the region's average
 *       monthly wage, rounded half-up to the yuan; due = base x the scheme's rate, half-up to the fen.</li>
 *   <li>All payers of a month together pay at most its due: a payment is accepted only up to what
 *       remains ({@link #accept}).</li>
 *   <li>The individual account's share is allocated cumulatively: a payment's part is the share of
 *       everything paid so far including it, minus the share before it. So the individual account of
 *       a month is always the share of what was paid toward it, rounded once, and never above the
 *       share of its due, however the payment was split between payers.</li>
 *   <li>A month counts when it has a due above 0 and is paid in full.</li>
 * </ul>
 */
public final class MonthPricing {

    public enum Status { PAID, PARTIAL, UNPAID }

    /** A month's price under a policy: base, rate, individual points and due. */
    public record Price(long baseFen, BigDecimal ratePercent, BigDecimal individualPercent, long dueFen) {
    }

    /** Whether a payment fits: its split when it does, what remains when it does not. */
    public sealed interface Decision permits Accepted, ExceedsDue {
    }

    public record Accepted(long individualFen, long pooledFen) implements Decision {
    }

    public record ExceedsDue(long remainingFen) implements Decision {
    }

    private MonthPricing() {
    }

    /** The price of a month at {@code gradePercent} under {@code terms} (PENSION or MEDICAL). */
    public static Price price(PolicyTerms terms, Scheme scheme, int gradePercent) {
        if (!scheme.isMonthly()) {
            throw new IllegalArgumentException(scheme + " is priced per order, not per month");
        }
        long base = terms.baseFen(gradePercent);
        BigDecimal rate = terms.ratePercent(scheme);
        return new Price(base, rate, terms.individualPercent(scheme), Money.percentOf(base, rate));
    }

    /** The individual account's share of {@code paidFen} paid toward a month in all: paid x points / rate, half-up. */
    public static long individualOf(long paidFen, BigDecimal individualPercent, BigDecimal ratePercent) {
        if (ratePercent.signum() == 0 || paidFen == 0) {
            return 0;
        }
        return Money.share(paidFen, individualPercent.movePointRight(2).longValueExact(),
                ratePercent.movePointRight(2).longValueExact());
    }

    /** The individual part of {@code amountFen} (negative for a reversal or refund) paid after {@code paidBeforeFen}. */
    public static long individualPart(MonthAssessment a, long paidBeforeFen, long amountFen) {
        return individualOf(paidBeforeFen + amountFen, a.individualPercent(), a.ratePercent())
                - individualOf(paidBeforeFen, a.individualPercent(), a.ratePercent());
    }

    /** A payment of {@code amountFen} toward an assessed month of which {@code paidBeforeFen} is paid already. */
    public static Decision accept(MonthAssessment a, long paidBeforeFen, long amountFen) {
        long remaining = Math.max(0, a.dueFen() - paidBeforeFen);
        if (amountFen <= 0 || amountFen > remaining) {
            return new ExceedsDue(remaining);
        }
        long individual = individualPart(a, paidBeforeFen, amountFen);
        return new Accepted(individual, amountFen - individual);
    }

    public static Status status(Long dueFen, long paidFen) {
        if (dueFen != null && dueFen > 0 && paidFen >= dueFen) {
            return Status.PAID;
        }
        return paidFen > 0 ? Status.PARTIAL : Status.UNPAID;
    }

    /** A month counts toward the scheme when it has a due above 0 and is paid in full. */
    public static boolean counts(Long dueFen, long paidFen) {
        return status(dueFen, paidFen) == Status.PAID;
    }
}
