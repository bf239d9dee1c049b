package org.psi.contribution.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.psi.common.api.InvalidField;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.Scheme;
import org.psi.common.i18n.Message;
import org.psi.contribution.assessment.AssessmentStore;
import org.psi.contribution.assessment.MonthAssessment;
import org.psi.contribution.assessment.MonthPricing;
import org.psi.contribution.config.ContributionConfig;
import org.psi.contribution.feed.FeedLines;
import org.psi.contribution.feed.FeedService;
import org.psi.contribution.insured.InsuredDirectory;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.ledger.KnownPosting;
import org.psi.contribution.ledger.LedgerService;
import org.psi.contribution.ledger.LedgerStore;
import org.psi.contribution.ledger.Payers;
import org.psi.contribution.ledger.PostingDraft;
import org.psi.contribution.ledger.PostingKind;

/**
 * A worker's payment for themselves toward a month of PENSION or MEDICAL (a top-up beside what
 * platforms paid, or the whole month). Idempotent twice over: by the Idempotency-Key (the same key
 * answers the first response again) and by the paymentRef (unique per worker in the ledger: the same
 * payment sent again under another key is answered, not posted again).
 *
 * <p>Rules: the worker must be enrolled in the scheme for that month (422 otherwise); the month must
 * have begun and be assessed; all payers of the month together pay at most its due: a payment beyond
 * what remains is refused (422 {@code exceeds-due}, saying what remains), decided under the lock of
 * the month's assessment, so that concurrent payments and feeds never pay a month beyond its due
 * ({@link MonthPricing}).
 */
@ApplicationScoped
public class PaymentService {

    private final InsuredDirectory directory;
    private final LedgerStore ledger;
    private final AssessmentStore assessments;
    private final IdempotencyRepository idempotency;
    private final Recorder recorder;
    private final ContributionConfig config;
    private final Clock clock;

    public PaymentService(InsuredDirectory directory, LedgerStore ledger, AssessmentStore assessments,
                          IdempotencyRepository idempotency, Recorder recorder, ContributionConfig config, Clock clock) {
        this.directory = directory;
        this.ledger = ledger;
        this.assessments = assessments;
        this.idempotency = idempotency;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
    }

    public record PaymentRequest(String scheme, String month, Long amountFen, String paymentRef) {
    }

    /** A posted self-payment and where its month stands after it. */
    public record Payment(String paymentRef, Scheme scheme, YearMonth month, String region, long amountFen,
                          long individualFen, long pooledFen, Long dueFen, long paidFen,
                          MonthPricing.Status monthStatus, Instant postedAt) {
    }

    public record Outcome(Payment payment, int status, boolean replayed) {
    }

    public Outcome pay(String subject, String idempotencyKey, PaymentRequest request) {
        InsuredWorker worker = directory.bySubject(subject);
        String scope = "payments/" + worker.workerId();
        byte[] hash = hash(request);
        Optional<Outcome> replay = replay(scope, idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        Scheme scheme = Scheme.parse(request.scheme(), "scheme");
        if (!scheme.isMonthly()) {
            throw new InvalidValueException("scheme", "NOT_APPLICABLE", "contribution.payment.per-order", scheme.label());
        }
        YearMonth month = Periods.notFuture(Periods.month(request.month(), "month"), LocalDate.now(clock), "month");
        long amount = request.amountFen();
        if (amount <= 0 || amount > config.maxAmountFen()) {
            throw new InvalidValueException("amountFen", "AMOUNT_OUT_OF_RANGE", "contribution.line.amount-range", 1, config.maxAmountFen());
        }
        String ref = request.paymentRef().strip();
        if (ref.isEmpty() || ref.length() > FeedLines.MAX_REF_LENGTH) {
            throw new InvalidValueException("paymentRef", "INVALID_REF", "contribution.payment.ref-format", FeedLines.MAX_REF_LENGTH);
        }
        String source = Payers.worker(worker.workerId());
        byte[] contentMac = hash(new PaymentRequest(scheme.name(), month.toString(), amount, ref));
        for (int attempt = 1; ; attempt++) {
            KnownPosting earlier = ledger.knownOne(source, ref);
            if (earlier != null) {
                if (!MessageDigest.isEqual(earlier.contentMac(), contentMac)) {
                    throw ProblemException.conflict("ref-conflict", "contribution.payment.ref-conflict", ref);
                }
                MonthAssessment.Key k = new MonthAssessment.Key(worker.workerId(), earlier.scheme(), earlier.month());
                Long due = assessments.find(k).map(MonthAssessment::dueFen).orElse(null);
                long paid = ledger.paidSoFar(List.of(k)).getOrDefault(k, 0L);
                return new Outcome(new Payment(ref, earlier.scheme(), earlier.month(), earlier.region(), earlier.amountFen(),
                        earlier.individualFen(), earlier.pooledFen(), due, paid, MonthPricing.status(due, paid), null), 200, false);
            }
            if (worker.covering(scheme, month).isEmpty()) {
                throw ProblemException.unprocessable("not-enrolled", "contribution.payment.not-enrolled", scheme.label(), month);
            }
            try {
                Payment payment = recorder.record(worker, scheme, month, amount, ref, contentMac, scope, idempotencyKey, hash,
                        Instant.now(clock));
                return new Outcome(payment, 201, false);
            } catch (RuntimeException e) {
                if (FeedService.violatedConstraint(e, "idempotent_request_pkey")) {
                    return replay(scope, idempotencyKey, hash).orElseThrow(() -> e);
                }
                if (FeedService.violatedConstraint(e, "posting_once") && attempt < 3) {
                    continue;
                }
                throw e;
            }
        }
    }

    private Optional<Outcome> replay(String scope, String key, byte[] hash) {
        return idempotency.find(scope, key).map(r -> {
            if (!MessageDigest.isEqual(r.requestHash, hash)) {
                throw ProblemException.unprocessable("idempotency-key-reused", "contribution.payment.key-reused", key);
            }
            return new Outcome(idempotency.response(r, Payment.class), r.status, true);
        });
    }

    private static byte[] hash(PaymentRequest r) {
        try {
            String canonical = r.scheme() + "\u001f" + r.month() + "\u001f" + r.amountFen() + "\u001f" + r.paymentRef();
            return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decides and posts a self-payment under the lock of its month's assessment, and remembers its
     * response under the Idempotency-Key, in one transaction.
     */
    @ApplicationScoped
    public static class Recorder {
        private final LedgerService ledger;
        private final LedgerStore store;
        private final AssessmentStore assessments;
        private final IdempotencyRepository idempotency;

        public Recorder(LedgerService ledger, LedgerStore store, AssessmentStore assessments, IdempotencyRepository idempotency) {
            this.ledger = ledger;
            this.store = store;
            this.assessments = assessments;
            this.idempotency = idempotency;
        }

        @Transactional
        public Payment record(InsuredWorker worker, Scheme scheme, YearMonth month, long amount, String ref, byte[] contentMac,
                              String scope, String key, byte[] hash, Instant now) {
            MonthAssessment.Key k = new MonthAssessment.Key(worker.workerId(), scheme, month);
            MonthAssessment a = assessments.lock(List.of(k)).get(k);
            if (a == null && worker.pastRetirement(scheme, month)) {
                throw ProblemException.unprocessable("not-due", "contribution.payment.not-due", month, scheme.label());
            }
            if (a == null) {
                throw ProblemException.unprocessable("not-assessed", "contribution.payment.not-assessed", month, scheme.label(), month.getYear());
            }
            long paid = store.paidSoFar(List.of(k)).getOrDefault(k, 0L);
            MonthPricing.Decision decision = MonthPricing.accept(a, paid, amount);
            if (decision instanceof MonthPricing.ExceedsDue exceeds) {
                throw new ProblemException(422, "exceeds-due", Message.of("contribution.title.exceeds-due"),
                        Message.of("contribution.payment.exceeds-due", month, a.dueFen(), paid, exceeds.remainingFen()),
                        List.of(InvalidField.of("amountFen", "EXCEEDS_DUE", "contribution.payment.remaining", exceeds.remainingFen(), month)));
            }
            MonthPricing.Accepted split = (MonthPricing.Accepted) decision;
            PostingDraft draft = new PostingDraft(PostingKind.SELF_PAYMENT, Payers.worker(worker.workerId()), ref, contentMac,
                    null, null, worker.workerId(), scheme, a.region(), month.toString(), month, amount, split.individualFen(),
                    split.pooledFen(), null, null, null, now);
            draft.baseFen = a.baseFen();
            draft.dueFen = a.dueFen();
            long paidAfter = paid + amount;
            Payment payment = new Payment(ref, scheme, month, a.region(), amount, split.individualFen(), split.pooledFen(),
                    a.dueFen(), paidAfter, MonthPricing.status(a.dueFen(), paidAfter), now);
            idempotency.save(scope, key, hash, 201, payment, now);
            ledger.post(List.of(draft));
            return payment;
        }
    }
}
