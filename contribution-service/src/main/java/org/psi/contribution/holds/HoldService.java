package org.psi.contribution.holds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.Scheme;
import org.psi.contribution.insured.InsuredDirectory;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.ledger.AccountKey;
import org.psi.contribution.ledger.LateContributionRule;
import org.psi.contribution.ledger.LedgerService;
import org.psi.contribution.ledger.LedgerStore;
import org.psi.contribution.ledger.Leg;
import org.psi.contribution.ledger.Payers;
import org.psi.contribution.ledger.PostingDraft;
import org.psi.contribution.ledger.PostingKind;
import org.psi.contribution.statement.ContributionHistory;
import org.psi.contribution.statement.StatementService;

/**
 * What the transfer-service asks of the ledger when a worker's PENSION or MEDICAL moves region
 * (docs/INTERNAL-API.md): the quote of what would move, a hold of it, the commit that moves it, or
 * the release of the hold. Each is idempotent by the transfer id.
 *
 * <p>What moves (Interim Measures 2009 for pension, 2021 for medical insurance): the whole
 * individual account balance in the source region; for PENSION also 12% of the base of every month
 * counted in the source region (and not moved by an earlier transfer) from its pooled fund. The
 * commit moves what the ledger holds at that moment (so a contribution booked between hold and
 * commit moves too), records the moved months, and posts one balanced posting, unique by transfer
 * id. Contributions that arrive for the source region after the commit follow the
 * {@link LateContributionRule}.
 */
@ApplicationScoped
public class HoldService {

    private final InsuredDirectory directory;
    private final StatementService statements;
    private final LedgerStore ledger;
    private final LedgerService postings;
    private final HoldRepository holds;
    private final HoldStore released;
    private final Clock clock;

    public HoldService(InsuredDirectory directory, StatementService statements, LedgerStore ledger,
                       LedgerService postings, HoldRepository holds, HoldStore released, Clock clock) {
        this.released = released;
        this.directory = directory;
        this.statements = statements;
        this.ledger = ledger;
        this.postings = postings;
        this.holds = holds;
        this.clock = clock;
    }

    /** A counted month whose pooled share would move: 12% of its base for PENSION, nothing for MEDICAL. */
    public record MovingMonth(YearMonth month, long baseFen, long pooledFen) {
    }

    public record Quote(UUID workerId, Scheme scheme, String fromRegion, long individualAccountFen, long pooledFundFen,
                        int months, Map<String, Integer> countedMonthsByRegion, List<MovingMonth> movingMonths) {
    }

    public record HoldRequest(UUID workerId, String scheme, String fromRegion, String toRegion) {
    }

    public Quote quote(UUID workerId, String schemeRaw, String fromRegionRaw) {
        Scheme scheme = transferable(schemeRaw);
        String from = PoolingRegions.requirePooling(fromRegionRaw, scheme, "fromRegion").value();
        InsuredWorker worker = directory.byId(workerId).orElseThrow(() -> ProblemException.notFound("contribution.worker.not-found", workerId));
        return quote(worker, scheme, from);
    }

    Quote quote(InsuredWorker worker, Scheme scheme, String from) {
        StatementService.Statement whole = statements.whole(worker, scheme);
        Set<YearMonth> moved = ledger.movedMonths(worker.workerId(), scheme, from);
        List<MovingMonth> moving = new ArrayList<>();
        long pooled = 0;
        for (ContributionHistory.Month m : whole.months()) {
            if (m.counts() && from.equals(m.region()) && !moved.contains(m.month()) && m.baseFen() != null) {
                long share = scheme == Scheme.PENSION ? LateContributionRule.transferredPooledFen(m.baseFen()) : 0;
                moving.add(new MovingMonth(m.month(), m.baseFen(), share));
                pooled += share;
            }
        }
        long individual = whole.individualAccounts().getOrDefault(from, 0L);
        return new Quote(worker.workerId(), scheme, from, individual, pooled, moving.size(), whole.countedByRegion(), moving);
    }

    /**
     * Freezes the quote as a hold; a repeat with the same transfer id answers the same hold. A
     * transfer released before it held anything holds nothing: answers null.
     */
    @Transactional
    public TransferHold hold(UUID transferId, HoldRequest request) {
        if (request.workerId() == null) {
            throw new InvalidValueException("workerId", "REQUIRED", "contribution.hold.worker-required");
        }
        Scheme scheme = transferable(request.scheme());
        String from = PoolingRegions.requirePooling(request.fromRegion(), scheme, "fromRegion").value();
        String to = PoolingRegions.requirePooling(request.toRegion(), scheme, "toRegion").value();
        if (from.equals(to)) {
            throw new InvalidValueException("toRegion", "SAME_REGION", "contribution.hold.same-region");
        }
        TransferHold existing = holds.findById(transferId);
        if (existing == null && released.releasedUnheld(transferId)) {
            // released before this request arrived: nothing is held, and nothing will be
            return null;
        }
        if (existing != null) {
            if (!existing.workerId.equals(request.workerId()) || existing.scheme != scheme
                    || !existing.fromRegion.equals(from) || !existing.toRegion.equals(to)) {
                throw ProblemException.conflict("transfer-conflict", "contribution.hold.conflict", transferId);
            }
            return existing;
        }
        InsuredWorker worker = directory.byId(request.workerId())
                .orElseThrow(() -> ProblemException.notFound("contribution.worker.not-found", request.workerId()));
        Quote q = quote(worker, scheme, from);
        TransferHold h = new TransferHold();
        h.transferId = transferId;
        h.workerId = worker.workerId();
        h.scheme = scheme;
        h.fromRegion = from;
        h.toRegion = to;
        h.status = TransferHold.Status.HELD;
        h.heldIndividualFen = q.individualAccountFen();
        h.heldPooledFen = q.pooledFundFen();
        h.heldMonths = q.months();
        h.createdAt = Instant.now(clock);
        try {
            holds.persistAndFlush(h);
        } catch (PersistenceException e) {
            throw ProblemException.conflict("already-held", "contribution.hold.already-held", scheme.label(), from);
        }
        return h;
    }

    /** Moves what the ledger holds now, in one balanced posting unique by transfer id; a repeat changes nothing. */
    @Transactional
    public TransferHold commit(UUID transferId) {
        TransferHold h = holds.findForUpdate(transferId)
                .orElseThrow(() -> ProblemException.notFound("contribution.hold.not-found", transferId));
        if (h.status == TransferHold.Status.COMMITTED) {
            return h;
        }
        if (h.status == TransferHold.Status.RELEASED) {
            throw ProblemException.conflict("hold-released", "contribution.hold.released", transferId);
        }
        InsuredWorker worker = directory.byId(h.workerId)
                .orElseThrow(() -> ProblemException.notFound("contribution.worker.not-found", h.workerId));
        Quote q = quote(worker, h.scheme, h.fromRegion);
        Instant now = Instant.now(clock);
        PostingDraft draft = new PostingDraft(PostingKind.TRANSFER, Payers.TRANSFER, transferId.toString(), null, null, null,
                h.workerId, h.scheme, h.fromRegion, null, null, 0, 0, 0, null, null, transferId, now);
        List<Leg> legs = new ArrayList<>();
        PostingDraft.move(legs, AccountKey.individual(h.workerId, h.scheme, h.fromRegion),
                AccountKey.individual(h.workerId, h.scheme, h.toRegion), q.individualAccountFen());
        PostingDraft.move(legs, AccountKey.pooled(h.scheme, h.fromRegion), AccountKey.pooled(h.scheme, h.toRegion),
                q.pooledFundFen());
        legs.forEach(draft::addLeg);
        for (MovingMonth m : q.movingMonths()) {
            draft.movedMonths.add(new PostingDraft.MovedMonth(h.workerId, h.scheme, h.fromRegion, m.month(), h.toRegion,
                    m.pooledFen(), transferId));
        }
        postings.post(List.of(draft));
        h.status = TransferHold.Status.COMMITTED;
        h.committedIndividualFen = q.individualAccountFen();
        h.committedPooledFen = q.pooledFundFen();
        h.committedMonths = q.months();
        h.postingId = draft.id;
        h.committedAt = now;
        return h;
    }

    /**
     * Drops a hold that was not committed; a repeat changes nothing. A transfer that holds nothing
     * (its hold request is late, or was refused) is remembered as released, so that a hold request
     * arriving after it holds nothing either: answers null then.
     */
    @Transactional
    public TransferHold release(UUID transferId) {
        Optional<TransferHold> held = holds.findForUpdate(transferId);
        if (held.isEmpty()) {
            released.releaseUnheld(transferId);
            return null;
        }
        TransferHold h = held.get();
        if (h.status == TransferHold.Status.COMMITTED) {
            throw ProblemException.conflict("hold-committed", "contribution.hold.committed", transferId);
        }
        if (h.status == TransferHold.Status.HELD) {
            h.status = TransferHold.Status.RELEASED;
            h.releasedAt = Instant.now(clock);
        }
        return h;
    }

    private static Scheme transferable(String raw) {
        Scheme scheme = Scheme.parse(raw, "scheme");
        if (scheme == Scheme.OCCUPATIONAL_INJURY) {
            throw new InvalidValueException("scheme", "NOT_APPLICABLE", "contribution.hold.injury-nothing");
        }
        return scheme;
    }
}
