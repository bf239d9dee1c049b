package org.psi.transfer.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.Scheme;
import org.psi.common.i18n.Message;
import org.psi.transfer.application.Route;
import org.psi.transfer.application.WorkerEnrollments;
import org.psi.transfer.calendar.DeadlinePolicy;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.calendar.StepDeadline;
import org.psi.transfer.calendar.WorkingCalendar;
import org.psi.transfer.rules.TemporaryAccountRule;
import org.psi.transfer.saga.HoldResult;
import org.psi.transfer.saga.HoldState;
import org.psi.transfer.saga.SagaAction;
import org.psi.transfer.saga.StepLease;

/**
 * A transfer case and the state machine it follows.
 *
 * <pre>
 * MOVE route       SUBMITTED --accept--> ACCEPTED --transfer-out--> TRANSFERRED_OUT --(saga)--> COMPLETED
 *                      |--reject--> REJECTED    |--cancel (worker, before acceptance)--> CANCELLED
 * TEMPORARY route  SUBMITTED --accept--> ACCEPTED --(saga opens the temporary account)--> COMPLETED
 * any open case    --(the other service refuses a step for good, before funds or relationship moved)--> FAILED
 * </pre>
 *
 * The saga (the calls to the other services) is derived from the state: {@link #nextAction()} says
 * what is still owed given the status and what has been done ({@link #holdState}, {@link #moved}):
 * <ul>
 * <li>MOVE route, open: HOLD the quote at the contribution-service as soon as the case is submitted
 *     (the destination reviews frozen amounts);</li>
 * <li>after transfer-out: MOVE the enrollment (the pivot: after it the case can only go forward), then
 *     COMMIT the held funds; both done, the case is COMPLETED;</li>
 * <li>TEMPORARY route, after acceptance: MOVE with a TEMPORARY enrollment at the destination, then COMPLETED;</li>
 * <li>REJECTED, CANCELLED or FAILED with a hold: RELEASE it (the compensation); with a hold asked for but
 *     never answered: HOLD first (the answer says what is held, and a late request can no longer make a
 *     hold), then RELEASE.</li>
 * </ul>
 */
@Entity
@Table(name = "transfer_case")
public class TransferCase extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "worker_id")
    public UUID workerId;
    /** The login subject of the worker who applied: owner checks compare the token's subject with it. */
    public String subject;
    @Enumerated(EnumType.STRING)
    public Scheme scheme;
    @Enumerated(EnumType.STRING)
    public Route route;
    @Enumerated(EnumType.STRING)
    public TransferStatus status;
    @Column(name = "from_region")
    public String fromRegion;
    @Column(name = "to_region")
    public String toRegion;
    @Column(name = "temporary_reason")
    public String temporaryReason;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    /** When the destination accepted or rejected, or the worker cancelled. */
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "transferred_out_at")
    public Instant transferredOutAt;
    /** When the case reached its final status. */
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "failure_reason")
    public String failureReason;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "workingDays", column = @Column(name = "review_days")),
            @AttributeOverride(name = "startedOn", column = @Column(name = "review_started_on")),
            @AttributeOverride(name = "dueOn", column = @Column(name = "review_due_on")),
            @AttributeOverride(name = "doneOn", column = @Column(name = "review_done_on"))})
    StepDeadline review;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "workingDays", column = @Column(name = "out_days")),
            @AttributeOverride(name = "startedOn", column = @Column(name = "out_started_on")),
            @AttributeOverride(name = "dueOn", column = @Column(name = "out_due_on")),
            @AttributeOverride(name = "doneOn", column = @Column(name = "out_done_on"))})
    StepDeadline transferOut;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "workingDays", column = @Column(name = "in_days")),
            @AttributeOverride(name = "startedOn", column = @Column(name = "in_started_on")),
            @AttributeOverride(name = "dueOn", column = @Column(name = "in_due_on")),
            @AttributeOverride(name = "doneOn", column = @Column(name = "in_done_on"))})
    StepDeadline transferIn;
    @Enumerated(EnumType.STRING)
    @Column(name = "current_step")
    public Step currentStep;
    /** The due day of the current step, kept here for the officers' overdue queue. */
    @Column(name = "current_due_on")
    public LocalDate currentDueOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "hold_state")
    public HoldState holdState;
    @Column(name = "held_individual_fen")
    public Long heldIndividualFen;
    @Column(name = "held_pooled_fen")
    public Long heldPooledFen;
    @Column(name = "held_months")
    public Integer heldMonths;
    /** Whether the enrollment-service has moved the enrollment (or opened the temporary account). */
    public boolean moved;
    @Column(name = "opened_enrollment_id")
    public UUID openedEnrollmentId;
    /** The saga's lease on the step owed next: when it is due, who has claimed it, attempts, last error. */
    @Embedded
    public StepLease lease = new StepLease();
    /** The saga stopped on an answer it cannot resolve by itself; an operator must look. */
    public boolean attention;

    @Column(name = "event_count")
    public int eventCount;
    @Column(name = "last_event_hash")
    public String lastEventHash;

    /** A new case, SUBMITTED today, with its review clock started. */
    public static TransferCase submit(UUID id, WorkerEnrollments worker, Scheme scheme, String fromRegion, String toRegion,
                                      TemporaryAccountRule.Decision temporary, DeadlinePolicy deadlines,
                                      WorkingCalendar calendar, Instant now, LocalDate today) {
        TransferCase c = new TransferCase();
        c.id = id;
        c.workerId = worker.workerId();
        c.subject = worker.subject();
        c.scheme = scheme;
        c.route = temporary.route();
        c.status = TransferStatus.SUBMITTED;
        c.fromRegion = fromRegion;
        c.toRegion = toRegion;
        c.temporaryReason = temporary.reason();
        c.submittedAt = now;
        c.review = StepDeadline.of(deadlines.days(scheme, Step.REVIEW));
        c.transferOut = StepDeadline.of(c.route == Route.MOVE ? deadlines.days(scheme, Step.TRANSFER_OUT) : null);
        c.transferIn = StepDeadline.of(deadlines.days(scheme, Step.TRANSFER_IN));
        c.holdState = HoldState.NONE;
        c.moved = false;
        c.attention = false;
        c.eventCount = 0;
        c.lastEventHash = EventChain.GENESIS;
        c.startStep(Step.REVIEW, today, calendar);
        c.scheduleSaga(now);
        return c;
    }

    // ------------------------------------------------------------------ steps and deadlines

    /** The deadline of a step (never null: a step without columns set reads as not started, no deadline). */
    public StepDeadline deadline(Step step) {
        return switch (step) {
            case REVIEW -> review == null ? (review = new StepDeadline()) : review;
            case TRANSFER_OUT -> transferOut == null ? (transferOut = new StepDeadline()) : transferOut;
            case TRANSFER_IN -> transferIn == null ? (transferIn = new StepDeadline()) : transferIn;
        };
    }

    /** The steps of this case's route, in order. */
    public java.util.List<Step> steps() {
        return route == Route.MOVE ? java.util.List.of(Step.REVIEW, Step.TRANSFER_OUT, Step.TRANSFER_IN)
                : java.util.List.of(Step.REVIEW, Step.TRANSFER_IN);
    }

    public boolean overdue(LocalDate today) {
        return currentStep != null && deadline(currentStep).overdue(today);
    }

    private void startStep(Step step, LocalDate today, WorkingCalendar calendar) {
        if (currentStep != null) {
            deadline(currentStep).finish(today);
        }
        currentStep = step;
        StepDeadline d = deadline(step);
        d.start(today, calendar);
        currentDueOn = d.dueOn;
    }

    private void endSteps(LocalDate today) {
        if (currentStep != null) {
            deadline(currentStep).finish(today);
        }
        currentStep = null;
        currentDueOn = null;
    }

    // ------------------------------------------------------------------ what people do

    /** The worker withdraws the application: only until the destination has decided. */
    public void cancel(Instant now, LocalDate today) {
        requireStatus(TransferStatus.SUBMITTED, "transfer.verb.cancelled", status == TransferStatus.ACCEPTED
                || status == TransferStatus.TRANSFERRED_OUT || status == TransferStatus.COMPLETED
                ? "transfer.case.accepted-no-cancel" : null);
        status = TransferStatus.CANCELLED;
        decidedAt = now;
        closedAt = now;
        endSteps(today);
        scheduleSaga(now);
    }

    /** The destination accepts (同意接收): the source's transfer-out clock starts (or, temporary route, the destination's). */
    public void accept(Instant now, LocalDate today, WorkingCalendar calendar) {
        requireStatus(TransferStatus.SUBMITTED, "transfer.verb.accepted", null);
        status = TransferStatus.ACCEPTED;
        decidedAt = now;
        startStep(route == Route.MOVE ? Step.TRANSFER_OUT : Step.TRANSFER_IN, today, calendar);
        scheduleSaga(now);
    }

    /** The destination refuses in writing, with reasons. */
    public void reject(String reason, Instant now, LocalDate today) {
        requireStatus(TransferStatus.SUBMITTED, "transfer.verb.rejected", null);
        status = TransferStatus.REJECTED;
        rejectionReason = reason;
        decidedAt = now;
        closedAt = now;
        endSteps(today);
        scheduleSaga(now);
    }

    /** The source releases the relationship and funds; the destination's transfer-in clock starts. */
    public void transferOut(Instant now, LocalDate today, WorkingCalendar calendar) {
        if (route == Route.TEMPORARY) {
            throw ProblemException.conflict("nothing-to-transfer-out", "transfer.case.temporary-nothing-out");
        }
        requireStatus(TransferStatus.ACCEPTED, "transfer.verb.transferred-out", status == TransferStatus.SUBMITTED
                ? "transfer.case.not-accepted-yet" : null);
        status = TransferStatus.TRANSFERRED_OUT;
        transferredOutAt = now;
        startStep(Step.TRANSFER_IN, today, calendar);
        scheduleSaga(now);
    }

    /** {@code verbKey}: what is refused, as a message; {@code detailKey}: the message of this refusal, or null for the general one. */
    private void requireStatus(TransferStatus required, String verbKey, String detailKey) {
        if (status != required) {
            throw detailKey != null ? ProblemException.conflict("invalid-transition", detailKey)
                    : ProblemException.conflict("invalid-transition", "transfer.case.invalid-transition", status,
                    Message.of(verbKey), required);
        }
    }

    // ------------------------------------------------------------------ the saga

    /** What the saga still owes this case, or empty when nothing. */
    public Optional<SagaAction> nextAction() {
        if (attention) {
            return Optional.empty();
        }
        if (status.isAbandoned()) {
            // A hold asked for without an answer may still be made by that request arriving late, after a
            // release that found nothing: hold first (a repeat answers the hold if one was made, and once
            // there is one no late request makes another), then release what is held.
            return switch (holdState) {
                case REQUESTED -> Optional.of(SagaAction.HOLD);
                case HELD -> Optional.of(SagaAction.RELEASE);
                default -> Optional.empty();
            };
        }
        if (route == Route.TEMPORARY) {
            return status == TransferStatus.ACCEPTED && !moved ? Optional.of(SagaAction.MOVE) : Optional.empty();
        }
        boolean holdOwed = holdState == HoldState.NONE || holdState == HoldState.REQUESTED;
        return switch (status) {
            case SUBMITTED, ACCEPTED -> holdOwed ? Optional.of(SagaAction.HOLD) : Optional.empty();
            case TRANSFERRED_OUT -> {
                if (holdOwed) {
                    yield Optional.of(SagaAction.HOLD);
                }
                if (!moved) {
                    yield Optional.of(SagaAction.MOVE);
                }
                yield holdState == HoldState.HELD ? Optional.of(SagaAction.COMMIT) : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /** After a person changed the case: what is owed is due now, unless a worker holds a live claim ({@link StepLease#schedule}). */
    public void scheduleSaga(Instant now) {
        lease.schedule(nextAction().isPresent(), now);
    }

    /** A saga worker takes the next step: it is leased until {@code now + leaseFor}, after which another may take it. */
    public Optional<SagaAction> claim(UUID claim, Instant now, Duration leaseFor) {
        Optional<SagaAction> next = nextAction();
        if (next.isEmpty()) {
            lease.clear();
            return next;
        }
        SagaAction action = next.get();
        lease.take(claim, action, now, leaseFor);
        if (action == SagaAction.HOLD && holdState == HoldState.NONE) {
            holdState = HoldState.REQUESTED;
        }
        return next;
    }

    /** The step succeeded: clear the claim and make the next one due now, if any. Returns whether one is due. */
    public boolean stepDone(Instant now) {
        return lease.done(nextAction(), now);
    }

    /** The step failed for now: try again at {@code at}. */
    public void retryAt(Instant at, String error) {
        lease.retryAt(at, truncate(error));
    }

    public void held(HoldResult hold) {
        holdState = HoldState.HELD;
        heldIndividualFen = hold.individualAccountFen();
        heldPooledFen = hold.pooledFundFen();
        heldMonths = hold.months();
    }

    public void enrollmentMoved(UUID openedEnrollment) {
        moved = true;
        openedEnrollmentId = openedEnrollment;
    }

    public void committed() {
        holdState = HoldState.COMMITTED;
    }

    public void released() {
        holdState = HoldState.RELEASED;
    }

    /** The hold is gone at the contribution-service (it answered 404 to a commit): hold again, then commit. */
    public void holdLost() {
        holdState = HoldState.NONE;
    }

    /** Everything moved: the destination has completed the transfer in. */
    public boolean completeIfDone(Instant now, LocalDate today) {
        boolean done = route == Route.TEMPORARY ? status == TransferStatus.ACCEPTED && moved
                : status == TransferStatus.TRANSFERRED_OUT && moved && holdState == HoldState.COMMITTED;
        if (done) {
            status = TransferStatus.COMPLETED;
            closedAt = now;
            endSteps(today);
        }
        return done;
    }

    /**
     * The other service refused a step for good before anything irreversible happened (the enrollment
     * move is the pivot): the case fails, and a hold that may exist is released by the next action.
     */
    public void fail(String reason, Instant now, LocalDate today) {
        status = TransferStatus.FAILED;
        failureReason = truncate(reason);
        closedAt = now;
        endSteps(today);
    }

    /** The saga cannot resolve an answer by itself (e.g. a hold released under a moved enrollment). */
    public void needsAttention(String error) {
        attention = true;
        lease.stop(truncate(error));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
