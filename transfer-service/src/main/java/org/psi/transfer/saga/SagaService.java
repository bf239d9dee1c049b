package org.psi.transfer.saga;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.psi.transfer.application.Route;
import org.psi.transfer.cases.Events;
import org.psi.transfer.cases.Times;
import org.psi.transfer.cases.TransferCase;
import org.psi.transfer.cases.TransferEvent;
import org.psi.transfer.cases.TransferEventRepository;
import org.psi.transfer.cases.TransferRepository;

/**
 * The saga's transactions. A step is claimed (the case row locked with {@code for update skip locked},
 * the next action derived from the case, the claim leased), carried out outside any transaction by
 * {@link SagaWorker}, and its outcome applied under the same claim: a stale claim (the worker was
 * presumed dead and the step taken again) changes nothing.
 *
 * <p>What each outcome does:
 * <ul>
 * <li>HOLD done: the held amounts are recorded (FUNDS_HELD). Refused for good: the case FAILED, then RELEASE.</li>
 * <li>MOVE done: the enrollment moved (ENROLLMENT_MOVED, or TEMPORARY_ACCOUNT_OPENED, which completes a
 *     temporary-account case). Refused for good: the case FAILED, then RELEASE of the hold (compensation).</li>
 * <li>COMMIT done: FUNDS_COMMITTED, and the case COMPLETED. 404 (the hold is gone): HOLD again, then COMMIT.
 *     409 (released): the case needs an operator (the enrollment has moved; funds must not be lost).</li>
 * <li>RELEASE done (or 404: nothing was held): HOLD_RELEASED. 409 (committed): needs an operator.</li>
 * <li>No answer, timeout, 5xx, 401/403 and other 4xx that may be passing: retried with exponential backoff.</li>
 * </ul>
 */
@ApplicationScoped
public class SagaService {

    private static final Logger LOG = Logger.getLogger(SagaService.class);

    private final TransferRepository transfers;
    private final TransferEventRepository events;
    private final SagaSettings settings;
    private final Clock clock;

    public SagaService(TransferRepository transfers, TransferEventRepository events, SagaSettings settings, Clock clock) {
        this.transfers = transfers;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Claims up to {@code max} due steps, skipping cases another worker has locked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<SagaStep> claimDue(int max) {
        Instant now = Times.now(clock);
        List<SagaStep> steps = new ArrayList<>();
        for (TransferCase c : transfers.lockDue(now, max)) {
            claim(c, now).ifPresent(steps::add);
        }
        return steps;
    }

    /** Claims the step of one case if it is due and not locked by another worker. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SagaStep> claim(UUID transferId) {
        Instant now = Times.now(clock);
        return transfers.lockIfDue(transferId, now).flatMap(c -> claim(c, now));
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
        return record(step, outcome, now).flatMap(c -> claim(c, now));
    }

    /** The case if another step is due now, empty otherwise (or when the claim is stale). */
    private Optional<TransferCase> record(SagaStep step, SagaStep.Outcome outcome, Instant now) {
        TransferCase c = transfers.findForUpdate(step.transferId()).orElseThrow();
        if (!c.lease.heldBy(step.claim())) {
            LOG.debugf("Stale %s result for transfer %s ignored", step.action(), step.transferId());
            return Optional.empty();
        }
        boolean more = apply(c, step, outcome, now);
        return more ? Optional.of(c) : Optional.empty();
    }

    private boolean apply(TransferCase c, SagaStep step, SagaStep.Outcome outcome, Instant now) {
        LocalDate today = LocalDate.now(clock);
        if (outcome instanceof SagaStep.Failed failed) {
            return failed(c, step, failed.error(), now, today);
        }
        SagaStep.Done done = (SagaStep.Done) outcome;
        switch (step.action()) {
            case HOLD -> held(c, done.hold(), now, today);
            case MOVE -> {
                c.enrollmentMoved(done.openedEnrollment());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("enrollmentId", done.openedEnrollment());
                data.put("region", c.toRegion);
                append(c, c.route == Route.TEMPORARY ? Events.TEMPORARY_ACCOUNT_OPENED : Events.ENROLLMENT_MOVED, data, now);
            }
            case COMMIT -> {
                c.committed();
                append(c, Events.FUNDS_COMMITTED, amounts(c), now);
            }
            case RELEASE -> {
                c.released();
                append(c, Events.HOLD_RELEASED, Map.of(), now);
            }
        }
        if (c.completeIfDone(now, today)) {
            append(c, Events.COMPLETED, Map.of(), now);
        }
        return c.stepDone(now);
    }

    private Optional<SagaStep> claim(TransferCase c, Instant now) {
        UUID claim = UUID.randomUUID();
        return c.claim(claim, now, settings.lease()).map(action -> new SagaStep(c.id, claim, action, c.lease.attempts,
                c.workerId, c.scheme, c.fromRegion, c.toRegion, c.route));
    }

    private void held(TransferCase c, HoldResult hold, Instant now, LocalDate today) {
        switch (hold.status()) {
            case HoldResult.COMMITTED -> {
                c.held(hold);
                c.committed();
                append(c, Events.FUNDS_COMMITTED, amounts(c), now);
            }
            case HoldResult.RELEASED -> {
                c.released();
                append(c, Events.HOLD_RELEASED, Map.of("note", "The contribution-service reports this hold released"), now);
                if (!c.status.isAbandoned()) {
                    fail(c, "The hold of this transfer was released at the contribution-service; apply again", now, today);
                }
            }
            default -> {
                c.held(hold);
                append(c, Events.FUNDS_HELD, amounts(c), now);
            }
        }
    }

    private boolean failed(TransferCase c, SagaStep step, RemoteCallException error, Instant now, LocalDate today) {
        String message = error.getMessage();
        if (!error.permanent()) {
            Instant at = now.plus(backoff(step.attempt()));
            c.retryAt(at, message);
            LOG.infof("Transfer %s: %s failed (attempt %d), retry at %s: %s", c.id, step.action(), step.attempt(), at, message);
            return false;
        }
        switch (step.action()) {
            case HOLD -> {
                LOG.warnf("Transfer %s: the hold was refused, the case fails: %s", c.id, message);
                fail(c, "The contribution-service refused to hold the funds: " + message, now, today);
            }
            case MOVE -> {
                LOG.warnf("Transfer %s: the enrollment move was refused, the case fails: %s", c.id, message);
                fail(c, "The enrollment-service refused to move the enrollment: " + message, now, today);
            }
            case COMMIT -> {
                if (error.status() == 404) {
                    LOG.infof("Transfer %s: the hold is gone at commit; holding again", c.id);
                    c.holdLost();
                    append(c, Events.HOLD_LOST, Map.of("error", message), now);
                } else {
                    return attention(c, message, now);
                }
            }
            case RELEASE -> {
                if (error.status() == 404) {
                    c.released();
                    append(c, Events.HOLD_RELEASED, Map.of("note", "Nothing was held"), now);
                } else {
                    return attention(c, message, now);
                }
            }
        }
        return c.stepDone(now);
    }

    private void fail(TransferCase c, String reason, Instant now, LocalDate today) {
        c.fail(reason, now, today);
        append(c, Events.FAILED, Map.of("reason", c.failureReason), now);
    }

    private boolean attention(TransferCase c, String message, Instant now) {
        LOG.errorf("Transfer %s needs an operator: %s", c.id, message);
        c.needsAttention(message);
        append(c, Events.NEEDS_ATTENTION, Map.of("error", c.lease.error), now);
        return false;
    }

    /** initial x 2^(attempt-1), at most max, plus up to a quarter of random jitter. */
    Duration backoff(int attempt) {
        long initial = settings.retry().initial().toMillis();
        long max = settings.retry().max().toMillis();
        long wait = initial << Math.min(Math.max(attempt - 1, 0), 30);
        if (wait <= 0 || wait > max) {
            wait = max;
        }
        return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(wait / 4 + 1));
    }

    private static Map<String, Object> amounts(TransferCase c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("individualAccountFen", c.heldIndividualFen);
        data.put("pooledFundFen", c.heldPooledFen);
        data.put("months", c.heldMonths);
        return data;
    }

    private void append(TransferCase c, String type, Map<String, ?> data, Instant now) {
        events.persist(TransferEvent.append(c, type, Events.SAGA, data, now));
    }
}
