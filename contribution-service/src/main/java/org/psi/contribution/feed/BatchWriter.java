package org.psi.contribution.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psi.contribution.assessment.AssessmentStore;
import org.psi.contribution.assessment.MonthAssessment;
import org.psi.contribution.insured.Eligibility;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.ledger.KnownPosting;
import org.psi.contribution.ledger.LedgerService;
import org.psi.contribution.ledger.LedgerStore;
import org.psi.contribution.policy.PolicyService;
import org.psi.contribution.webhook.WebhookEvents;

/**
 * Decides and applies a feed in one transaction. The assessments of the months it pays toward are
 * locked first, so that all payers of a month (other feeds, self-payments) decide one after the
 * other against what the others paid, and no month is ever paid beyond its due. Then its batch
 * record (a concurrent request with the same Idempotency-Key fails on it and replays) and all its
 * postings are written. If anything fails or the process dies half way, nothing of the feed remains.
 */
@ApplicationScoped
public class BatchWriter {

    private final BatchRepository batches;
    private final LedgerService ledger;
    private final LedgerStore store;
    private final AssessmentStore assessments;
    private final PolicyService policies;
    private final WebhookEvents webhooks;

    public BatchWriter(BatchRepository batches, LedgerService ledger, LedgerStore store, AssessmentStore assessments,
                       PolicyService policies, WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.batches = batches;
        this.ledger = ledger;
        this.store = store;
        this.assessments = assessments;
        this.policies = policies;
    }

    /** A feed's checked lines and what was looked up for them outside the transaction. */
    public record Lines(List<ValidLine> lines, byte[][] macs, Eligibility eligibility, Collection<String> lookUpRefs,
                        Collection<String> allRefs, Collection<String> reversed, LocalDate today, ZoneId zone) {
    }

    /** Evaluates the lines (see {@link FeedEvaluator}), fills in the batch's counts, and writes it with its postings. */
    @Transactional
    public FeedEvaluator.Plan write(ContributionBatch batch, Lines in) {
        String source = in.eligibility().platform().source();
        Set<MonthAssessment.Key> months = new HashSet<>();
        for (ValidLine l : in.lines()) {
            InsuredWorker w = in.eligibility().workers().get(l.nationalId());
            if (w != null && l.scheme().isMonthly()) {
                months.add(new MonthAssessment.Key(w.workerId(), l.scheme(), l.month()));
            }
        }
        Map<MonthAssessment.Key, MonthAssessment> locked = assessments.lock(months);
        Map<MonthAssessment.Key, Long> paid = store.paidSoFar(locked.keySet());
        Map<String, KnownPosting> known = store.known(source, in.lookUpRefs(), in.reversed());
        FeedEvaluator.Plan plan = evaluate(batch, in, known, locked, paid);
        if (in.lookUpRefs().size() < in.allRefs().size() && !plan.errors().isEmpty() && !store.known(source,
                plan.errors().stream().map(FeedEvaluator.LineError::ref).toList(), List.of()).isEmpty()) {
            // a rejected line's ref was posted before: it is a duplicate or a REF_CONFLICT; decide with every ref known
            plan = evaluate(batch, in, store.known(source, in.allRefs(), in.reversed()), locked, paid);
        }
        batch.accepted = plan.postings().size();
        batch.duplicates = plan.duplicates();
        batch.rejected = plan.errors().size();
        batch.errors = batches.errorsJson(plan.errors());
        batches.persistAndFlush(batch);
        ledger.post(plan.postings());
        if (batch.feedJobId == null) { // a job tells of itself when it is done
            webhooks.emit(batch.platformCode, WebhookEvents.BATCH_COMPLETED, Map.of("batchId", batch.id.toString(),
                "received", batch.received, "accepted", batch.accepted, "duplicates", batch.duplicates, "rejected", batch.rejected));
        }
        return plan;
    }

    private FeedEvaluator.Plan evaluate(ContributionBatch batch, Lines in, Map<String, KnownPosting> known,
                                        Map<MonthAssessment.Key, MonthAssessment> locked, Map<MonthAssessment.Key, Long> paid) {
        Instant now = batch.createdAt;
        return FeedEvaluator.evaluate(new FeedEvaluator.Context(batch.id, now, in.today(), in.zone(), in.eligibility(),
                known, policies.book(), locked, paid), in.lines(), in.macs());
    }
}
