package org.psi.transfer.saga.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sex;
import org.psi.transfer.application.WorkerEnrollments;
import org.psi.transfer.calendar.DeadlinePolicy;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.calendar.WorkingCalendar;
import org.psi.transfer.cases.Events;
import org.psi.transfer.cases.TransferCase;
import org.psi.transfer.cases.TransferEvent;
import org.psi.transfer.cases.TransferStatus;
import org.psi.transfer.rules.TemporaryAccountRule;
import org.psi.transfer.saga.SagaAction;
import org.psi.transfer.saga.SagaRules;
import org.psi.transfer.saga.SagaService;
import org.psi.transfer.saga.SagaStep;
import org.psi.transfer.saga.SagaWorker;

/**
 * A deterministic simulation of the saga, in the spirit of TigerBeetle's VOPR: one thread, simulated
 * time, and one seed that decides everything left to chance: how the run is made (instances, pool
 * sizes, lease, timeouts, backoff; the rates of every fault, "swarm testing"), when people act and
 * what they decide, every fault of the network, the peers, the database and the transfer-service's
 * own processes, and the order of whatever happens at the same time. The same seed gives the same run,
 * event for event: {@link Result#hash} is a 128-bit hash of its trace.
 *
 * <p>What runs is the saga's real code: {@link SagaService} (its claims and the recording of answers,
 * over {@link SimDb}), {@link SagaRules}, {@link TransferCase}'s state machine and its
 * {@code StepLease}, the trail ({@link TransferEvent}, {@code EventChain}), and {@link SagaWorker#call},
 * which turns a peer's answer into the outcome of a step. What is simulated around it: the worker pool,
 * the poll loop and the kicks of {@code SagaWorker} and {@code SagaPoller} (one event per step of theirs
 * instead of threads), the database, the network and the two other services, whose answers are those
 * of their contract ({@link SimEnrollment}, {@link SimContribution}): idempotent by transfer id, so a
 * fault never makes a peer answer what the real one could not.
 *
 * <p>Faults: requests lost, refused, reset, late (processed after the client gave up, also after the
 * claim lapsed and another instance repeated the call), repeated by the network, failing before or
 * after the work (5xx), answers lost; the enrollment- or contribution-service stopped (SIGSTOP: requests
 * wait and are then served in any order) or down; the database down, or a commit whose answer is lost;
 * transfer-service instances killed (their claims lapse; restarted later) or stopped for a while (a long
 * pause: a worker wakes up with a claim that lapsed meanwhile). Outside the saga: workers cancel,
 * destinations accept or reject, sources transfer out, a worker applies again after a case ended, an
 * enrollment is closed elsewhere (the move is refused: FAILED), a hold disappears (the commit answers
 * 404), contributions arrive.
 *
 * <p>The run has a fault phase and then heals (as VOPR checks liveness after safety): every instance is
 * started again, the peers and the database come back, the network stops failing, and the saga must
 * bring every case to its end. Then {@link Checks} looks at the outcome.
 */
public final class Simulation {

    /** Monday 2 March 2026, 09:00 in Shanghai. */
    public static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** How long after the fault phase the saga may take to bring every case to its end. */
    static final long SETTLE_MS = 6 * 3600_000L;

    static final WorkingCalendar CALENDAR = new WorkingCalendar(java.util.Set.of(), java.util.Set.of());
    static final DeadlinePolicy DEADLINES = new DeadlinePolicy() {
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
    private static final List<String> PROVINCES = List.of("440000", "310000", "110000", "320000", "510000");
    private static final List<String> CITIES = List.of("440300", "310100", "110100", "320100", "510100");

    /** The outcome of one run. */
    public record Result(long seed, String hash, List<String> violations, long events, long simulatedMs, String config,
                         List<String> trace, Map<String, Long> reached) {

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    public static Result run(long seed, boolean keepTrace) {
        return new Simulation(seed, keepTrace).execute();
    }

    // ------------------------------------------------------------------ the run's make-up

    /** What a run is made of, drawn from its seed: sizes, timings and the rate of every fault. */
    static final class Config {
        final int instances;
        final int concurrency;
        final int batchSize;
        final int workers;
        final long leaseMs;
        final long timeoutMs;
        final long pollMs;
        final long startDelayMs;
        final long retryInitialMs;
        final long retryMaxMs;
        final long dbLatencyMs;
        final long latencyMs;
        final long horizonMs;
        // per call, during the fault phase
        final double refused;
        final double requestLost;
        final double answerLost;
        final double errorBefore;
        final double errorAfter;
        final double late;
        final double repeated;
        final double commitAnswerLost;
        // processes and services, during the fault phase
        final int crashes;
        final int pauses;
        final int enrollmentStops;
        final int contributionStops;
        final int enrollmentDowns;
        final int contributionDowns;
        final int dbOutages;
        // people and the world
        final double cancel;
        final double reject;
        final double temporary;
        final double medical;
        final double applyAgain;
        final double noContributions;
        final double closedElsewhere;
        final double holdLost;
        final int deposits;

        Config(Prng r) {
            instances = r.between(1, 3);
            concurrency = r.between(1, 4);
            batchSize = r.between(1, 6);
            workers = r.between(1, 6);
            leaseMs = r.between(2_000, 60_000);
            // the documented rule: a call (connect + read timeout) ends within half the lease
            timeoutMs = r.between(leaseMs / 10, leaseMs * 45 / 100);
            pollMs = r.between(200, 5_000);
            startDelayMs = r.between(0, 3_000);
            retryInitialMs = r.between(20, 2_000);
            retryMaxMs = r.between(retryInitialMs, 60_000);
            dbLatencyMs = r.between(1, 20);
            latencyMs = r.between(1, 300);
            horizonMs = r.between(60_000, 600_000);
            refused = r.ratio(0.1);
            requestLost = r.ratio(0.3);
            answerLost = r.ratio(0.3);
            errorBefore = r.ratio(0.2);
            errorAfter = r.ratio(0.2);
            late = r.ratio(0.3);
            repeated = r.ratio(0.2);
            commitAnswerLost = r.ratio(0.1);
            crashes = r.between(0, 4);
            pauses = r.between(0, 4);
            enrollmentStops = r.between(0, 2);
            contributionStops = r.between(0, 2);
            enrollmentDowns = r.between(0, 2);
            contributionDowns = r.between(0, 2);
            dbOutages = r.between(0, 2);
            cancel = r.unit() * 0.3;
            reject = r.unit() * 0.3;
            temporary = r.ratio(0.3);
            medical = r.unit();
            applyAgain = r.ratio(0.6);
            noContributions = r.ratio(0.2);
            closedElsewhere = r.ratio(0.2);
            holdLost = r.ratio(0.2);
            deposits = r.between(0, 3);
        }

        @Override
        public String toString() {
            return "instances=" + instances + " concurrency=" + concurrency + " batch=" + batchSize + " workers=" + workers
                    + " lease=" + leaseMs + "ms timeout=" + timeoutMs + "ms poll=" + pollMs + "ms startDelay=" + startDelayMs
                    + "ms retry=" + retryInitialMs + ".." + retryMaxMs + "ms db=" + dbLatencyMs + "ms net<=" + latencyMs
                    + "ms faults-until=" + horizonMs + "ms | refused=" + pct(refused) + " lost=" + pct(requestLost)
                    + " answerLost=" + pct(answerLost) + " 5xxBefore=" + pct(errorBefore) + " 5xxAfter=" + pct(errorAfter)
                    + " late=" + pct(late) + " repeated=" + pct(repeated) + " commitAnswerLost=" + pct(commitAnswerLost)
                    + " | crashes=" + crashes + " pauses=" + pauses + " enrollmentStops=" + enrollmentStops
                    + " contributionStops=" + contributionStops + " enrollmentDowns=" + enrollmentDowns
                    + " contributionDowns=" + contributionDowns + " dbOutages=" + dbOutages
                    + " | cancel=" + pct(cancel) + " reject=" + pct(reject) + " temporary=" + pct(temporary)
                    + " medical=" + pct(medical) + " applyAgain=" + pct(applyAgain) + " noContributions=" + pct(noContributions)
                    + " closedElsewhere=" + pct(closedElsewhere) + " holdLost=" + pct(holdLost) + " deposits=" + deposits;
        }

        private static String pct(double p) {
            return Math.round(p * 100) + "%";
        }
    }

    // ------------------------------------------------------------------ state

    private final long seed;
    private final boolean keepTrace;
    private final Prng plan;
    private final Prng net;
    private final Prng people;
    final Config cfg;
    final SimDb db;
    final SimEnrollment enrollment;
    final SimContribution contribution;
    private final SagaService saga;
    private final List<Instance> instances = new ArrayList<>();
    final List<Worker> workers = new ArrayList<>();
    final Map<UUID, String> labels = new LinkedHashMap<>();
    /** Every status each case went through, in order (checked against the state machine at the end). */
    final Map<UUID, List<TransferStatus>> statuses = new LinkedHashMap<>();
    private final List<long[]> enrollmentStopped = new ArrayList<>();
    private final List<long[]> contributionStopped = new ArrayList<>();
    private final List<long[]> enrollmentDown = new ArrayList<>();
    private final List<long[]> contributionDown = new ArrayList<>();
    private final List<long[]> dbDown = new ArrayList<>();

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long seq;
    long now;
    private long events;
    private int pendingDeliveries;
    private int pendingPeople;
    private long hashA = 0x243F6A8885A308D3L;
    private long hashB = 0x13198A2E03707344L;
    private final List<String> trace;
    final List<String> violations = new ArrayList<>();
    /** How often the run reached each situation worth reaching (so that a corpus can show it covers them). */
    private final Map<String, Long> reached = new java.util.TreeMap<>();

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return START.plusMillis(now);
        }
    };

    private record Event(long at, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    /** A transfer-service instance: its pool of saga workers, its poll loop, and whether it lives. */
    private static final class Instance {
        final String name;
        boolean up = true;
        /** Incremented when the instance dies: whatever it had scheduled before is void. */
        int epoch;
        long stoppedUntil;
        int busy;
        final ArrayDeque<Consumer<Runnable>> queue = new ArrayDeque<>();
        boolean polling;
        int batchLeft;

        Instance(String name) {
            this.name = name;
        }
    }

    /** A worker of a platform with one insurance to move, and the cases they open. */
    static final class Worker {
        final String name;
        final UUID id;
        final Scheme scheme;
        final String from;
        final String to;
        final boolean temporary;
        final List<UUID> cases = new ArrayList<>();
        long initialIndividual;
        boolean contributes;
        boolean appliedAgain;

        Worker(String name, UUID id, Scheme scheme, String from, String to, boolean temporary) {
            this.name = name;
            this.id = id;
            this.scheme = scheme;
            this.from = from;
            this.to = to;
            this.temporary = temporary;
        }

        WorkerEnrollments enrollments() {
            return new WorkerEnrollments(id, "sub-" + name, LocalDate.of(1990, 5, 1), Sex.FEMALE, from, List.of());
        }
    }

    /** A call in flight from an instance to a peer. */
    private static final class Call {
        final Instance from;
        final int epoch;
        final SagaStep step;
        final Consumer<Answer> then;
        boolean answered;

        Call(Instance from, SagaStep step, Consumer<Answer> then) {
            this.from = from;
            this.epoch = from.epoch;
            this.step = step;
            this.then = then;
        }
    }

    private Simulation(long seed, boolean keepTrace) {
        this.seed = seed;
        this.keepTrace = keepTrace;
        Prng root = new Prng(seed);
        this.cfg = new Config(root.fork());
        this.plan = root.fork();
        this.net = root.fork();
        this.people = root.fork();
        Prng ids = root.fork();
        Prng jitter = root.fork();
        this.db = new SimDb(root.fork());
        this.enrollment = new SimEnrollment(ids.fork());
        this.contribution = new SimContribution();
        SagaRules rules = new SagaRules(java.time.Duration.ofMillis(cfg.leaseMs), java.time.Duration.ofMillis(cfg.retryInitialMs),
                java.time.Duration.ofMillis(cfg.retryMaxMs), ids::uuid, jitter::below);
        this.saga = new SagaService(db, db::append, clock, rules);
        this.trace = keepTrace ? new ArrayList<>() : null;
        for (int i = 0; i < cfg.instances; i++) {
            instances.add(new Instance("i" + (i + 1)));
        }
        for (int k = 0; k < cfg.workers; k++) {
            boolean medical = plan.chance(cfg.medical);
            List<String> regions = medical ? CITIES : PROVINCES;
            String from = plan.pick(regions);
            String to;
            do {
                to = plan.pick(regions);
            } while (to.equals(from));
            workers.add(new Worker("w" + (k + 1), ids.uuid(), medical ? Scheme.MEDICAL : Scheme.PENSION, from, to,
                    plan.chance(cfg.temporary)));
        }
    }

    // ------------------------------------------------------------------ the run

    private Result execute() {
        trace("seed " + seed + " | " + cfg);
        setUp();
        try {
            while (!queue.isEmpty()) {
                Event e = queue.poll();
                now = e.at();
                events++;
                e.action().run();
                if (now >= cfg.horizonMs && settled()) {
                    break;
                }
                if (now > cfg.horizonMs + SETTLE_MS) {
                    violations.add("no liveness: " + SETTLE_MS / 60_000 + " simulated minutes after the faults ended, "
                            + unsettled());
                    break;
                }
            }
        } catch (RuntimeException | AssertionError e) {
            java.io.StringWriter out = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(out));
            violations.add("the run threw at " + now + " ms: " + out);
        }
        trace("end at " + now + " ms after " + events + " events");
        new Checks(this).run();
        for (TransferCase c : db.all()) {
            trace("final " + label(c.id) + " " + c.status + " hold=" + c.holdState + " moved=" + c.moved + " events="
                    + c.eventCount + " head=" + c.lastEventHash.substring(0, 16));
        }
        trace("final enrollment " + enrollment.summary());
        trace("final contribution " + contribution.summary());
        for (String v : violations) {
            trace("VIOLATION " + v);
        }
        for (TransferCase c : db.all()) {
            count("ended " + c.status);
            for (TransferEvent e : db.trail(c.id)) {
                if (e.type.equals(Events.HOLD_LOST) || e.type.equals(Events.FAILED)) {
                    count("trail " + e.type);
                }
            }
        }
        String hash = HexFormat.of().toHexDigits(hashA) + HexFormat.of().toHexDigits(hashB);
        return new Result(seed, hash, List.copyOf(violations), events, now, cfg.toString(),
                trace == null ? null : List.copyOf(trace), reached);
    }

    private void setUp() {
        for (Worker w : workers) {
            enrollment.enrol(w.id, w.scheme, w.from);
            if (plan.chance(cfg.noContributions)) {
                trace(w.name + " " + w.scheme + " " + w.from + "->" + w.to + (w.temporary ? " temporary" : "") + " without contributions");
            } else {
                long individual = plan.between(0, 5_000_000);
                long share = plan.between(0, 3_000_000);
                contribution.seed(w.id, w.scheme, w.from, individual, share, plan.between(1, 200), plan.between(0, 50_000_000));
                w.initialIndividual = individual;
                w.contributes = true;
                trace(w.name + " " + w.scheme + " " + w.from + "->" + w.to + (w.temporary ? " temporary" : "") + " individual="
                        + individual + " share=" + share);
            }
            contribution.fund(w.scheme, w.to, plan.between(0, 50_000_000));
            long applyAt = plan.between(0, cfg.horizonMs / 3);
            person(applyAt, () -> apply(w));
            if (plan.chance(cfg.closedElsewhere)) {
                at(plan.between(0, cfg.horizonMs), () -> {
                    if (enrollment.closeExternally(w.id, w.scheme)) {
                        trace("world: " + w.name + "'s " + w.scheme + " enrollment closed elsewhere");
                        count("enrollment closed elsewhere");
                    }
                });
            }
            if (plan.chance(cfg.holdLost)) {
                loseHold(w, plan.between(0, cfg.horizonMs / 2));
            }
        }
        for (int d = 0; d < cfg.deposits; d++) {
            Worker w = plan.pick(workers);
            // contributions of a worker the contribution-service knows in that region (a hold refused
            // for want of them stays refused: were it not, a hold request arriving late could be made after
            // the case's compensation, which only the contribution-service could prevent)
            String region = plan.chance(0.8) && w.contributes ? w.from : w.to;
            long individual = plan.between(1, 200_000);
            long pooled = plan.between(0, 100_000);
            at(plan.between(0, cfg.horizonMs), () -> {
                contribution.deposit(w.id, w.scheme, region, individual, pooled, now);
                trace("world: contributions of " + w.name + " in " + region + ": " + individual + "/" + pooled);
            });
        }
        for (Instance i : instances) {
            startPolling(i);
        }
        for (int k = 0; k < cfg.crashes; k++) {
            Instance i = plan.pick(instances);
            long at = plan.between(0, cfg.horizonMs);
            long down = plan.between(1_000, 2 * cfg.leaseMs + 10_000);
            at(at, () -> crash(i, down));
        }
        for (int k = 0; k < cfg.pauses; k++) {
            Instance i = plan.pick(instances);
            long at = plan.between(0, cfg.horizonMs);
            long pause = plan.between(100, 2 * cfg.leaseMs + cfg.timeoutMs);
            at(at, () -> {
                if (i.up) {
                    i.stoppedUntil = Math.max(i.stoppedUntil, now + pause);
                    trace(i.name + " stopped for " + pause + " ms");
                    count("instance stopped");
                }
            });
        }
        windows(enrollmentStopped, cfg.enrollmentStops, 3 * cfg.leaseMs, "enrollment-service stopped (SIGSTOP)");
        windows(contributionStopped, cfg.contributionStops, 3 * cfg.leaseMs, "contribution-service stopped (SIGSTOP)");
        windows(enrollmentDown, cfg.enrollmentDowns, 30_000, "enrollment-service down");
        windows(contributionDown, cfg.contributionDowns, 30_000, "contribution-service down");
        windows(dbDown, cfg.dbOutages, 30_000, "database down");
    }

    /**
     * The hold of the worker's case disappears between the enrollment move and the commit, so that the
     * commit answers 404 and the saga holds again. Only then: once a case can still be abandoned, a lost
     * hold and a hold request arriving late after its release would leave a hold that nobody releases,
     * and no contract lets a hold disappear (it takes restoring the contribution-service's database).
     */
    private void loseHold(Worker w, long t) {
        at(t, () -> {
            for (UUID id : w.cases) {
                TransferCase c = db.get(id);
                if (c.status == TransferStatus.TRANSFERRED_OUT && c.moved && contribution.lose(id)) {
                    trace("world: the hold of " + label(id) + " is gone");
                    count("hold lost before the commit");
                    return;
                }
            }
            if (now < cfg.horizonMs) {
                loseHold(w, now + plan.between(100, 5_000));
            }
        });
    }

    private void windows(List<long[]> into, int count, long longest, String what) {
        for (int k = 0; k < count; k++) {
            long start = plan.between(0, cfg.horizonMs);
            long end = start + plan.between(100, longest);
            into.add(new long[] {start, end});
            at(start, () -> trace(what + " until " + end));
        }
    }

    private static boolean within(List<long[]> windows, long t) {
        for (long[] w : windows) {
            if (t >= w[0] && t < w[1]) {
                return true;
            }
        }
        return false;
    }

    private static long endOf(List<long[]> windows, long t) {
        long end = t;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (long[] w : windows) {
                if (end >= w[0] && end < w[1]) {
                    end = w[1];
                    moved = true;
                }
            }
        }
        return end;
    }

    private boolean faulty() {
        return now < cfg.horizonMs;
    }

    /** Every case ended, nothing owed or claimed, nobody about to act, no request still on its way. */
    private boolean settled() {
        if (pendingDeliveries > 0 || pendingPeople > 0) {
            return false;
        }
        for (TransferCase c : db.all()) {
            if (c.status.isOpen() || c.lease.dueAt != null) {
                return false;
            }
        }
        return true;
    }

    private String unsettled() {
        StringBuilder s = new StringBuilder();
        for (TransferCase c : db.all()) {
            if (c.status.isOpen() || c.lease.dueAt != null) {
                s.append(label(c.id)).append(' ').append(c.status).append(" owes ").append(c.nextAction().orElse(null))
                        .append(" due ").append(c.lease.dueAt).append(" attempts ").append(c.lease.attempts).append(" error ")
                        .append(c.lease.error).append("; ");
            }
        }
        return s + "requests in flight " + pendingDeliveries + ", people acting " + pendingPeople;
    }

    // ------------------------------------------------------------------ scheduling

    private void at(long t, Runnable action) {
        queue.add(new Event(Math.max(t, now), seq++, action));
    }

    /** Something an instance does after {@code delay}, unless it dies first; deferred while it is stopped. */
    private void on(Instance i, long delay, Runnable action) {
        on(i, i.epoch, delay, action);
    }

    private void on(Instance i, int epoch, long delay, Runnable action) {
        at(now + delay, () -> runOn(i, epoch, action));
    }

    private void runOn(Instance i, int epoch, Runnable action) {
        if (!i.up || i.epoch != epoch) {
            return;
        }
        if (now < i.stoppedUntil) {
            at(i.stoppedUntil, () -> runOn(i, epoch, action));
            return;
        }
        action.run();
    }

    private void crash(Instance i, long down) {
        if (!i.up) {
            return;
        }
        i.up = false;
        i.epoch++;
        i.busy = 0;
        i.queue.clear();
        i.polling = false;
        i.batchLeft = 0;
        i.stoppedUntil = 0;
        trace(i.name + " killed (SIGKILL), back in " + down + " ms");
        count("instance killed");
        at(now + down, () -> {
            i.up = true;
            trace(i.name + " started");
            startPolling(i);
        });
    }

    // ------------------------------------------------------------------ the saga's threads: SagaPoller, SagaWorker

    private void startPolling(Instance i) {
        on(i, cfg.startDelayMs, () -> tick(i));
    }

    /** SagaPoller.poll: every poll interval, unless the last poll still runs (SKIP). */
    private void tick(Instance i) {
        on(i, cfg.pollMs, () -> tick(i));
        if (!i.polling) {
            i.polling = true;
            runDue(i);
        }
    }

    /** SagaWorker.runDue: claims a batch, runs each case as far as it goes on the pool, waits for all; again while full. */
    private void runDue(Instance i) {
        tx(i, "claimDue", () -> saga.claimDue(cfg.batchSize), steps -> {
            if (steps.isEmpty()) {
                i.polling = false;
                return;
            }
            boolean full = steps.size() >= cfg.batchSize;
            i.batchLeft = steps.size();
            for (SagaStep step : steps) {
                traceStep(i, "claimed", step);
                submit(i, done -> drive(i, step, () -> {
                    done.run();
                    if (--i.batchLeft == 0) {
                        if (full) {
                            runDue(i);
                        } else {
                            i.polling = false;
                        }
                    }
                }));
            }
        }, () -> i.polling = false);
    }

    /** SagaWorker.kick: after a person's change, the case's step on the pool at once. */
    private void kick(Instance i, UUID transferId) {
        submit(i, done -> tx(i, "claim " + label(transferId), () -> saga.claim(transferId), step -> {
            if (step.isPresent()) {
                traceStep(i, "claimed (kick)", step.get());
                drive(i, step.get(), done);
            } else {
                done.run();
            }
        }, done));
    }

    /** The pool: {@code concurrency} workers, the rest waits in order. */
    private void submit(Instance i, Consumer<Runnable> task) {
        if (i.busy < cfg.concurrency) {
            i.busy++;
            int epoch = i.epoch;
            task.accept(() -> finished(i, epoch));
        } else {
            i.queue.addLast(task);
        }
    }

    private void finished(Instance i, int epoch) {
        if (i.epoch != epoch) {
            return;
        }
        i.busy--;
        Consumer<Runnable> next = i.queue.pollFirst();
        if (next != null) {
            submit(i, next);
        }
    }

    /**
     * SagaWorker.drive: a step that waited past half its lease is renewed first (or dropped if taken over);
     * then the call, and the answer recorded with the next step of the case claimed in one transaction; on
     * while one is due.
     */
    private void drive(Instance i, SagaStep claimed, Runnable done) {
        if (saga.mustRenew(claimed)) {
            count("step renewed before its call");
            tx(i, "renew " + claimed.action() + " " + label(claimed.transferId()), () -> saga.renew(claimed), renewed -> {
                if (renewed.isPresent()) {
                    traceStep(i, "renewed", renewed.get());
                    callAndRecord(i, renewed.get(), done);
                } else {
                    count("step taken over while it waited, not called");
                    traceStep(i, "taken over, not calling", claimed);
                    done.run();
                }
            }, done);
            return;
        }
        callAndRecord(i, claimed, done);
    }

    private void callAndRecord(Instance i, SagaStep step, Runnable done) {
        call(i, step, answer -> {
            SagaStep.Outcome outcome = SagaWorker.call(step, new Answer.Ports(answer), new Answer.Ports(answer));
            tx(i, "record " + step.action() + " " + label(step.transferId()), () -> {
                if (!db.get(step.transferId()).lease.heldBy(step.claim())) {
                    count("answer under a claim another worker took over (ignored)");
                }
                return saga.completeAndClaimNext(step, outcome);
            }, next -> {
                if (next.isPresent()) {
                    traceStep(i, "claimed (next)", next.get());
                    drive(i, next.get(), done);
                } else {
                    done.run();
                }
            }, done);
        });
    }

    /**
     * A transaction of an instance: it runs whole after the database's latency, unless the instance dies
     * first or the database is down (then {@code failed}, as {@code SagaWorker.safely} logs it and the
     * claim lapses). Sometimes it commits and the instance still sees an error (the commit's answer lost).
     */
    private <T> void tx(Instance i, String what, Supplier<T> body, Consumer<T> then, Runnable failed) {
        on(i, net.between(1, cfg.dbLatencyMs), () -> {
            if (within(dbDown, now)) {
                trace(i.name + " " + what + ": database down");
                count("saga transaction failed");
                failed.run();
                return;
            }
            T result = body.get();
            noteStatuses();
            if (faulty() && net.chance(cfg.commitAnswerLost)) {
                trace(i.name + " " + what + ": committed, but the answer of the commit was lost");
                count("saga commit answer lost");
                failed.run();
                return;
            }
            then.accept(result);
        });
    }

    // ------------------------------------------------------------------ the network and the peers

    private long latency() {
        return net.between(1, cfg.latencyMs);
    }

    private void call(Instance i, SagaStep step, Consumer<Answer> then) {
        Call call = new Call(i, step, then);
        boolean toEnrollment = step.action() == SagaAction.MOVE;
        traceStep(i, "calls", step);
        on(i, call.epoch, cfg.timeoutMs, () -> answer(call, new Answer.NoAnswer("timeout")));
        if (within(toEnrollment ? enrollmentDown : contributionDown, now) || faulty() && net.chance(cfg.refused)) {
            on(i, call.epoch, latency(), () -> answer(call, new Answer.NoAnswer("connection refused")));
            return;
        }
        if (faulty() && net.chance(cfg.requestLost)) {
            trace("  request of " + step.action() + " " + label(step.transferId()) + " lost");
            return;
        }
        boolean late = faulty() && net.chance(cfg.late);
        deliver(call, late ? cfg.timeoutMs + net.between(0, 3 * cfg.leaseMs) : latency(), true);
        if (faulty() && net.chance(cfg.repeated)) {
            deliver(call, net.between(0, 3 * cfg.leaseMs), false);
        }
    }

    private void deliver(Call call, long after, boolean answers) {
        pendingDeliveries++;
        at(now + after, () -> arrive(call, answers));
    }

    private void arrive(Call call, boolean answers) {
        boolean toEnrollment = call.step.action() == SagaAction.MOVE;
        List<long[]> stopped = toEnrollment ? enrollmentStopped : contributionStopped;
        if (within(stopped, now)) {
            // a stopped process keeps its connections; it serves what waits, in any order, when it goes on
            at(endOf(stopped, now) + net.between(0, 50), () -> arrive(call, answers));
            return;
        }
        pendingDeliveries--;
        SagaStep s = call.step;
        if (call.answered && answers) {
            count("request served after its client gave up");
        }
        if (!answers) {
            count("request repeated by the network");
        }
        if (within(toEnrollment ? enrollmentDown : contributionDown, now)) {
            trace("  " + s.action() + " " + label(s.transferId()) + " reaches a service that is down");
            if (answers) {
                on(call.from, call.epoch, latency(), () -> answer(call, new Answer.NoAnswer("connection reset")));
            }
            return;
        }
        Answer answer;
        if (faulty() && net.chance(cfg.errorBefore)) {
            answer = Answer.problem(503, "about:blank", "Unavailable, nothing done");
        } else {
            answer = switch (s.action()) {
                case HOLD -> contribution.hold(s.transferId(), s.workerId(), s.scheme(), s.fromRegion(), s.toRegion());
                case MOVE -> enrollment.move(s.transferId(), s.workerId(), s.scheme(), s.toRegion(), s.route(), now);
                case COMMIT -> contribution.commit(s.transferId(), now);
                case RELEASE -> contribution.release(s.transferId());
            };
            if (faulty() && net.chance(cfg.errorAfter)) {
                trace("  " + s.action() + " " + label(s.transferId()) + " done (" + answer.brief() + ") but answered 500");
                answer = Answer.problem(500, "about:blank", "Failed after the work");
            }
        }
        if (answer instanceof Answer.Problem p && p.type().endsWith("already-held")) {
            count("hold: already-held");
        }
        if (s.action() == SagaAction.HOLD && db.get(s.transferId()).status.isAbandoned()) {
            count("hold of an abandoned case (before its release)");
        }
        trace("  " + (toEnrollment ? "enrollment" : "contribution") + " serves " + s.action() + " " + label(s.transferId())
                + (answers ? "" : " (repeated by the network)") + ": " + answer.brief());
        if (!answers) {
            return;
        }
        if (faulty() && net.chance(cfg.answerLost)) {
            trace("  the answer is lost");
            return;
        }
        Answer a = answer;
        on(call.from, call.epoch, latency(), () -> answer(call, a));
    }

    private void answer(Call call, Answer answer) {
        if (call.answered) {
            return;
        }
        call.answered = true;
        trace(call.from.name + " " + call.step.action() + " " + label(call.step.transferId()) + " <- " + answer.brief());
        call.then.accept(answer);
    }

    // ------------------------------------------------------------------ people (what CaseService does for them)

    /** A person acts at {@code t} through a live instance; if none answers, they try again a little later. */
    private void person(long t, Runnable act) {
        pendingPeople++;
        at(t, () -> {
            pendingPeople--;
            act.run();
        });
    }

    /** A request of a person to a live instance: a transaction there, then the kick of the saga; retried if no instance answers. */
    private void request(String what, java.util.function.Function<Instance, UUID> body) {
        List<Instance> up = instances.stream().filter(i -> i.up).toList();
        if (up.isEmpty()) {
            person(now + people.between(500, 5_000), () -> request(what, body));
            return;
        }
        Instance i = people.pick(up);
        boolean[] over = {false};
        pendingPeople++;
        on(i, net.between(1, cfg.dbLatencyMs), () -> {
            if (within(dbDown, now)) {
                trace(i.name + " " + what + ": database down, 500");
                return;
            }
            if (!over[0]) {
                over[0] = true;
                pendingPeople--;
            }
            UUID kick = body.apply(i);
            noteStatuses();
            if (kick != null && db.get(kick).lease.waiting()) {
                kick(i, kick);
            }
        });
        // no answer in time (the instance died or stood still, the database was down): the person tries again
        at(now + 30_000, () -> {
            if (!over[0]) {
                over[0] = true;
                pendingPeople--;
                request(what, body);
            }
        });
    }

    private void apply(Worker w) {
        request(w.name + " applies", i -> {
            SimEnrollment.Enrollment current = enrollment.current(w.id, w.scheme);
            if (current == null || !current.region.equals(w.from)) {
                trace(i.name + " " + w.name + " applies: 409, no current enrollment in " + w.from);
                return null;
            }
            for (UUID id : w.cases) {
                if (db.get(id).status.isOpen()) {
                    return null;
                }
            }
            UUID id = people.uuid();
            labels.put(id, "#" + (labels.size() + 1) + "(" + w.name + ")");
            Instant t = clock.instant();
            TransferCase c = TransferCase.submit(id, w.enrollments(), w.scheme, w.from, w.to,
                    new TemporaryAccountRule.Decision(w.temporary, w.temporary ? "Over the age limit" : "Under the age limit"),
                    DEADLINES, CALENDAR, t, today());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("scheme", w.scheme);
            data.put("route", c.route);
            data.put("fromRegion", w.from);
            data.put("toRegion", w.to);
            data.put("reviewDueOn", c.deadline(Step.REVIEW).dueOn);
            db.insert(c);
            db.append(TransferEvent.append(c, Events.SUBMITTED, "worker", data, t));
            w.cases.add(id);
            statuses.put(id, new ArrayList<>(List.of(c.status)));
            trace(i.name + " " + label(id) + " SUBMITTED " + c.route);
            decide(w, id);
            return id;
        });
    }

    private void decide(Worker w, UUID id) {
        long decideAt = now + people.between(0, cfg.horizonMs / 3);
        double d = people.unit();
        if (d < cfg.cancel) {
            person(decideAt, () -> act(id, "cancels", "worker", Events.CANCELLED, c -> c.cancel(clock.instant(), today()), w));
        } else if (d < cfg.cancel + cfg.reject) {
            person(decideAt, () -> act(id, "rejects", "officer:" + w.to, Events.REJECTED,
                    c -> c.reject("Not a resident", clock.instant(), today()), w));
        } else {
            person(decideAt, () -> act(id, "accepts", "officer:" + w.to, Events.ACCEPTED,
                    c -> c.accept(clock.instant(), today(), CALENDAR), w));
            if (!w.temporary) {
                person(decideAt + people.between(0, cfg.horizonMs / 3), () -> transferOut(w, id));
            }
            if (people.chance(0.2)) {
                // a worker who tries to cancel after all: too late once accepted (409), or before it
                person(decideAt + people.between(-5_000, 5_000), () -> act(id, "cancels", "worker", Events.CANCELLED,
                        c -> c.cancel(clock.instant(), today()), w));
            }
        }
    }

    private void transferOut(Worker w, UUID id) {
        TransferCase c = db.get(id);
        if (c.status == TransferStatus.SUBMITTED) {
            // the acceptance has not reached the case yet: the source officer looks again later
            person(now + people.between(1_000, 20_000), () -> transferOut(w, id));
            return;
        }
        act(id, "transfers out", "officer:" + w.from, Events.TRANSFERRED_OUT,
                k -> k.transferOut(clock.instant(), today(), CALENDAR), w);
    }

    private void act(UUID id, String verb, String actor, String event, Consumer<TransferCase> change, Worker w) {
        request(label(id) + " " + verb, i -> {
            TransferCase c = db.get(id);
            try {
                change.accept(c);
            } catch (ProblemException refused) {
                trace(i.name + " " + label(id) + " " + verb + ": 409 (" + c.status + ")");
                return null;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            if (event.equals(Events.REJECTED)) {
                data.put("reason", c.rejectionReason);
            } else if (!event.equals(Events.CANCELLED)) {
                data.put("nextStep", c.currentStep);
                data.put("dueOn", c.currentDueOn);
            }
            db.append(TransferEvent.append(c, event, actor, data, clock.instant()));
            trace(i.name + " " + label(id) + " " + verb + " -> " + c.status);
            if (c.status.isAbandoned()) {
                applyAgain(w);
            }
            return id;
        });
    }

    /** After a case of theirs ended without moving, the worker may apply once more (while its hold may still be released). */
    private void applyAgain(Worker w) {
        if (!w.appliedAgain && people.chance(cfg.applyAgain)) {
            w.appliedAgain = true;
            person(now + people.between(0, cfg.horizonMs / 3), () -> apply(w));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Records each case's status after a transaction, and lets a worker apply again after a case the saga failed. */
    private void noteStatuses() {
        for (TransferCase c : db.all()) {
            List<TransferStatus> seen = statuses.get(c.id);
            if (seen.get(seen.size() - 1) != c.status) {
                seen.add(c.status);
                if (c.status == TransferStatus.FAILED) {
                    for (Worker w : workers) {
                        if (w.cases.contains(c.id)) {
                            applyAgain(w);
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ the trace

    String label(UUID id) {
        return labels.getOrDefault(id, id.toString().substring(0, 8));
    }

    private void traceStep(Instance i, String what, SagaStep step) {
        trace(i.name + " " + what + " " + step.action() + " " + label(step.transferId()) + " attempt " + step.attempt()
                + " claim " + step.claim().toString().substring(0, 8));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    void count(String what) {
        reached.merge(what, 1L, Long::sum);
    }

    void trace(String line) {
        String l = now + " " + line;
        // two 64-bit lanes over each line's String.hashCode (fixed by the Java spec) and length: cheap, and
        // the same on every JDK; SHA-256 of every line took most of a run's time
        long h = l.hashCode() & 0xFFFF_FFFFL | (long) l.length() << 32;
        hashA = mix(hashA ^ h);
        hashB = mix(hashB + h * 0x9E3779B97F4A7C15L);
        if (keepTrace) {
            trace.add(l);
        }
    }
}
