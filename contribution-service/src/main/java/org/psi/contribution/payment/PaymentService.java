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
import java.util.OptionalInt;
import java.util.Set;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.Scheme;
import org.psi.contribution.client.EnrollmentDirectory;
import org.psi.contribution.config.ContributionConfig;
import org.psi.contribution.feed.FeedLines;
import org.psi.contribution.feed.FeedService;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.ledger.KnownPosting;
import org.psi.contribution.ledger.LedgerService;
import org.psi.contribution.ledger.LedgerStore;
import org.psi.contribution.ledger.MonthPayment;
import org.psi.contribution.ledger.Payers;
import org.psi.contribution.ledger.PostingDraft;
import org.psi.contribution.ledger.PostingKind;
import org.psi.contribution.policy.PolicyService;
import org.psi.contribution.policy.PolicyTerms;
import org.psi.contribution.statement.ContributionHistory;

/**
 * A worker's payment for themselves toward a month of PENSION or MEDICAL (a top-up beside what
 * platforms paid, or the whole month). Idempotent twice over: by the Idempotency-Key (the same key
 * answers the first response again) and by the paymentRef (unique per worker in the ledger: the same
 * payment sent again under another key is answered, not posted again).
 *
 * <p>Rules: the worker must be enrolled in the scheme for that month (422 otherwise); the month must
 * have begun; the amount is at most what is still due for the month (422 beyond it).
 */
@ApplicationScoped
public class PaymentService {

    private final EnrollmentDirectory directory;
    private final LedgerStore ledger;
    private final PolicyService policies;
    private final IdempotencyRepository idempotency;
    private final Recorder recorder;
    private final ContributionConfig config;
    private final Clock clock;

    public PaymentService(EnrollmentDirectory directory, LedgerStore ledger, PolicyService policies,
                          IdempotencyRepository idempotency, Recorder recorder, ContributionConfig config, Clock clock) {
        this.directory = directory;
        this.ledger = ledger;
        this.policies = policies;
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
                          ContributionHistory.Status monthStatus, Instant postedAt) {
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
            throw new InvalidValueException("scheme", "NOT_APPLICABLE", scheme + " is paid by the platform, per order");
        }
        YearMonth month = Periods.notFuture(Periods.month(request.month(), "month"), LocalDate.now(clock), "month");
        long amount = request.amountFen();
        if (amount <= 0 || amount > config.maxAmountFen()) {
            throw new InvalidValueException("amountFen", "AMOUNT_OUT_OF_RANGE", "amountFen is 1 to " + config.maxAmountFen() + " fen");
        }
        String ref = request.paymentRef().strip();
        if (ref.isEmpty() || ref.length() > FeedLines.MAX_REF_LENGTH) {
            throw new InvalidValueException("paymentRef", "INVALID_REF", "A paymentRef is 1 to " + FeedLines.MAX_REF_LENGTH + " characters");
        }
        String source = Payers.worker(worker.workerId());
        byte[] contentMac = hash(new PaymentRequest(scheme.name(), month.toString(), amount, ref));
        for (int attempt = 1; ; attempt++) {
            KnownPosting earlier = ledger.knownOne(source, ref);
            if (earlier != null) {
                if (!MessageDigest.isEqual(earlier.contentMac(), contentMac)) {
                    throw ProblemException.conflict("ref-conflict", "The paymentRef " + ref
                            + " was used for another payment; use a new paymentRef");
                }
                return new Outcome(view(worker, earlier.scheme(), earlier.month(), earlier.region(), ref, earlier.amountFen(),
                        earlier.individualFen(), earlier.pooledFen(), null), 200, false);
            }
            InsuredWorker.Enrollment enrollment = worker.covering(scheme, month).orElseThrow(() ->
                    ProblemException.unprocessable("not-enrolled", "You are not enrolled in " + scheme + " for " + month));
            String region = enrollment.region().value();
            PolicyTerms terms = policies.book().find(region, month.getYear()).orElseThrow(() ->
                    ProblemException.unprocessable("no-policy", "Region " + region + " has no contribution policy for " + month.getYear()));
            OptionalInt grade = enrollment.gradeIn(month);
            if (grade.isEmpty()) {
                throw ProblemException.unprocessable("not-enrolled", "No base grade was in force in " + month);
            }
            long base = terms.baseFen(grade.getAsInt());
            long due = terms.dueFen(scheme, base);
            long paid = ledger.paidSoFar(worker.workerId(), scheme, Set.of(month)).getOrDefault(month, 0L);
            if (amount > due - paid) {
                throw ProblemException.unprocessable("exceeds-due", month + " is due " + due + " fen, of which " + paid
                        + " fen is paid; at most " + Math.max(0, due - paid) + " fen can still be paid toward it");
            }
            long individual = terms.individualShare(scheme, amount);
            Instant now = Instant.now(clock);
            PostingDraft draft = new PostingDraft(PostingKind.SELF_PAYMENT, source, ref, contentMac, null, null,
                    worker.workerId(), scheme, region, month.toString(), month, amount, individual, amount - individual,
                    null, null, null, now);
            draft.baseFen = base;
            draft.dueFen = due;
            long paidAfter = paid + amount;
            Payment payment = new Payment(ref, scheme, month, region, amount, individual, amount - individual, due,
                    paidAfter, paidAfter >= due ? ContributionHistory.Status.PAID : ContributionHistory.Status.PARTIAL, now);
            try {
                recorder.record(draft, scope, idempotencyKey, hash, payment);
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
                throw ProblemException.unprocessable("idempotency-key-reused", "The Idempotency-Key " + key
                        + " was used for another payment; use a new key for a new payment");
            }
            return new Outcome(idempotency.response(r, Payment.class), r.status, true);
        });
    }

    private Payment view(InsuredWorker worker, Scheme scheme, YearMonth month, String region, String ref, long amount,
                         long individual, long pooled, Instant postedAt) {
        List<MonthPayment> payments = ledger.payments(worker.workerId(), scheme);
        ContributionHistory.Month m = ContributionHistory.months(worker, scheme, month, month, policies.book(),
                payments, List.of()).stream().filter(x -> x.month().equals(month)).findFirst().orElse(null);
        return new Payment(ref, scheme, month, region, amount, individual, pooled, m == null ? null : m.dueFen(),
                m == null ? amount : m.paidFen(), m == null ? ContributionHistory.Status.PARTIAL : m.status(), postedAt);
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

    /** Posts a self-payment and remembers its response under the Idempotency-Key, in one transaction. */
    @ApplicationScoped
    public static class Recorder {
        private final LedgerService ledger;
        private final IdempotencyRepository idempotency;

        public Recorder(LedgerService ledger, IdempotencyRepository idempotency) {
            this.ledger = ledger;
            this.idempotency = idempotency;
        }

        @Transactional
        public void record(PostingDraft draft, String scope, String key, byte[] hash, Payment response) {
            idempotency.save(scope, key, hash, 201, response, draft.postedAt);
            ledger.post(List.of(draft));
        }
    }
}
