package org.psi.contribution.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.psi.contribution.ledger.PostingDraft;
import org.psi.contribution.ledger.PostingKind;

/**
 * The postings that bring a month in line with its (new) assessment, insert-only (docs/DOMAIN.md,
 * "Payers share one due"). Pure.
 * <ul>
 *   <li>A re-split: the month's individual account becomes the share of what is paid toward it
 *       under the assessment's points (a rate that changed, or a split rounded per payment before),
 *       the difference taken from or given to the pooled fund. It also carries, for a month whose
 *       funds moved with a transfer, the difference the new base makes (the late-contribution rule
 *       adds it on posting).</li>
 *   <li>Refunds: what all payers paid beyond the due goes to their refundable credit, the payer who
 *       paid last first, each refund's individual part allocated on the running total, so the
 *       individual account never holds more than the share of the due.</li>
 * </ul>
 */
public final class ExcessRefunds {

    /** A payer of the month and what it has paid toward it, net; given the one that paid last first. */
    public record Payer(String source, long netFen) {
    }

    private ExcessRefunds() {
    }

    /** The re-split and the refunds; the re-split is first, and may move nothing (then it is not written). */
    public static List<PostingDraft> plan(MonthAssessment a, long paidFen, long individualNowFen, List<Payer> lastFirst,
                                          String ref, String resplitSource, Instant now) {
        List<PostingDraft> drafts = new ArrayList<>();
        long resplit = MonthPricing.individualOf(paidFen, a.individualPercent(), a.ratePercent()) - individualNowFen;
        drafts.add(draft(a, resplitSource, ref, 0, resplit, now));
        long excess = paidFen - a.dueFen();
        long running = paidFen;
        for (Payer payer : lastFirst) {
            if (excess <= 0) {
                break;
            }
            long refund = Math.min(excess, payer.netFen());
            if (refund <= 0) {
                continue;
            }
            drafts.add(draft(a, payer.source(), ref, -refund, MonthPricing.individualPart(a, running, -refund), now));
            running -= refund;
            excess -= refund;
        }
        return drafts;
    }

    /** What the refunds of a plan give back, in all. */
    public static long refunded(List<PostingDraft> plan) {
        return -plan.stream().mapToLong(d -> d.amountFen).sum();
    }

    private static PostingDraft draft(MonthAssessment a, String source, String ref, long amount, long individual, Instant now) {
        PostingDraft d = new PostingDraft(PostingKind.CORRECTION, source, ref, null, null, null, a.workerId(), a.scheme(),
                a.region(), a.month().toString(), a.month(), amount, individual, amount - individual, null, null, null, now);
        d.baseFen = a.baseFen();
        d.dueFen = a.dueFen();
        return d;
    }
}
