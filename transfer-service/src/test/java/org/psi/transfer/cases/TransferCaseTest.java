package org.psi.transfer.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sex;
import org.psi.transfer.application.Route;
import org.psi.transfer.application.WorkerEnrollments;
import org.psi.transfer.calendar.DeadlinePolicy;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.calendar.WorkingCalendar;
import org.psi.transfer.rules.TemporaryAccountRule;
import org.psi.transfer.saga.HoldResult;
import org.psi.transfer.saga.HoldState;
import org.psi.transfer.saga.SagaAction;

/** The state machine of a case and the saga actions it owes in each state. */
class TransferCaseTest {

    private static final WorkingCalendar CAL = new WorkingCalendar(Set.of(), Set.of());
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private static final DeadlinePolicy DEADLINES = new DeadlinePolicy() {
        @Override
        public StepDays pension() {
            return days(OptionalInt.of(15), 15, 15);
        }

        @Override
        public StepDays medical() {
            return days(OptionalInt.empty(), 10, 5);
        }

        private StepDays days(OptionalInt review, int out, int in) {
            return new StepDays() {
                public OptionalInt review() {
                    return review;
                }

                public OptionalInt transferOut() {
                    return OptionalInt.of(out);
                }

                public OptionalInt transferIn() {
                    return OptionalInt.of(in);
                }
            };
        }
    };

    private static TransferCase submitted(Scheme scheme, boolean temporary) {
        WorkerEnrollments w = new WorkerEnrollments(UUID.randomUUID(), "sub", MONDAY.minusYears(30), Sex.MALE, "440305", List.of());
        return TransferCase.submit(UUID.randomUUID(), w, scheme, "440000", "310000",
                new TemporaryAccountRule.Decision(temporary, "why"), DEADLINES, CAL, NOW, MONDAY);
    }

    private static void run(TransferCase c, SagaAction expected, Runnable outcome) {
        Optional<SagaAction> action = c.claim(UUID.randomUUID(), NOW, Duration.ofSeconds(60));
        assertEquals(Optional.of(expected), action);
        outcome.run();
        c.completeIfDone(NOW, MONDAY);
        c.stepDone(NOW);
    }

    @Test
    void aMoveCaseHoldsAtSubmissionThenMovesAndCommitsAfterTransferOut() {
        TransferCase c = submitted(Scheme.PENSION, false);
        assertEquals(Step.REVIEW, c.currentStep);
        assertEquals(LocalDate.of(2026, 3, 23), c.currentDueOn);
        assertEquals(NOW, c.lease.dueAt);
        run(c, SagaAction.HOLD, () -> c.held(new HoldResult("HELD", 100, 200, 12)));
        assertEquals(Optional.empty(), c.nextAction());
        assertEquals(null, c.lease.dueAt);

        c.accept(NOW, MONDAY.plusDays(3), CAL);
        assertEquals(Step.TRANSFER_OUT, c.currentStep);
        assertEquals(MONDAY.plusDays(3), c.deadline(Step.REVIEW).doneOn);
        assertTrue(c.deadline(Step.REVIEW).withinDeadline());
        assertEquals(Optional.empty(), c.nextAction());

        c.transferOut(NOW, MONDAY.plusDays(4), CAL);
        assertEquals(TransferStatus.TRANSFERRED_OUT, c.status);
        assertEquals(Step.TRANSFER_IN, c.currentStep);
        run(c, SagaAction.MOVE, () -> c.enrollmentMoved(UUID.randomUUID()));
        run(c, SagaAction.COMMIT, c::committed);
        assertEquals(TransferStatus.COMPLETED, c.status);
        assertEquals(null, c.currentStep);
        assertEquals(Optional.empty(), c.nextAction());
    }

    @Test
    void theHoldComesFirstEvenWhenTheOfficersAreQuicker() {
        TransferCase c = submitted(Scheme.PENSION, false);
        c.accept(NOW, MONDAY, CAL);
        c.transferOut(NOW, MONDAY, CAL);
        run(c, SagaAction.HOLD, () -> c.held(new HoldResult("HELD", 1, 1, 1)));
        run(c, SagaAction.MOVE, () -> c.enrollmentMoved(UUID.randomUUID()));
        run(c, SagaAction.COMMIT, c::committed);
        assertEquals(TransferStatus.COMPLETED, c.status);
    }

    @Test
    void aTemporaryCaseOpensTheAccountAfterAcceptanceAndHoldsNothing() {
        TransferCase c = submitted(Scheme.PENSION, true);
        assertEquals(Route.TEMPORARY, c.route);
        assertEquals(Optional.empty(), c.nextAction());
        assertEquals(List.of(Step.REVIEW, Step.TRANSFER_IN), c.steps());
        c.accept(NOW, MONDAY, CAL);
        assertEquals(Step.TRANSFER_IN, c.currentStep);
        assertThrows(ProblemException.class, () -> c.transferOut(NOW, MONDAY, CAL));
        run(c, SagaAction.MOVE, () -> c.enrollmentMoved(UUID.randomUUID()));
        assertEquals(TransferStatus.COMPLETED, c.status);
        assertEquals(HoldState.NONE, c.holdState);
    }

    @Test
    void cancellingWithAHoldAskedForButNotAnsweredHoldsThenReleases() {
        TransferCase c = submitted(Scheme.PENSION, false);
        c.claim(UUID.randomUUID(), NOW, Duration.ofSeconds(60));   // a hold call is in flight
        assertEquals(HoldState.REQUESTED, c.holdState);
        c.cancel(NOW, MONDAY);
        // the live claim is left alone: its result is applied first
        assertEquals(NOW.plusSeconds(60), c.lease.dueAt);
        // without an answer, the hold is asked for again (a late request could make one after a release)
        assertEquals(Optional.of(SagaAction.HOLD), c.nextAction());
        c.held(new HoldResult("HELD", 1, 1, 1));
        assertEquals(Optional.of(SagaAction.RELEASE), c.nextAction());
        c.released();
        assertEquals(Optional.empty(), c.nextAction());
    }

    @Test
    void rejectingBeforeAnyHoldOwesNothing() {
        TransferCase c = submitted(Scheme.MEDICAL, false);
        c.reject("no", NOW, MONDAY);
        assertEquals(Optional.empty(), c.nextAction());
        assertEquals(null, c.lease.dueAt);
    }

    @Test
    void illegalTransitionsAreConflicts() {
        TransferCase c = submitted(Scheme.PENSION, false);
        assertEquals(409, assertThrows(ProblemException.class, () -> c.transferOut(NOW, MONDAY, CAL)).status());
        c.cancel(NOW, MONDAY);
        assertEquals(409, assertThrows(ProblemException.class, () -> c.accept(NOW, MONDAY, CAL)).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> c.reject("x", NOW, MONDAY)).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> c.cancel(NOW, MONDAY)).status());
        TransferCase accepted = submitted(Scheme.PENSION, false);
        accepted.accept(NOW, MONDAY, CAL);
        assertEquals(409, assertThrows(ProblemException.class, () -> accepted.cancel(NOW, MONDAY)).status());
    }

    @Test
    void aMedicalReviewHasNoDeadlineAndIsNeverOverdue() {
        TransferCase c = submitted(Scheme.MEDICAL, false);
        assertEquals(null, c.currentDueOn);
        assertFalse(c.overdue(MONDAY.plusYears(1)));
        c.accept(NOW, MONDAY, CAL);
        assertEquals(LocalDate.of(2026, 3, 16), c.currentDueOn);
        assertTrue(c.overdue(LocalDate.of(2026, 3, 17)));
        assertFalse(c.overdue(LocalDate.of(2026, 3, 16)));
    }

    @Test
    void aFailureAfterTheHoldReleasesIt() {
        TransferCase c = submitted(Scheme.PENSION, false);
        run(c, SagaAction.HOLD, () -> c.held(new HoldResult("HELD", 1, 1, 1)));
        c.accept(NOW, MONDAY, CAL);
        c.transferOut(NOW, MONDAY, CAL);
        c.claim(UUID.randomUUID(), NOW, Duration.ofSeconds(60));
        c.fail("refused", NOW, MONDAY);
        assertEquals(TransferStatus.FAILED, c.status);
        assertEquals(Optional.of(SagaAction.RELEASE), c.nextAction());
    }
}
