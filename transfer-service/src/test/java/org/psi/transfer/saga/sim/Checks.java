package org.psi.transfer.saga.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.psi.transfer.application.Route;
import org.psi.transfer.cases.EventChain;
import org.psi.transfer.cases.Events;
import org.psi.transfer.cases.TransferCase;
import org.psi.transfer.cases.TransferEvent;
import org.psi.transfer.cases.TransferStatus;
import org.psi.transfer.saga.HoldResult;
import org.psi.transfer.saga.HoldState;

/**
 * What must hold at the end of every run, case by case and for the ledger as a whole:
 * <ul>
 * <li>every case ended COMPLETED, or CANCELLED, REJECTED or FAILED with nothing moved; none waits for an
 *     operator, none owes a step; its statuses followed the state machine;</li>
 * <li>COMPLETED: the enrollment moved once, to the destination, and (MOVE route) the hold committed in one
 *     posting; the case's record of what it held and opened is the peers'; nothing moved otherwise: no
 *     enrollment move under the transfer id, no posting, the hold absent or released;</li>
 * <li>no hold left HELD (an orphan would freeze the worker's money and block their next transfer);</li>
 * <li>money conserved to the fen: every posting balanced, the ledger's total what it started with plus what
 *     was booked, each worker's money where their cases say it is;</li>
 * <li>each trail intact (the hash chain up to the head kept with the case) and saying what happened: one
 *     enrollment move and one commit for a completed case, none for the others.</li>
 * </ul>
 */
final class Checks {

    private static final Map<TransferStatus, Set<TransferStatus>> NEXT = Map.of(
            TransferStatus.SUBMITTED, EnumSet.of(TransferStatus.ACCEPTED, TransferStatus.REJECTED, TransferStatus.CANCELLED,
                    TransferStatus.FAILED),
            TransferStatus.ACCEPTED, EnumSet.of(TransferStatus.TRANSFERRED_OUT, TransferStatus.COMPLETED, TransferStatus.FAILED),
            TransferStatus.TRANSFERRED_OUT, EnumSet.of(TransferStatus.COMPLETED, TransferStatus.FAILED),
            TransferStatus.COMPLETED, EnumSet.noneOf(TransferStatus.class),
            TransferStatus.REJECTED, EnumSet.noneOf(TransferStatus.class),
            TransferStatus.CANCELLED, EnumSet.noneOf(TransferStatus.class),
            TransferStatus.FAILED, EnumSet.noneOf(TransferStatus.class));

    private final Simulation sim;

    Checks(Simulation sim) {
        this.sim = sim;
    }

    void run() {
        for (TransferCase c : sim.db.all()) {
            checkCase(c);
        }
        checkHolds();
        checkLedger();
    }

    private void fail(TransferCase c, String what) {
        sim.violations.add(sim.label(c.id) + " (" + c.status + "): " + what);
    }

    private void checkCase(TransferCase c) {
        TransferStatus s = c.status;
        if (s.isOpen()) {
            fail(c, "did not end");
        }
        if (c.attention) {
            fail(c, "waits for an operator: " + c.lease.error);
        }
        if (c.lease.dueAt != null || c.nextAction().isPresent()) {
            fail(c, "still owes " + c.nextAction().orElse(null) + " (due " + c.lease.dueAt + ")");
        }
        List<TransferStatus> path = sim.statuses.get(c.id);
        for (int k = 1; k < path.size(); k++) {
            if (!NEXT.get(path.get(k - 1)).contains(path.get(k))) {
                fail(c, "went " + path.get(k - 1) + " -> " + path.get(k) + " (" + path + ")");
            }
        }
        if (s == TransferStatus.FAILED && path.contains(TransferStatus.TRANSFERRED_OUT) && c.moved) {
            fail(c, "FAILED after the enrollment moved");
        }
        SimEnrollment.Move move = sim.enrollment.moveOf(c.id);
        SimContribution.Hold hold = sim.contribution.holdOf(c.id);
        List<SimContribution.Posting> postings = sim.contribution.postingsOf(c.id);
        if (sim.enrollment.applied(c.id) > 1) {
            fail(c, "the enrollment moved " + sim.enrollment.applied(c.id) + " times");
        }
        if (postings.size() > 1) {
            fail(c, "committed " + postings.size() + " times");
        }
        if (s == TransferStatus.COMPLETED) {
            if (!c.moved || move == null) {
                fail(c, "completed, but the enrollment-service moved nothing (case moved=" + c.moved + ")");
            } else {
                if (!move.toRegion().equals(c.toRegion)) {
                    fail(c, "moved to " + move.toRegion() + " instead of " + c.toRegion);
                }
                if (!move.opened().equals(c.openedEnrollmentId)) {
                    fail(c, "records enrollment " + c.openedEnrollmentId + " opened, the enrollment-service " + move.opened());
                }
            }
            if (c.route == Route.MOVE) {
                if (c.holdState != HoldState.COMMITTED || hold == null || !HoldResult.COMMITTED.equals(hold.status)
                        || postings.size() != 1) {
                    fail(c, "completed with hold " + c.holdState + " / " + (hold == null ? "none" : hold.status) + " and "
                            + postings.size() + " postings");
                } else if (!sim.contribution.held(c.id, c.heldIndividualFen, c.heldPooledFen)
                        && !(c.heldIndividualFen == hold.committedIndividualFen && c.heldPooledFen == hold.committedPooledFen)) {
                    fail(c, "records " + c.heldIndividualFen + "/" + c.heldPooledFen + " held, the contribution-service "
                            + hold.heldIndividualFen + "/" + hold.heldPooledFen);
                }
            } else if (hold != null || !postings.isEmpty()) {
                fail(c, "a temporary account with a hold or a posting");
            }
        } else if (s.isAbandoned()) {
            if (c.moved || move != null) {
                fail(c, "nothing may move, but the enrollment moved" + (c.moved ? "" : " (the case does not know)"));
            }
            if (!postings.isEmpty()) {
                fail(c, "nothing may move, but the funds were committed");
            }
            if (hold != null && !HoldResult.RELEASED.equals(hold.status)) {
                fail(c, "ended with its hold " + hold.status);
            }
            if (c.holdState != HoldState.NONE && c.holdState != HoldState.RELEASED) {
                fail(c, "ended believing its hold " + c.holdState);
            }
        }
        checkTrail(c);
    }

    private void checkTrail(TransferCase c) {
        List<TransferEvent> trail = sim.db.trail(c.id);
        EventChain.Verification v = EventChain.verify(c.id, trail, c.eventCount, c.lastEventHash);
        if (!v.valid()) {
            fail(c, "trail broken at " + v.brokenAt() + ": " + v.problem());
        }
        long moved = trail.stream().filter(e -> e.type.equals(Events.ENROLLMENT_MOVED) || e.type.equals(Events.TEMPORARY_ACCOUNT_OPENED)).count();
        long committed = trail.stream().filter(e -> e.type.equals(Events.FUNDS_COMMITTED)).count();
        long completed = trail.stream().filter(e -> e.type.equals(Events.COMPLETED)).count();
        boolean done = c.status == TransferStatus.COMPLETED;
        if (moved != (done ? 1 : 0) || completed != (done ? 1 : 0)
                || committed != (done && c.route == Route.MOVE ? 1 : 0)) {
            fail(c, "trail with " + moved + " moves, " + committed + " commits, " + completed + " completions: "
                    + trail.stream().map(e -> e.type).toList());
        }
        if (!trail.isEmpty() && !trail.get(trail.size() - 1).type.equals(lastEventFor(c))
                && !(c.status.isAbandoned() && trail.get(trail.size() - 1).type.equals(Events.HOLD_RELEASED))) {
            fail(c, "trail ends with " + trail.get(trail.size() - 1).type);
        }
    }

    private static String lastEventFor(TransferCase c) {
        return switch (c.status) {
            case COMPLETED -> Events.COMPLETED;
            case CANCELLED -> Events.CANCELLED;
            case REJECTED -> Events.REJECTED;
            case FAILED -> Events.FAILED;
            default -> "";
        };
    }

    private void checkHolds() {
        for (SimContribution.Hold h : sim.contribution.holds().values()) {
            if (HoldResult.HELD.equals(h.status)) {
                TransferCase c = sim.db.get(h.transferId);
                sim.violations.add("an orphaned hold: " + sim.label(h.transferId) + " is " + (c == null ? "unknown" : c.status)
                        + ", its hold at the contribution-service still HELD (" + h.heldIndividualFen + "/" + h.heldPooledFen + ")");
            }
        }
    }

    private void checkLedger() {
        SimContribution money = sim.contribution;
        long booked = money.deposits().stream().mapToLong(SimContribution.Deposit::fen).sum();
        if (money.total() != money.initialTotal() + booked) {
            sim.violations.add("money not conserved: the ledger holds " + money.total() + ", it started with "
                    + money.initialTotal() + " and " + booked + " was booked since");
        }
        for (SimContribution.Posting p : money.postings()) {
            long sum = p.legs().stream().mapToLong(SimContribution.Leg::fen).sum();
            if (sum != 0) {
                sim.violations.add("posting of " + sim.label(p.transferId()) + " unbalanced by " + sum);
            }
            TransferCase c = sim.db.get(p.transferId());
            if (c == null || c.status != TransferStatus.COMPLETED) {
                sim.violations.add("money moved for " + sim.label(p.transferId()) + ", which is " + (c == null ? "unknown" : c.status));
            }
        }
        // each worker's individual accounts: what they started with and was booked, minus what their completed case moved
        for (Simulation.Worker w : sim.workers) {
            for (String region : List.of(w.from, w.to)) {
                String account = SimContribution.individual(w.scheme, w.id, region);
                long expected = money.deposits().stream().filter(d -> d.account().equals(account)).mapToLong(SimContribution.Deposit::fen).sum();
                expected += initialOf(w, region);
                for (UUID id : w.cases) {
                    for (SimContribution.Posting p : money.postingsOf(id)) {
                        for (SimContribution.Leg leg : p.legs()) {
                            if (leg.account().equals(account)) {
                                expected += leg.fen();
                            }
                        }
                        if (region.equals(w.from)) {
                            long left = money.deposits().stream().filter(d -> d.account().equals(account) && d.at() > p.at())
                                    .mapToLong(SimContribution.Deposit::fen).sum();
                            if (money.balance(account) != left) {
                                sim.violations.add(sim.label(id) + " committed, but " + money.balance(account)
                                        + " fen stayed in the source account (booked after the commit: " + left + ")");
                            }
                        }
                    }
                }
                if (money.balance(account) != expected) {
                    sim.violations.add(w.name + "'s account in " + region + " holds " + money.balance(account) + ", expected " + expected);
                }
            }
        }
    }

    private long initialOf(Simulation.Worker w, String region) {
        return region.equals(w.from) ? w.initialIndividual : 0;
    }
}
