package org.psi.contribution.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.psi.contribution.ledger.LedgerService;
import org.psi.contribution.ledger.PostingDraft;

/**
 * Applies a feed in one transaction: its batch record (first, so a concurrent request with the
 * same Idempotency-Key waits here and then replays) and all its postings. If anything fails or the
 * process dies half way, the transaction rolls back and nothing of the feed remains.
 */
@ApplicationScoped
public class BatchWriter {

    private final BatchRepository batches;
    private final LedgerService ledger;

    public BatchWriter(BatchRepository batches, LedgerService ledger) {
        this.batches = batches;
        this.ledger = ledger;
    }

    @Transactional
    public void write(ContributionBatch batch, List<PostingDraft> postings) {
        batches.persistAndFlush(batch);
        ledger.post(postings);
    }
}
