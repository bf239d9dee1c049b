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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Money;
import org.psi.common.domain.NationalId;
import org.psi.common.domain.Scheme;
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
 * (and how they split), which are duplicates, and which are rejected with which code. Everything it
 * needs was fetched beforehand in a few set-based calls: the enrollment-service's eligibility
 * answer for all the feed's citizen IDs, the platform's existing postings for all the feed's refs,
 * and the policies of the regions and years involved.
 *
 * <p>Rules, in order: a ref seen before (in the ledger, or accepted earlier in this feed) with the
 * same content is a duplicate and has no effect, with other content a {@code REF_CONFLICT}; the
 * citizen ID must be valid and registered; a reversal must name an earlier line of this platform,
 * for the same worker, scheme and period, not reversed yet, and posts its mirror image; any other
 * line needs an enrollment of the worker in that scheme covering the month, the platform's consent
 * in force during the period, a policy for the region and year, and then either an amount not above
 * the month's due (PENSION, MEDICAL; split between individual account and pooled fund) or orders of
 * one of the platform's sectors priced at the region's fee per order (OCCUPATIONAL_INJURY, all to
 * the pooled fund; a given amountFen must equal that price).
 */
public final class FeedEvaluator {

    public record LineError(int line, String ref, String code, String message) {
    }

    /** What the feed does: the postings to write, the rejected lines, and how many lines were duplicates. */
    public record Plan(List<PostingDraft> postings, List<LineError> errors, int duplicates) {
    }

    /** Everything fetched for the feed. */
    public record Context(UUID batchId, Instant now, LocalDate today, ZoneId zone, Eligibility eligibility,
                          Map<String, KnownPosting> known, PolicyBook policies) {
    }

    private final Context ctx;
    private final PlatformFacts platform;
    private final String source;
    private final Map<String, String> idProblems = new HashMap<>();
    private final Map<String, Instant[]> windows = new HashMap<>();
    private final Map<String, PostingDraft> acceptedByRef = new HashMap<>();
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
                reject(l, LineCodes.REF_CONFLICT, "The ref " + l.ref() + " was accepted before with other content;"
                        + " to correct a line, reverse it (reversesRef) and send the correction under a new ref");
            }
            return;
        }
        PostingDraft earlier = acceptedByRef.get(l.ref());
        if (earlier != null) {
            if (Arrays.equals(earlier.contentMac, mac)) {
                duplicates++;
            } else {
                reject(l, LineCodes.REF_CONFLICT, "The ref " + l.ref() + " is used earlier in this feed for other content");
            }
            return;
        }
        String idProblem = idProblems.computeIfAbsent(l.nationalId(), this::idProblem);
        if (!idProblem.isEmpty()) {
            reject(l, idProblem, "The citizen ID number is not valid (" + idProblem + ")");
            return;
        }
        InsuredWorker worker = ctx.eligibility().workers().get(l.nationalId());
        if (worker == null) {
            String problem = ctx.eligibility().problems().getOrDefault(l.nationalId(), LineCodes.NOT_REGISTERED);
            reject(l, problem, LineCodes.NOT_REGISTERED.equals(problem)
                    ? "No worker is registered with this citizen ID number" : "The citizen ID number is not valid (" + problem + ")");
            return;
        }
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

    private String idProblem(String nationalId) {
        try {
            NationalId.parse(nationalId, ctx.today());
            return "";
        } catch (InvalidValueException e) {
            return e.code();
        }
    }

    private PostingDraft contribution(ValidLine l, InsuredWorker worker, byte[] mac) {
        Scheme scheme = l.scheme();
        YearMonth month = l.month();
        Optional<InsuredWorker.Enrollment> enrollment = worker.covering(scheme, month);
        if (enrollment.isEmpty()) {
            return reject(l, LineCodes.NOT_ENROLLED, "The worker is not enrolled in " + scheme + " for " + month);
        }
        Instant[] window = windows.computeIfAbsent(l.period(), p -> window(l));
        if (!worker.consented(platform.code(), window[0], window[1])) {
            return reject(l, LineCodes.NOT_AUTHORISED, "The worker had not authorised platform " + platform.code()
                    + " to contribute for them in " + l.period());
        }
        String region = enrollment.get().region().value();
        Optional<PolicyTerms> policy = ctx.policies().find(region, month.getYear());
        if (policy.isEmpty()) {
            return reject(l, LineCodes.NO_POLICY, "Region " + region + " has no contribution policy for " + month.getYear());
        }
        PolicyTerms terms = policy.get();
        long amount;
        long individual;
        Long base = null;
        Long due = null;
        if (scheme.isMonthly()) {
            OptionalInt grade = enrollment.get().gradeIn(month);
            if (grade.isEmpty()) {
                return reject(l, LineCodes.NOT_ENROLLED, "The worker had no base grade in " + scheme + " for " + month);
            }
            base = terms.baseFen(grade.getAsInt());
            due = terms.dueFen(scheme, base);
            amount = l.amountFen();
            if (amount > due) {
                return reject(l, LineCodes.EXCEEDS_DUE, "amountFen " + amount + " is more than the whole month is due ("
                        + due + " fen)");
            }
            individual = terms.individualShare(scheme, amount);
        } else {
            if (!platform.sectors().contains(l.sector())) {
                return reject(l, LineCodes.SECTOR_NOT_OF_PLATFORM, "Platform " + platform.code() + " is not registered in "
                        + l.sector());
            }
            Optional<Long> fee = terms.feePerOrderFen(l.sector());
            if (fee.isEmpty()) {
                return reject(l, LineCodes.NO_FEE_FOR_SECTOR, "Region " + region + " sets no fee per order for "
                        + l.sector() + " in " + month.getYear());
            }
            amount = Money.perOrder(l.orders(), fee.get());
            if (l.amountFen() != null && l.amountFen() != amount) {
                return reject(l, LineCodes.AMOUNT_MISMATCH, "amountFen " + l.amountFen() + " is not " + l.orders()
                        + " orders x " + fee.get() + " fen = " + amount + " fen");
            }
            individual = 0;
        }
        PostingDraft d = new PostingDraft(PostingKind.CONTRIBUTION, source, l.ref(), mac, ctx.batchId(), l.line(),
                worker.workerId(), scheme, region, l.period(), month, amount, individual, amount - individual,
                l.orders(), l.sector() == null ? null : l.sector().name(), null, ctx.now());
        d.baseFen = base;
        d.dueFen = due;
        return d;
    }

    private PostingDraft reversal(ValidLine l, InsuredWorker worker, byte[] mac) {
        KnownPosting known = ctx.known().get(l.reversesRef());
        PostingDraft inFeed = acceptedByRef.get(l.reversesRef());
        if (known == null && inFeed == null) {
            return reject(l, LineCodes.UNKNOWN_REVERSED_REF, "No accepted line of this platform has the ref " + l.reversesRef());
        }
        PostingKind kind = known != null ? known.kind() : inFeed.kind;
        if (kind == PostingKind.REVERSAL) {
            return reject(l, LineCodes.REVERSAL_OF_REVERSAL, "The line " + l.reversesRef()
                    + " is a reversal; send the original content again under a new ref instead");
        }
        if ((known != null && known.reversed()) || reversedInFeed.contains(l.reversesRef())) {
            return reject(l, LineCodes.ALREADY_REVERSED, "The line " + l.reversesRef() + " has been reversed already");
        }
        UUID workerId = known != null ? known.workerId() : inFeed.workerId;
        Scheme scheme = known != null ? known.scheme() : inFeed.scheme;
        String period = known != null ? known.period() : inFeed.period;
        long amount = known != null ? known.amountFen() : inFeed.amountFen;
        Integer orders = known != null ? known.orders() : inFeed.orders;
        if (!workerId.equals(worker.workerId()) || scheme != l.scheme() || !period.equals(l.period())) {
            return reject(l, LineCodes.REVERSAL_MISMATCH, "The reversal's worker, scheme and period must be those of the line "
                    + l.reversesRef());
        }
        if (l.amountFen() != null && l.amountFen() != amount) {
            return reject(l, LineCodes.REVERSAL_MISMATCH, "The line " + l.reversesRef() + " paid " + amount
                    + " fen; a reversal takes back exactly that");
        }
        if (l.orders() != null && !l.orders().equals(orders)) {
            return reject(l, LineCodes.REVERSAL_MISMATCH, "The line " + l.reversesRef() + " reported " + orders + " orders");
        }
        String region = known != null ? known.region() : inFeed.region;
        long individual = known != null ? known.individualFen() : inFeed.individualFen;
        String sector = known != null ? known.sector() : inFeed.sector;
        YearMonth month = known != null ? known.month() : inFeed.month;
        PostingDraft d = new PostingDraft(PostingKind.REVERSAL, source, l.ref(), mac, ctx.batchId(), l.line(),
                workerId, scheme, region, period, month, -amount, -individual, -(amount - individual),
                orders == null ? null : -orders, sector, null, ctx.now());
        if (known != null) {
            d.reversesId = known.id();
        } else {
            d.reverses = inFeed;
        }
        if (scheme.isMonthly()) {
            Optional<InsuredWorker.Enrollment> e = worker.covering(scheme, month);
            Optional<PolicyTerms> terms = ctx.policies().find(region, month.getYear());
            if (e.isPresent() && terms.isPresent() && e.get().gradeIn(month).isPresent()) {
                d.baseFen = terms.get().baseFen(e.get().gradeIn(month).getAsInt());
                d.dueFen = terms.get().dueFen(scheme, d.baseFen);
            }
        }
        reversedInFeed.add(l.reversesRef());
        return d;
    }

    private PostingDraft reject(ValidLine l, String code, String message) {
        errors.add(new LineError(l.line(), l.ref(), code, message));
        return null;
    }
}
