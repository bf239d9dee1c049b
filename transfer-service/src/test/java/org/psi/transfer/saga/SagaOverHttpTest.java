package org.psi.transfer.saga;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.psi.transfer.support.ContributionStandIn;
import org.psi.transfer.support.Db;
import org.psi.transfer.support.EnrollmentStandIn;
import org.psi.transfer.support.Fault;
import org.psi.transfer.support.Fixtures;
import org.psi.transfer.support.StandIns;

/**
 * The saga over real HTTP and the real database, where the deterministic simulation
 * ({@link SagaSimulationTest}) takes things as given: how each answer of the other services over HTTP
 * (failures before or after the work, timeouts, reset connections, refusals, the passing
 * {@code already-held}) becomes the outcome of a step, as the simulation's peers answer them; that a
 * claim in PostgreSQL is leased once, renewed only by its holder and taken over once it lapses, a
 * stale answer then changing nothing; and the compensation of a case whose hold was never answered
 * (hold, then release). What the saga does with these outcomes, under every order of faults and
 * crashes, is the simulation's part.
 */
@QuarkusTest
@TestProfile(ManualSaga.class)
class SagaOverHttpTest {

    private static final String FROM = "450000";
    private static final String TO = "460000";
    private static final long INDIVIDUAL = 1_234_567;
    private static final long POOLED = 2_345_678;

    @Inject
    SagaWorker worker;
    @Inject
    SagaService saga;

    private final ContributionStandIn money = StandIns.contribution();
    private final EnrollmentStandIn enrollments = StandIns.enrollment();

    // ------------------------------------------------------------------ answers over HTTP as outcomes

    static Stream<Arguments> answers() {
        List<Arguments> args = new ArrayList<>();
        for (SagaAction action : SagaAction.values()) {
            args.add(Arguments.of(action, null, false, 0));
            args.add(Arguments.of(action, Fault.ERROR_BEFORE, false, 503));
            args.add(Arguments.of(action, Fault.ERROR_AFTER, false, 500));
            args.add(Arguments.of(action, Fault.TIMEOUT_BEFORE, false, 0));
            args.add(Arguments.of(action, Fault.TIMEOUT_AFTER, false, 0));
            args.add(Arguments.of(action, Fault.RESET, false, 0));
            args.add(Arguments.of(action, Fault.REFUSE, true, 409));
        }
        args.add(Arguments.of(SagaAction.HOLD, Fault.ALREADY_HELD, false, 409));
        args.add(Arguments.of(SagaAction.COMMIT, Fault.LOSE_HOLD, true, 404));
        return args.stream();
    }

    /** {@code fault} null: answered normally, the step done. Otherwise failed, for now or for good, with that status (0: no answer). */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("answers")
    void eachAnswerOverHttpIsTheOutcomeTheSimulationGivesIt(SagaAction action, Fault fault, boolean permanent, int status) {
        Fixtures.Worker w = Fixtures.pension(FROM, INDIVIDUAL, POOLED);
        String id = Fixtures.submitted(w, "PENSION", TO);
        UUID tid = UUID.fromString(id);
        if (action != SagaAction.HOLD) {
            settle(id);
            if (action == SagaAction.RELEASE) {
                Fixtures.reject(id, TO, "Not a resident").statusCode(200);
            } else {
                Fixtures.accept(id, TO).statusCode(200);
                Fixtures.transferOut(id, FROM).statusCode(200);
                if (action == SagaAction.COMMIT) {
                    SagaStep move = saga.claim(tid).orElseThrow();
                    assertEquals(SagaAction.MOVE, move.action());
                    saga.complete(move, worker.execute(move));
                }
            }
        }
        SagaStep step = saga.claim(tid).orElseThrow();
        assertEquals(action, step.action());
        if (fault != null) {
            String op = action.name().toLowerCase();
            (action == SagaAction.MOVE ? enrollments : money).fault(op, id, fault);
        }
        SagaStep.Outcome outcome = worker.execute(step);
        if (fault == null) {
            assertInstanceOf(SagaStep.Done.class, outcome);
            if (action == SagaAction.HOLD) {
                assertEquals(new HoldResult("HELD", INDIVIDUAL, POOLED, 48), ((SagaStep.Done) outcome).hold());
            }
            if (action == SagaAction.MOVE) {
                assertEquals(enrollments.current(w.workerId(), "PENSION").enrollmentId, ((SagaStep.Done) outcome).openedEnrollment().toString());
            }
            return;
        }
        RemoteCallException error = assertInstanceOf(SagaStep.Failed.class, outcome).error();
        assertEquals(permanent, error.permanent(), error.getMessage());
        assertEquals(status, error.status(), error.getMessage());
    }

    // ------------------------------------------------------------------ claims in the database

    @Test
    void aClaimIsLeasedOnceRenewedByItsHolderAndTakenOverOnceItLapses() {
        Fixtures.Worker w = Fixtures.pension(FROM, INDIVIDUAL, POOLED);
        String id = Fixtures.submitted(w, "PENSION", TO);
        UUID tid = UUID.fromString(id);
        SagaStep first = saga.claim(tid).orElseThrow();
        assertEquals(SagaAction.HOLD, first.action());
        assertFalse(saga.mustRenew(first), "a step just claimed goes straight to its call");
        assertTrue(saga.claim(tid).isEmpty(), "leased: nobody else takes it");
        assertTrue(saga.claimDue(100).stream().noneMatch(s -> s.transferId().equals(tid)));

        SagaStep renewed = saga.renew(first).orElseThrow();
        assertEquals(first.claim(), renewed.claim());
        assertFalse(renewed.leasedUntil().isBefore(first.leasedUntil()));

        // the worker stands still; its claim lapses and another worker takes the step over
        SagaStep second = awaitClaim(tid);
        assertEquals(SagaAction.HOLD, second.action());
        assertTrue(saga.mustRenew(first), "a claim past half its lease is checked again before its call");
        assertEquals(Optional.empty(), saga.renew(first), "taken over: the first worker must not call");
        long events = Db.events(id);
        // had it called anyway, its answer would change nothing
        assertFalse(saga.complete(first, worker.execute(first)));
        assertEquals(events, Db.events(id));
        saga.complete(second, worker.execute(second));
        assertEquals(events + 1, Db.events(id), "FUNDS_HELD, once");
        Fixtures.view(id).body("funds.state", equalTo("HELD"));
        assertEquals(2, money.calls("hold", id));
        assertEquals("HELD", money.hold(id).status);
    }

    // ------------------------------------------------------------------ the compensation of a hold never answered

    @Test
    void aCaseAbandonedWhileItsHoldWentUnansweredHoldsThenReleases() {
        Fixtures.Worker w = Fixtures.pension(FROM, INDIVIDUAL, POOLED);
        String id = Fixtures.submitted(w, "PENSION", TO);
        UUID tid = UUID.fromString(id);
        SagaStep hold = saga.claim(tid).orElseThrow();
        // the contribution-service makes the hold, its answer never comes back
        money.fault("hold", id, Fault.TIMEOUT_AFTER);
        saga.complete(hold, worker.execute(hold));
        Fixtures.view(id).body("funds.state", equalTo("REQUESTED"));
        Fixtures.act(w.token(), id, "cancel").statusCode(200);
        settle(id);
        // a release alone would find the hold (or, with the hold request still on its way, nothing, and the
        // hold made after it would stay): the saga asks for the hold first, then releases it
        assertEquals(2, money.calls("hold", id));
        assertEquals(1, money.calls("release", id));
        assertEquals("RELEASED", money.hold(id).status);
        Fixtures.view(id).body("status", equalTo("CANCELLED")).body("funds.state", equalTo("RELEASED"))
                .body("saga.pendingAction", equalTo(null));
        List<String> trail = types(id);
        assertEquals(List.of("SUBMITTED", "CANCELLED", "FUNDS_HELD", "HOLD_RELEASED"), trail);
        assertTrailIntact(id);
        assertEquals(INDIVIDUAL, money.balance(ContributionStandIn.individual("PENSION", w.workerId(), FROM)));
        assertEquals(0, money.effects(id));
    }

    @Test
    void aRefusedHoldOfAnAbandonedCaseMeansNothingIsHeldAndTheCaseStaysAsItEnded() {
        Fixtures.Worker w = Fixtures.pension(FROM, INDIVIDUAL, POOLED);
        String id = Fixtures.submitted(w, "PENSION", TO);
        UUID tid = UUID.fromString(id);
        SagaStep hold = saga.claim(tid).orElseThrow();
        money.fault("hold", id, Fault.TIMEOUT_BEFORE);
        saga.complete(hold, worker.execute(hold));
        Fixtures.reject(id, TO, "Not a resident").statusCode(200);
        money.fault("hold", id, Fault.REFUSE);
        settle(id);
        assertNull(money.hold(id));
        assertEquals(0, money.calls("release", id));
        Fixtures.view(id).body("status", equalTo("REJECTED")).body("funds.state", equalTo("RELEASED"))
                .body("saga.pendingAction", equalTo(null)).body("failureReason", equalTo(null));
        assertEquals(List.of("SUBMITTED", "REJECTED", "HOLD_RELEASED"), types(id));
        assertTrailIntact(id);
    }

    // ------------------------------------------------------------------ helpers

    /** Runs due saga steps (as the poll loop would) until the case owes nothing. */
    private void settle(String id) {
        UUID uuid = UUID.fromString(id);
        long end = System.nanoTime() + 120_000_000_000L;
        while (Db.count("select count(*) from transfer_case where id = ? and saga_due_at is not null", uuid) > 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("The saga did not settle: " + id);
            }
            if (worker.runDue() == 0) {
                pause();
            }
        }
    }

    private SagaStep awaitClaim(UUID id) {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Optional<SagaStep> step = saga.claim(id);
            if (step.isPresent()) {
                return step.get();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("The claim never lapsed");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> types(String id) {
        return io.restassured.RestAssured.given().auth().oauth2(org.psi.common.test.Tokens.admin())
                .get("/api/transfers/" + id + "/events").then().statusCode(200).extract().jsonPath().getList("items.type", String.class);
    }

    private static void assertTrailIntact(String id) {
        Boolean valid = io.restassured.RestAssured.given().auth().oauth2(org.psi.common.test.Tokens.admin())
                .get("/api/transfers/" + id + "/events").then().statusCode(200).extract().path("integrity.valid");
        assertEquals(Boolean.TRUE, valid, id + ": trail intact");
    }
}
