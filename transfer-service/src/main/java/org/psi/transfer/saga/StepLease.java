package org.psi.transfer.saga;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The saga's lease on the next step of a case (the {@code saga_*} columns of the case row): when the
 * step is due, which worker has claimed it and until when, how many times it has been tried and the
 * last error. What the step is follows from the case ({@code TransferCase.nextAction()}); the lease
 * only says who carries it out and when. A claim lapses at {@link #dueAt}, after which another worker
 * may take the step again.
 */
@Embeddable
public class StepLease {

    /** The action last claimed by a saga worker. */
    @Enumerated(EnumType.STRING)
    @Column(name = "saga_action")
    public SagaAction action;
    /** When a saga step is due (or, while claimed, when the claim lapses); null when nothing is owed. */
    @Column(name = "saga_due_at")
    public Instant dueAt;
    /** The claim of the saga worker now carrying out a step; its result is applied only under this claim. */
    @Column(name = "saga_claim")
    public UUID claim;
    @Column(name = "saga_attempts")
    public int attempts;
    @Column(name = "saga_error")
    public String error;

    /**
     * After a person changed the case: make a step that is {@code owed} due now, unless a saga worker
     * holds a live claim (its result will be applied first, and the next action follows from the new
     * status then).
     */
    public void schedule(boolean owed, Instant now) {
        if (claim != null && dueAt != null && dueAt.isAfter(now)) {
            return;
        }
        claim = null;
        dueAt = owed ? now : null;
    }

    /** A worker takes {@code action}: it is leased until {@code now + lease}, after which another may take it. */
    public void take(UUID claim, SagaAction action, Instant now, Duration lease) {
        attempts = action == this.action ? attempts + 1 : 1;
        this.action = action;
        this.claim = claim;
        dueAt = now.plus(lease);
    }

    /** The worker holding the claim takes its lease anew from {@code now} (before a call it makes late). */
    public void renew(Instant now, Duration lease) {
        dueAt = now.plus(lease);
    }

    /** Nothing is owed: no claim, nothing due. */
    public void clear() {
        claim = null;
        dueAt = null;
    }

    /** Whether a step is waiting for a worker (due, and not claimed): worth kicking the saga for. */
    public boolean waiting() {
        return dueAt != null && claim == null;
    }

    public boolean heldBy(UUID claim) {
        return claim.equals(this.claim);
    }

    /**
     * The step succeeded: clear the claim and make the {@code next} one due now, if any (its attempts
     * counted afresh when it is another action). Returns whether one is due.
     */
    public boolean done(Optional<SagaAction> next, Instant now) {
        claim = null;
        error = null;
        dueAt = next.isPresent() ? now : null;
        if (next.isPresent() && next.get() != action) {
            attempts = 0;
        }
        return next.isPresent();
    }

    /** The step failed for now: try again at {@code at}. */
    public void retryAt(Instant at, String error) {
        claim = null;
        this.error = error;
        dueAt = at;
    }

    /** The saga stops here until an operator looks: no claim, nothing due, the error kept. */
    public void stop(String error) {
        claim = null;
        dueAt = null;
        this.error = error;
    }
}
