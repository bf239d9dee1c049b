package org.psi.transfer.saga;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.psi.transfer.application.Route;
import org.psi.transfer.cases.Events;
import org.psi.transfer.cases.TransferCase;
import org.psi.transfer.cases.TransferEvent;

/**
 * What the saga decides, without a framework: the claim of the step a case owes, and what the answer
 * of the other service does to the case and its trail. {@link SagaService} runs these rules inside its
 * transactions on rows it has locked; the deterministic simulation of the saga (SagaSimulationTest)
 * runs the same rules against an in-memory database, so that what it checks is what production does.
 * The rules take "now" and "today" from their caller and draw claim ids and backoff jitter from the
 * sources they are given, so that a simulation can make them reproducible.
 *
 * <p>What each outcome does:
 * <ul>
 * <li>HOLD done: the held amounts are recorded (FUNDS_HELD). Refused for good: the case FAILED, then RELEASE;
 *     for a case already abandoned (the hold that comes before its release), nothing is held: HOLD_RELEASED.</li>
 * <li>MOVE done: the enrollment moved (ENROLLMENT_MOVED, or TEMPORARY_ACCOUNT_OPENED, which completes a
 *     temporary-account case). Refused for good: the case FAILED, then RELEASE of the hold (compensation).</li>
 * <li>COMMIT done: FUNDS_COMMITTED, and the case COMPLETED. 404 (the hold is gone): HOLD again, then COMMIT.
 *     409 (released): the case needs an operator (the enrollment has moved; funds must not be lost).</li>
 * <li>RELEASE done (or 404: nothing was held): HOLD_RELEASED. 409 (committed): needs an operator.</li>
 * <li>No answer, timeout, 5xx, 401/403 and other 4xx that may be passing: retried with exponential backoff.</li>
 * </ul>
 */
public final class SagaRules {

    private static final Logger LOG = Logger.getLogger(SagaRules.class);

    /** Where the rules write the events of a case's trail (the event table, or a simulated one). */
    @FunctionalInterface
    public interface Trail {
        void append(TransferEvent event);
    }

    private final Duration lease;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Supplier<UUID> claimIds;
    private final LongUnaryOperator jitter;

    /**
     * @param claimIds where claim ids come from ({@code UUID::randomUUID} in production)
     * @param jitter   given {@code n}, a random long in {@code [0, n)}: the backoff's jitter
     */
    public SagaRules(Duration lease, Duration retryInitial, Duration retryMax, Supplier<UUID> claimIds,
                     LongUnaryOperator jitter) {
        this.lease = lease;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.claimIds = claimIds;
        this.jitter = jitter;
    }

    public Duration lease() {
        return lease;
    }

    /** Claims the step the case owes now, leased until {@code now + lease}; empty (and nothing due) when it owes none. */
    public Optional<SagaStep> claim(TransferCase c, Instant now) {
        UUID claim = claimIds.get();
        return c.claim(claim, now, lease).map(action -> new SagaStep(c.id, claim, action, c.lease.attempts,
                c.workerId, c.scheme, c.fromRegion, c.toRegion, c.route, c.lease.dueAt));
    }

    /**
     * Whether a step must be checked again before its call: less than half of its lease is left (it waited
     * for a free worker, or its worker stood still), so its claim may have lapsed and the step been taken
     * over, or may lapse before the call ends. (Connect and read timeouts are kept under half the lease.)
     */
    public boolean mustRenew(SagaStep step, Instant now) {
        return step.leasedUntil() == null || now.plus(lease.dividedBy(2)).isAfter(step.leasedUntil());
    }

    /**
     * Before a late call: whether the step is still this worker's (its claim not taken over by another, the
     * case still owing it), and if so its lease taken anew from {@code now}. Empty: the call must not be made.
     */
    public Optional<SagaStep> renew(TransferCase c, SagaStep step, Instant now) {
        if (!c.lease.heldBy(step.claim()) || !c.nextAction().equals(Optional.of(step.action()))) {
            return Optional.empty();
        }
        c.lease.renew(now, lease);
        return Optional.of(step.leasedUntil(c.lease.dueAt));
    }

    /**
     * Applies the outcome of a step to the case (locked by the caller) under the step's claim: a stale
     * claim (the step was taken over by another worker) changes nothing. Returns whether another step of
     * the case is due right away.
     */
    public boolean record(TransferCase c, SagaStep step, SagaStep.Outcome outcome, Instant now, LocalDate today, Trail trail) {
        if (!c.lease.heldBy(step.claim())) {
            LOG.debugf("Stale %s result for transfer %s ignored", step.action(), step.transferId());
            return false;
        }
        return apply(c, step, outcome, now, today, trail);
    }

    private boolean apply(TransferCase c, SagaStep step, SagaStep.Outcome outcome, Instant now, LocalDate today, Trail trail) {
        if (outcome instanceof SagaStep.Failed failed) {
            return failed(c, step, failed.error(), now, today, trail);
        }
        SagaStep.Done done = (SagaStep.Done) outcome;
        switch (step.action()) {
            case HOLD -> held(c, done.hold(), now, today, trail);
            case MOVE -> {
                c.enrollmentMoved(done.openedEnrollment());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("enrollmentId", done.openedEnrollment());
                data.put("region", c.toRegion);
                append(trail, c, c.route == Route.TEMPORARY ? Events.TEMPORARY_ACCOUNT_OPENED : Events.ENROLLMENT_MOVED, data, now);
            }
            case COMMIT -> {
                c.committed();
                append(trail, c, Events.FUNDS_COMMITTED, amounts(c), now);
            }
            case RELEASE -> {
                c.released();
                append(trail, c, Events.HOLD_RELEASED, Map.of(), now);
            }
        }
        if (c.completeIfDone(now, today)) {
            append(trail, c, Events.COMPLETED, Map.of(), now);
        }
        return c.stepDone(now);
    }

    private void held(TransferCase c, HoldResult hold, Instant now, LocalDate today, Trail trail) {
        switch (hold.status()) {
            case HoldResult.COMMITTED -> {
                c.held(hold);
                c.committed();
                append(trail, c, Events.FUNDS_COMMITTED, amounts(c), now);
            }
            case HoldResult.RELEASED -> {
                c.released();
                append(trail, c, Events.HOLD_RELEASED, Map.of("note", "The contribution-service reports this hold released"), now);
                if (!c.status.isAbandoned()) {
                    fail(c, "The hold of this transfer was released at the contribution-service; apply again", now, today, trail);
                }
            }
            default -> {
                c.held(hold);
                append(trail, c, Events.FUNDS_HELD, amounts(c), now);
            }
        }
    }

    private boolean failed(TransferCase c, SagaStep step, RemoteCallException error, Instant now, LocalDate today, Trail trail) {
        String message = error.getMessage();
        if (!error.permanent()) {
            Instant at = now.plus(backoff(step.attempt()));
            c.retryAt(at, message);
            LOG.infof("Transfer %s: %s failed (attempt %d), retry at %s: %s", c.id, step.action(), step.attempt(), at, message);
            return false;
        }
        switch (step.action()) {
            case HOLD -> {
                if (c.status.isAbandoned()) {
                    // the hold before the release of an abandoned case: refused, so nothing is held
                    c.released();
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("note", "Nothing was held");
                    data.put("error", message);
                    append(trail, c, Events.HOLD_RELEASED, data, now);
                } else {
                    LOG.warnf("Transfer %s: the hold was refused, the case fails: %s", c.id, message);
                    fail(c, "The contribution-service refused to hold the funds: " + message, now, today, trail);
                }
            }
            case MOVE -> {
                LOG.warnf("Transfer %s: the enrollment move was refused, the case fails: %s", c.id, message);
                fail(c, "The enrollment-service refused to move the enrollment: " + message, now, today, trail);
            }
            case COMMIT -> {
                if (error.status() == 404) {
                    LOG.infof("Transfer %s: the hold is gone at commit; holding again", c.id);
                    c.holdLost();
                    append(trail, c, Events.HOLD_LOST, Map.of("error", message), now);
                } else {
                    return attention(c, message, now, trail);
                }
            }
            case RELEASE -> {
                if (error.status() == 404) {
                    c.released();
                    append(trail, c, Events.HOLD_RELEASED, Map.of("note", "Nothing was held"), now);
                } else {
                    return attention(c, message, now, trail);
                }
            }
        }
        return c.stepDone(now);
    }

    private void fail(TransferCase c, String reason, Instant now, LocalDate today, Trail trail) {
        c.fail(reason, now, today);
        append(trail, c, Events.FAILED, Map.of("reason", c.failureReason), now);
    }

    private boolean attention(TransferCase c, String message, Instant now, Trail trail) {
        LOG.errorf("Transfer %s needs an operator: %s", c.id, message);
        c.needsAttention(message);
        append(trail, c, Events.NEEDS_ATTENTION, Map.of("error", c.lease.error), now);
        return false;
    }

    /** initial x 2^(attempt-1), at most max, plus up to a quarter of random jitter. */
    public Duration backoff(int attempt) {
        long initial = retryInitial.toMillis();
        long max = retryMax.toMillis();
        long wait = initial << Math.min(Math.max(attempt - 1, 0), 30);
        if (wait <= 0 || wait > max) {
            wait = max;
        }
        return Duration.ofMillis(wait + jitter.applyAsLong(wait / 4 + 1));
    }

    private static Map<String, Object> amounts(TransferCase c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("individualAccountFen", c.heldIndividualFen);
        data.put("pooledFundFen", c.heldPooledFen);
        data.put("months", c.heldMonths);
        return data;
    }

    private static void append(Trail trail, TransferCase c, String type, Map<String, ?> data, Instant now) {
        trail.append(TransferEvent.append(c, type, Events.SAGA, data, now));
    }
}
