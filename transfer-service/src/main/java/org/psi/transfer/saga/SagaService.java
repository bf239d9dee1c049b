package org.psi.transfer.saga;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.psi.transfer.cases.Times;
import org.psi.transfer.cases.TransferCase;
import org.psi.transfer.cases.TransferEventRepository;
import org.psi.transfer.cases.TransferRepository;

/**
 * The saga's transactions. A step is claimed (the case row locked with {@code for update skip locked},
 * the next action derived from the case, the claim leased), carried out outside any transaction by
 * {@link SagaWorker}, and its outcome applied under the same claim: a stale claim (the worker was
 * presumed dead and the step taken again) changes nothing. What a claim and an outcome do to a case
 * is decided by {@link SagaRules}; this class locks the rows and writes the trail.
 */
@ApplicationScoped
public class SagaService {

    private final SagaCases transfers;
    private final SagaRules.Trail trail;
    private final Clock clock;
    private final SagaRules rules;

    @Inject
    public SagaService(TransferRepository transfers, TransferEventRepository events, SagaSettings settings, Clock clock) {
        this(transfers, events::record, clock, new SagaRules(settings.lease(), settings.retry().initial(),
                settings.retry().max(), UUID::randomUUID, bound -> ThreadLocalRandom.current().nextLong(bound)));
    }

    /** Over other case rows, trail, clock and rules: the simulation of the saga runs it this way. */
    public SagaService(SagaCases transfers, SagaRules.Trail trail, Clock clock, SagaRules rules) {
        this.transfers = transfers;
        this.trail = trail;
        this.clock = clock;
        this.rules = rules;
    }

    /** Claims up to {@code max} due steps, skipping cases another worker has locked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<SagaStep> claimDue(int max) {
        Instant now = Times.now(clock);
        List<SagaStep> steps = new ArrayList<>();
        for (TransferCase c : transfers.lockDue(now, max)) {
            rules.claim(c, now).ifPresent(steps::add);
        }
        return steps;
    }

    /** Claims the step of one case if it is due and not locked by another worker. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SagaStep> claim(UUID transferId) {
        Instant now = Times.now(clock);
        return transfers.lockIfDue(transferId, now).flatMap(c -> rules.claim(c, now));
    }

    /** Whether a step must be renewed before its call ({@link SagaRules#mustRenew}). */
    public boolean mustRenew(SagaStep step) {
        return rules.mustRenew(step, Times.now(clock));
    }

    /**
     * Re-checks a step before a late call: its lease renewed if the claim is still this worker's and the
     * case still owes the step; empty if another worker took it over (then the call must not be made).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SagaStep> renew(SagaStep step) {
        Instant now = Times.now(clock);
        return transfers.findForUpdate(step.transferId()).flatMap(c -> rules.renew(c, step, now));
    }

    /**
     * Applies the outcome of a step under its claim. Returns whether another step of this case is due
     * right away (so the worker may go on with it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean complete(SagaStep step, SagaStep.Outcome outcome) {
        return record(step, outcome, Times.now(clock)).isPresent();
    }

    /**
     * Applies the outcome of a step and, in the same transaction, claims the next step of the case if
     * one is due right away (one transaction per step instead of two).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SagaStep> completeAndClaimNext(SagaStep step, SagaStep.Outcome outcome) {
        Instant now = Times.now(clock);
        return record(step, outcome, now).flatMap(c -> rules.claim(c, now));
    }

    /** The case if another step is due now, empty otherwise (or when the claim is stale). */
    private Optional<TransferCase> record(SagaStep step, SagaStep.Outcome outcome, Instant now) {
        TransferCase c = transfers.findForUpdate(step.transferId()).orElseThrow();
        boolean more = rules.record(c, step, outcome, now, LocalDate.now(clock), trail);
        return more ? Optional.of(c) : Optional.empty();
    }
}
