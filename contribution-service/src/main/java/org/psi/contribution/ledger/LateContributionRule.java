package org.psi.contribution.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.psi.common.domain.Money;
import org.psi.common.domain.Scheme;

/**
 * What happens to a late contribution: one that pays toward a month in a region the worker has
 * since left by a committed transfer (PENSION or MEDICAL).
 *
 * <p>The rule PSI applies: the contribution is booked where and when it belongs. The month is the
 * month it pays for, in the region whose enrollment covered that month, so the month counts there
 * (contribution months are added up across regions, never lost) and the statement and certificate
 * show it under that region. But nothing the transfer would have moved is left behind: in the same
 * posting the ledger forwards, to the region the worker's funds moved to last (following any later
 * transfers),
 * <ul>
 *   <li>the contribution's whole individual-account part (the individual account moves in full), and</li>
 *   <li>for PENSION, once the month is paid in full, 12% of that month's base from the pooled fund,
 *       less what was moved for that month before (by the transfer itself, or by an earlier late
 *       contribution); if a reversal makes the month no longer paid in full, that share comes back.</li>
 * </ul>
 * The moved pooled shares are recorded per month ({@code transferred_month}), so a later transfer
 * never moves a month twice. A contribution for a region the worker has left and come back to is
 * not forwarded (the funds are there). Occupational injury has nothing to transfer.
 */
public final class LateContributionRule {

    /** From the pooled fund, 12% of the base of each month contributed moves with a transfer (Interim Measures 2009, art. 4). */
    public static final int TRANSFERRED_POOLED_PERCENT = 12;

    /** A transfer of a worker's scheme from one region to another, and when it was committed (null if not yet). */
    public record Transfer(UUID workerId, Scheme scheme, String fromRegion, String toRegion, Instant committedAt) {
    }

    /** The ledger's record of what was paid toward months and what was moved away from a region. */
    public interface History {
        Map<YearMonth, Long> paidSoFar(UUID workerId, Scheme scheme, Set<YearMonth> months);

        Map<YearMonth, Long> movedPooled(UUID workerId, Scheme scheme, String region);
    }

    private LateContributionRule() {
    }

    /** 12% of a month's base: the pooled share a transfer moves for a month paid in full. */
    public static long transferredPooledFen(long baseFen) {
        return Money.percentOf(baseFen, java.math.BigDecimal.valueOf(TRANSFERRED_POOLED_PERCENT));
    }

    /**
     * Where the funds of a worker's scheme went after leaving {@code region}: the destination of the
     * last committed transfer, if the worker has transferred out of {@code region} and is not back.
     */
    public static Optional<String> destination(List<Transfer> transfersOfWorkerAndScheme, String region) {
        List<Transfer> committed = transfersOfWorkerAndScheme.stream().filter(t -> t.committedAt() != null)
                .sorted(Comparator.comparing(Transfer::committedAt)).toList();
        if (committed.isEmpty()) {
            return Optional.empty();
        }
        String last = committed.get(committed.size() - 1).toRegion();
        if (last.equals(region) || committed.stream().noneMatch(t -> t.fromRegion().equals(region))) {
            return Optional.empty();
        }
        return Optional.of(last);
    }

    /** Adds the forwarding legs to every late contribution among {@code drafts} (in feed order). */
    public static void apply(List<PostingDraft> drafts, List<Transfer> transfers, History history) {
        Map<String, List<Transfer>> byWorker = new HashMap<>();
        for (Transfer t : transfers) {
            byWorker.computeIfAbsent(t.workerId() + "/" + t.scheme(), k -> new ArrayList<>()).add(t);
        }
        Map<PostingDraft, String> late = new HashMap<>();
        Set<String> lateMonths = new HashSet<>();
        for (PostingDraft d : drafts) {
            if (!d.kind.paysTowardMonth() || !d.scheme.isMonthly()) {
                continue;
            }
            List<Transfer> ts = byWorker.get(d.workerId + "/" + d.scheme);
            if (ts == null) {
                continue;
            }
            destination(ts, d.region).ifPresent(to -> {
                late.put(d, to);
                lateMonths.add(monthKey(d));
            });
        }
        if (late.isEmpty()) {
            return;
        }
        Map<String, Long> paid = new HashMap<>();
        Map<String, Long> moved = new HashMap<>();
        for (PostingDraft d : drafts) {
            String key = monthKey(d);
            if (!d.kind.paysTowardMonth() || !lateMonths.contains(key)) {
                continue;
            }
            long before = paid.computeIfAbsent(key, k -> history.paidSoFar(d.workerId, d.scheme, Set.of(d.month))
                    .getOrDefault(d.month, 0L));
            long after = before + d.amountFen;
            paid.put(key, after);
            String to = late.get(d);
            if (to == null) {
                continue;
            }
            d.forwardedTo = to;
            d.forwardedIndividualFen = d.individualFen;
            if (d.scheme == Scheme.PENSION) {
                long already = moved.computeIfAbsent(key, k -> history.movedPooled(d.workerId, d.scheme, d.region)
                        .getOrDefault(d.month, 0L));
                long target = d.dueFen != null && d.baseFen != null && d.dueFen > 0 && after >= d.dueFen
                        ? transferredPooledFen(d.baseFen) : 0;
                long delta = target - already;
                moved.put(key, target);
                d.forwardedPooledFen = delta;
                if (delta != 0) {
                    d.movedMonths.add(new PostingDraft.MovedMonth(d.workerId, d.scheme, d.region, d.month, to, delta, null));
                }
            }
        }
    }

    private static String monthKey(PostingDraft d) {
        return d.workerId + "/" + d.scheme + "/" + d.region + "/" + d.month;
    }
}
