package org.psi.contribution.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.contribution.holds.HoldStore;

/**
 * The one way into the ledger: every posting (feed lines, self-payments, transfers) goes through
 * {@link #post}, which applies the late-contribution rule under the transfer holds' locks and writes
 * postings and legs in the caller's transaction.
 */
@ApplicationScoped
public class LedgerService {

    private final LedgerStore store;
    private final HoldStore holds;

    public LedgerService(LedgerStore store, HoldStore holds) {
        this.store = store;
        this.holds = holds;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void post(List<PostingDraft> drafts) {
        Set<UUID> workers = new HashSet<>();
        for (PostingDraft d : drafts) {
            if (d.kind.paysTowardMonth() && d.scheme.isMonthly()) {
                workers.add(d.workerId);
            }
        }
        if (!workers.isEmpty()) {
            List<LateContributionRule.Transfer> transfers = holds.lockHoldsOf(workers).stream()
                    .map(h -> new LateContributionRule.Transfer(h.workerId(), h.scheme(), h.fromRegion(), h.toRegion(),
                            "COMMITTED".equals(h.status()) ? h.committedAt() : null))
                    .toList();
            LateContributionRule.apply(drafts, transfers, new LateContributionRule.History() {
                @Override
                public Map<YearMonth, Long> paidSoFar(UUID workerId, Scheme scheme, Set<YearMonth> months) {
                    return store.paidSoFar(workerId, scheme, months);
                }

                @Override
                public Map<YearMonth, Long> movedPooled(UUID workerId, Scheme scheme, String region) {
                    return store.movedPooled(workerId, scheme, region);
                }
            });
        }
        // a correction that moved nothing (a re-assessment that changed no share of a month) is not written
        store.write(drafts.stream().filter(d -> d.kind != PostingKind.CORRECTION || !d.legs().isEmpty()).toList());
    }
}
