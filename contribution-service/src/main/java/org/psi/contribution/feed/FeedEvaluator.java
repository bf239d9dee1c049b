package org.psi.contribution.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Money;
import org.psi.common.domain.NationalId;
import org.psi.common.domain.Scheme;
import org.psi.common.i18n.Message;
import org.psi.contribution.assessment.MonthAssessment;
import org.psi.contribution.assessment.MonthPricing;
import org.psi.contribution.insured.Eligibility;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.insured.PlatformFacts;
import org.psi.contribution.ledger.KnownPosting;
import org.psi.contribution.ledger.PostingDraft;
import org.psi.contribution.ledger.PostingKind;
import org.psi.contribution.policy.PolicyBook;
import org.psi.contribution.policy.PolicyTerms;

/**
 * Decides, line by line and without touching the database, what a feed does: which lines post
 * (and how they split), which are duplicates, and which are rejected with which {@link LineCode}.
 * Everything it needs was fetched beforehand in a few set-based reads: the copy of who is insured
 * where for all the feed's citizen IDs, the platform's existing postings for all the feed's refs,
 * and, under their locks, the assessments of the months the feed pays toward with what all payers
 * have paid toward them so far.
 *
 * <p>Rules, in the order of {@link LineCode}: a ref seen before (in the ledger, or accepted earlier
 * in this feed) with the same content is a duplicate and has no effect, with other content a
 * REF_CONFLICT; the citizen ID must be valid; a reversal must name an earlier line of this platform,
 * for the same worker, scheme and period, not reversed yet, and takes back what it paid; any other
 * line needs the person's consent to this platform in force during the period (consent first: a
 * platform without it learns nothing else, not even whether the person is registered), an enrollment
 * in that scheme covering the month, and then either an amount the month's assessment still has room
 * for (PENSION, MEDICAL: {@link MonthPricing#accept}, split cumulatively between the individual
 * account and the pooled fund) or orders of one of the platform's sectors priced at the region's fee
 * per order (OCCUPATIONAL_INJURY, all to the pooled fund; a given amountFen must equal that price).
 */
public final class FeedEvaluator {

    /**
     * A rejected line as the batch keeps it: its code, its message in English and, to write it in
     * the reader's language, the message's catalogue key and arguments (a batch stored before
     * them has its English message only).
     */
    public record LineError(int line, String ref, String code, String message, String key, List<String> args) {
        LineError(int line, String ref, LineCode code, Message message) {
            this(line, ref, code.name(), message.english(), message.key(), message.plainArgs());
        }

        public String message(Locale locale) {
            return key == null ? message : Message.of(key, args == null ? new Object[0] : args.toArray()).in(locale);
        }
    }

    /** What the feed does: the postings to write, the rejected lines, and how many lines were duplicates. */
    public record Plan(List<PostingDraft> postings, List<LineError> errors, int duplicates) {
    }

    /** Everything fetched for the feed. */
    public record Context(UUID batchId, Instant now, LocalDate today, ZoneId zone, Eligibility eligibility,
                          Map<String, KnownPosting> known, PolicyBook policies,
                          Map<MonthAssessment.Key, MonthAssessment> assessments, Map<MonthAssessment.Key, Long> paidBefore) {
    }

    private final Context ctx;
    private final PlatformFacts platform;
    private final String source;
    private final Map<String, Instant[]> windows = new HashMap<>();
    private final Map<String, PostingDraft> acceptedByRef = new HashMap<>();
    private final Map<MonthAssessment.Key, Long> paid = new HashMap<>();
    private final Set<String> reversedInFeed = new HashSet<>();
    private final List<PostingDraft> postings = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();
    private int duplicates;

    private FeedEvaluator(Context ctx) {
        this.ctx = ctx;
        this.platform = ctx.eligibility().platform();
        this.source = platform.source();
    }

    public static Plan evaluate(Context ctx, List<ValidLine> lines, byte[][] macs) {
        FeedEvaluator e = new FeedEvaluator(ctx);
        for (int i = 0; i < lines.size(); i++) {
            e.line(lines.get(i), macs[i]);
        }
        return new Plan(e.postings, e.errors, e.duplicates);
    }

    private void line(ValidLine l, byte[] mac) {
        KnownPosting known = ctx.known().get(l.ref());
        if (known != null) {
            if (Arrays.equals(known.contentMac(), mac)) {
                duplicates++;
            } else {
                reject(l, LineCode.REF_CONFLICT, "contribution.line.ref-conflict", l.ref());
            }
            return;
        }
        PostingDraft earlier = acceptedByRef.get(l.ref());
        if (earlier != null) {
            if (Arrays.equals(earlier.contentMac, mac)) {
                duplicates++;
            } else {
                reject(l, LineCode.REF_CONFLICT, "contribution.line.ref-in-feed", l.ref());
            }
            return;
        }
        String idProblem = ctx.eligibility().problems().get(l.nationalId());
        if (idProblem != null) {
            reject(l, LineCode.ofNationalId(idProblem), "contribution.line.national-id-invalid", idProblem);
            return;
        }
        InsuredWorker worker = ctx.eligibility().workers().get(l.nationalId());
        PostingDraft draft = l.reversesRef() != null ? reversal(l, worker, mac) : contribution(l, worker, mac);
        if (draft != null) {
            postings.add(draft);
            acceptedByRef.put(l.ref(), draft);
        }
    }

    /** The instants a period spans in the agency's time zone: [start, end). */
    private Instant[] window(ValidLine l) {
        if (l.day() != null) {
            return new Instant[] {l.day().atStartOfDay(ctx.zone()).toInstant(),
                    l.day().plusDays(1).atStartOfDay(ctx.zone()).toInstant()};
        }
        return new Instant[] {l.month().atDay(1).atStartOfDay(ctx.zone()).toInstant(),
                l.month().plusMonths(1).atDay(1).atStartOfDay(ctx.zone()).toInstant()};
    }

    private PostingDraft contribution(ValidLine l, InsuredWorker worker, byte[] mac) {
        Scheme scheme = l.scheme();
        YearMonth month = l.month();
        Instant[] window = windows.computeIfAbsent(l.period(), p -> window(l));
        if (worker == null || !worker.consented(platform.code(), window[0], window[1])) {
            return reject(l, LineCode.NOT_AUTHORISED, "contribution.line.not-authorised", platform.code(), l.period());
        }
        Optional<InsuredWorker.Enrollment> enrollment = worker.covering(scheme, month);
        if (enrollment.isEmpty()) {
            return reject(l, LineCode.NOT_ENROLLED, "contribution.line.not-enrolled", scheme.label(), month);
        }
        String region = enrollment.get().region().value();
        if (scheme.isMonthly()) {
            return monthly(l, worker, region, mac);
        }
        if (!platform.sectors().contains(l.sector())) {
            return reject(l, LineCode.SECTOR_NOT_OF_PLATFORM, "contribution.line.sector-not-of-platform", platform.code(), l.sector());
        }
        Optional<PolicyTerms> policy = ctx.policies().find(region, month.getYear());
        if (policy.isEmpty()) {
            return reject(l, LineCode.NO_POLICY, "contribution.line.no-policy", region, month.getYear());
        }
        Optional<Long> fee = policy.get().feePerOrderFen(l.sector());
        if (fee.isEmpty()) {
            return reject(l, LineCode.NO_FEE_FOR_SECTOR, "contribution.line.no-fee", region, l.sector(), month.getYear());
        }
        long amount = Money.perOrder(l.orders(), fee.get());
        if (l.amountFen() != null && l.amountFen() != amount) {
            return reject(l, LineCode.AMOUNT_MISMATCH, "contribution.line.amount-mismatch", l.amountFen(), l.orders(), fee.get(), amount);
        }
        return new PostingDraft(PostingKind.CONTRIBUTION, source, l.ref(), mac, ctx.batchId(), l.line(),
                worker.workerId(), l.scheme(), region, l.period(), month, amount, 0, amount,
                l.orders(), l.sector().name(), null, ctx.now());
    }

    /** A PENSION or MEDICAL line: within what the month's assessment still has room for, all payers together. */
    private PostingDraft monthly(ValidLine l, InsuredWorker worker, String region, byte[] mac) {
        MonthAssessment.Key key = new MonthAssessment.Key(worker.workerId(), l.scheme(), l.month());
        MonthAssessment a = ctx.assessments().get(key);
        if (a == null && worker.pastRetirement(l.scheme(), l.month())) {
            return reject(l, LineCode.NOT_DUE, "contribution.line.not-due", l.month(), l.scheme().label());
        }
        if (a == null) {
            return reject(l, LineCode.NO_POLICY, "contribution.line.not-assessed", l.month(), l.scheme().label(), region,
                    l.month().getYear());
        }
        long before = paid.computeIfAbsent(key, k -> ctx.paidBefore().getOrDefault(k, 0L));
        MonthPricing.Decision decision = MonthPricing.accept(a, before, l.amountFen());
        if (decision instanceof MonthPricing.ExceedsDue) {
            // to a platform, nothing about what others paid
            return reject(l, LineCode.EXCEEDS_DUE, "contribution.line.exceeds-due", l.amountFen(), l.month());
        }
        MonthPricing.Accepted split = (MonthPricing.Accepted) decision;
        paid.put(key, before + l.amountFen());
        PostingDraft d = new PostingDraft(PostingKind.CONTRIBUTION, source, l.ref(), mac, ctx.batchId(), l.line(),
                worker.workerId(), l.scheme(), a.region(), l.period(), l.month(), l.amountFen(), split.individualFen(),
                split.pooledFen(), null, null, null, ctx.now());
        d.baseFen = a.baseFen();
        d.dueFen = a.dueFen();
        return d;
    }

    private PostingDraft reversal(ValidLine l, InsuredWorker worker, byte[] mac) {
        KnownPosting known = ctx.known().get(l.reversesRef());
        PostingDraft inFeed = acceptedByRef.get(l.reversesRef());
        if (known == null && inFeed == null) {
            return reject(l, LineCode.UNKNOWN_REVERSED_REF, "contribution.line.unknown-reversed", l.reversesRef());
        }
        PostingKind kind = known != null ? known.kind() : inFeed.kind;
        if (kind == PostingKind.REVERSAL) {
            return reject(l, LineCode.REVERSAL_OF_REVERSAL, "contribution.line.reversal-of-reversal", l.reversesRef());
        }
        if ((known != null && known.reversed()) || reversedInFeed.contains(l.reversesRef())) {
            return reject(l, LineCode.ALREADY_REVERSED, "contribution.line.already-reversed", l.reversesRef());
        }
        UUID workerId = known != null ? known.workerId() : inFeed.workerId;
        Scheme scheme = known != null ? known.scheme() : inFeed.scheme;
        String period = known != null ? known.period() : inFeed.period;
        long amount = known != null ? known.amountFen() : inFeed.amountFen;
        Integer orders = known != null ? known.orders() : inFeed.orders;
        if (worker == null || !workerId.equals(worker.workerId()) || scheme != l.scheme() || !period.equals(l.period())) {
            return reject(l, LineCode.REVERSAL_MISMATCH, "contribution.line.reversal-other-line", l.reversesRef());
        }
        if (l.amountFen() != null && l.amountFen() != amount) {
            return reject(l, LineCode.REVERSAL_MISMATCH, "contribution.line.reversal-amount", l.reversesRef(), amount);
        }
        if (l.orders() != null && !l.orders().equals(orders)) {
            return reject(l, LineCode.REVERSAL_MISMATCH, "contribution.line.reversal-orders", l.reversesRef(), orders);
        }
        String region = known != null ? known.region() : inFeed.region;
        long individual = known != null ? known.individualFen() : inFeed.individualFen;
        String sector = known != null ? known.sector() : inFeed.sector;
        YearMonth month = known != null ? known.month() : inFeed.month;
        MonthAssessment a = null;
        if (scheme.isMonthly()) {
            MonthAssessment.Key key = new MonthAssessment.Key(workerId, scheme, month);
            a = ctx.assessments().get(key);
            if (a != null) {
                // the individual account keeps the share of what remains paid, rounded once
                long before = paid.computeIfAbsent(key, k -> ctx.paidBefore().getOrDefault(k, 0L));
                individual = -MonthPricing.individualPart(a, before, -amount);
                paid.put(key, before - amount);
            }
        }
        PostingDraft d = new PostingDraft(PostingKind.REVERSAL, source, l.ref(), mac, ctx.batchId(), l.line(),
                workerId, scheme, region, period, month, -amount, -individual, -(amount - individual),
                orders == null ? null : -orders, sector, null, ctx.now());
        if (known != null) {
            d.reversesId = known.id();
        } else {
            d.reverses = inFeed;
        }
        if (a != null) {
            d.baseFen = a.baseFen();
            d.dueFen = a.dueFen();
        }
        reversedInFeed.add(l.reversesRef());
        return d;
    }

    private PostingDraft reject(ValidLine l, LineCode code, String key, Object... args) {
        errors.add(new LineError(l.line(), l.ref(), code, Message.of(key, args)));
        return null;
    }
}
