package org.psi.contribution.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.store.Jdbc;
import org.psi.contribution.insured.InsuredStore;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.ledger.LedgerService;
import org.psi.contribution.ledger.LedgerStore;
import org.psi.contribution.ledger.PostingDraft;
import org.psi.contribution.ledger.PostingKind;
import org.psi.contribution.policy.PolicyService;
import org.psi.contribution.policy.PolicyTerms;
import org.psi.contribution.policy.RegionPolicy;

/**
 * The re-assessment (补差) of months already assessed, an explicit act of an admin or the region's
 * officer (docs/DOMAIN.md, "Assessment"): e.g. a region publishes its average wage late and applies
 * it back to January. Every month priced from the region's policy of that year by an earlier version
 * is priced again by the version in force (the act may set that version itself, also for a year
 * that is read-only to a PUT); each month whose figures change is recorded with its old and new
 * base and due, and its status follows the new due. In one transaction, with insert-only postings:
 * <ul>
 *   <li>what all payers paid beyond a lower due moves to their refundable credit (退费), the last
 *       payer first, never into the individual account ({@link PostingKind#CORRECTION});</li>
 *   <li>the month's individual account is made the new share of what remains paid (a changed rate
 *       re-splits it with the pooled fund);</li>
 *   <li>for a month whose funds moved with a transfer, the difference goes where they went, as for a
 *       late contribution ({@link org.psi.contribution.ledger.LateContributionRule}).</li>
 * </ul>
 */
@ApplicationScoped
public class ReassessmentService {

    /** The longest reason of a re-assessment, as sent (the reassessment table's column). */
    public static final int REASON_MAX = 500;

    /** The source of the postings that re-split a month between its pooled fund and individual account. */
    public static final String RESPLIT_SOURCE = "reassessment";

    private final AssessmentStore assessments;
    private final PolicyService policies;
    private final LedgerStore ledger;
    private final LedgerService postings;
    private final InsuredStore insured;
    private final org.psi.contribution.payment.IdempotencyRepository idempotency;
    private final Jdbc jdbc;
    private final Clock clock;

    public ReassessmentService(AssessmentStore assessments, PolicyService policies, LedgerStore ledger,
                               LedgerService postings, InsuredStore insured,
                               org.psi.contribution.payment.IdempotencyRepository idempotency,
                               io.agroal.api.AgroalDataSource db, Clock clock) {
        this.idempotency = idempotency;
        this.assessments = assessments;
        this.policies = policies;
        this.ledger = ledger;
        this.postings = postings;
        this.insured = insured;
        this.jdbc = new Jdbc(db);
        this.clock = clock;
    }

    /** The outcome: how many months were looked at, how many changed, and what went to refundable credit. */
    public record Result(UUID id, String region, int year, int policyVersion, int months, int changed, long refundedFen,
                         Instant at) {
    }

    /** The result, and whether it answers an earlier request with the same Idempotency-Key. */
    public record Outcome(Result result, boolean replayed) {
    }

    /**
     * Re-assesses, once per Idempotency-Key (scoped to the caller, the region and the year): the same
     * key with the same request answers the first result; with another request it is 422. A second
     * re-assessment with a new key finds nothing left to change, unless the policy changed again.
     */
    @Transactional
    public Outcome reassess(RegionCode region, int year, String reason, PolicyService.PolicyInput newPolicy, String by,
                            String idempotencyKey, byte[] requestHash) {
        String scope = "reassessments/" + region + "/" + year + "/" + by;
        Optional<org.psi.contribution.payment.IdempotencyRecord> earlier = idempotency.find(scope, idempotencyKey);
        if (earlier.isPresent()) {
            if (!java.security.MessageDigest.isEqual(earlier.get().requestHash, requestHash)) {
                throw ProblemException.unprocessable("idempotency-key-reused", "contribution.reassessment.key-reused", idempotencyKey);
            }
            return new Outcome(idempotency.response(earlier.get(), Result.class), true);
        }
        Result result = reassess(region, year, reason, newPolicy, by);
        idempotency.save(scope, idempotencyKey, requestHash, 201, result, result.at());
        return new Outcome(result, false);
    }

    private Result reassess(RegionCode region, int year, String reason, PolicyService.PolicyInput newPolicy, String by) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 5 || reason.length() > REASON_MAX) {
            throw ProblemException.invalid("reason", "REQUIRED", "contribution.reassessment.reason");
        }
        if (newPolicy != null) {
            policies.putForReassessment(region, year, newPolicy, by);
        }
        RegionPolicy current = policies.get(region, year);
        PolicyTerms terms = current.terms();
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        List<MonthAssessment> months = assessments.lockOfPolicy(region.value(), year);
        Map<MonthAssessment.Key, Long> paid = ledger.paidSoFar(months.stream().map(MonthAssessment::key).toList());
        Map<UUID, Optional<InsuredWorker>> workers = new HashMap<>();
        List<PostingDraft> drafts = new ArrayList<>();
        Map<UUID, Map<Scheme, List<AssessmentStore.Adjustment>>> adjustments = new HashMap<>();
        int changed = 0;
        long refunded = 0;
        for (MonthAssessment a : months) {
            if (a.policyVersion() >= current.version) {
                continue;
            }
            Integer grade = a.grade();
            if (grade == null) {
                OptionalInt g = workers.computeIfAbsent(a.workerId(), insured::byId)
                        .flatMap(w -> w.covering(a.scheme(), a.month())).map(e -> e.gradeIn(a.month())).orElse(OptionalInt.empty());
                if (g.isEmpty()) {
                    continue;
                }
                grade = g.getAsInt();
            }
            MonthPricing.Price price = MonthPricing.price(terms, a.scheme(), grade);
            if (price.dueFen() <= 0) {
                continue;
            }
            MonthAssessment next = new MonthAssessment(a.workerId(), a.scheme(), a.month(), a.region(), grade, price.baseFen(),
                    price.ratePercent(), price.individualPercent(), price.dueFen(), terms.region(), terms.year(),
                    terms.version(), a.revision() + 1, now);
            boolean same = next.baseFen() == a.baseFen() && next.dueFen() == a.dueFen()
                    && next.ratePercent().compareTo(a.ratePercent()) == 0
                    && next.individualPercent().compareTo(a.individualPercent()) == 0;
            if (same) {
                continue;
            }
            long monthRefunded = corrections(id, next, paid.getOrDefault(a.key(), 0L), now, drafts);
            assessments.replace(next);
            adjustments.computeIfAbsent(a.workerId(), k -> new HashMap<>()).computeIfAbsent(a.scheme(), k -> new ArrayList<>())
                    .add(new AssessmentStore.Adjustment(id, a.month(), a.region(), a.baseFen(), next.baseFen(), a.dueFen(),
                            next.dueFen(), a.policyVersion(), next.policyVersion(), monthRefunded, now));
            changed++;
            refunded += monthRefunded;
        }
        postings.post(drafts);
        long total = refunded;
        int n = changed;
        jdbc.update("""
                insert into reassessment (id, region, year, policy_version, reason, requested_by, requested_at, months,
                                          changed, refunded_fen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
            s.setObject(1, id);
            s.setString(2, region.value());
            s.setInt(3, year);
            s.setInt(4, current.version);
            s.setString(5, why);
            s.setString(6, by);
            s.setTimestamp(7, java.sql.Timestamp.from(now));
            s.setInt(8, months.size());
            s.setInt(9, n);
            s.setLong(10, total);
        });
        adjustments.forEach((worker, bySchemes) -> bySchemes.forEach((scheme, list) ->
                assessments.insertAdjustments(worker, scheme, list)));
        return new Result(id, region.value(), year, current.version, months.size(), changed, refunded, now);
    }

    /** The postings that bring a re-assessed month in line with its new assessment ({@link ExcessRefunds}); answers what was refunded. */
    private long corrections(UUID reassessment, MonthAssessment next, long paid, Instant now, List<PostingDraft> drafts) {
        String ref = "reassessment/" + reassessment + "/" + next.workerId() + "/" + next.scheme() + "/" + next.month();
        List<ExcessRefunds.Payer> payers = ledger.payersLastFirst(next.key()).stream()
                .map(p -> new ExcessRefunds.Payer(p.source(), p.netFen())).toList();
        List<PostingDraft> plan = ExcessRefunds.plan(next, paid, ledger.individualPaidToward(next.key()), payers, ref,
                RESPLIT_SOURCE, now);
        drafts.addAll(plan);
        return ExcessRefunds.refunded(plan);
    }
}
