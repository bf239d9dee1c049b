package org.psi.transfer.saga;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Carries out saga steps: claims due steps from the database, calls the other service for each
 * (outside any transaction, idempotent by transfer id), applies the outcome, and goes on with the
 * next step of the same case while one is due. Steps run on a small pool; a poll
 * ({@link SagaPoller}) picks up what is due (retries, and cases left by a crashed instance once
 * their claim lapses), and a change made by a person kicks its case at once.
 */
@ApplicationScoped
public class SagaWorker {

    private static final Logger LOG = Logger.getLogger(SagaWorker.class);

    private final SagaService saga;
    private final EnrollmentPort enrollment;
    private final ContributionPort contribution;
    private final SagaSettings settings;
    private final ExecutorService pool;
    private volatile boolean stopping;

    public SagaWorker(SagaService saga, EnrollmentPort enrollment, ContributionPort contribution, SagaSettings settings) {
        this.saga = saga;
        this.enrollment = enrollment;
        this.contribution = contribution;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "saga-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the step of a case now if one is due (after a person changed it). No-op when the saga is disabled. */
    public void kick(UUID transferId) {
        if (!settings.enabled() || stopping) {
            return;
        }
        try {
            pool.submit(() -> drive(safely(() -> saga.claim(transferId)).flatMap(o -> o)));
        } catch (RejectedExecutionException e) {
            // shutting down: the poll of the next start picks the case up
        }
    }

    /** Claims a batch of due steps and carries each case as far as it goes; returns how many steps were claimed. */
    public int runDue() {
        if (stopping) {
            return 0;
        }
        List<SagaStep> steps = saga.claimDue(settings.batchSize());
        List<Callable<Void>> tasks = new ArrayList<>();
        for (SagaStep step : steps) {
            tasks.add(() -> {
                drive(Optional.of(step));
                return null;
            });
        }
        try {
            pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            // shutting down
        }
        return steps.size();
    }

    private void drive(Optional<SagaStep> first) {
        Optional<SagaStep> step = first;
        while (step.isPresent() && !stopping) {
            SagaStep claimed = step.get();
            SagaStep call = claimed;
            if (saga.mustRenew(claimed)) {
                // the step waited (a full pool, a pause): its claim may have lapsed and been taken over
                Optional<Optional<SagaStep>> renewed = safely(() -> saga.renew(claimed));
                if (renewed.isEmpty()) {
                    return; // the database failed (logged): not calling; the claim lapses
                }
                if (renewed.get().isEmpty()) {
                    LOG.infof("Transfer %s: %s was taken over while it waited; not calling", claimed.transferId(), claimed.action());
                    return;
                }
                call = renewed.get().get();
            }
            SagaStep.Outcome outcome = execute(call);
            SagaStep made = call;
            step = safely(() -> saga.completeAndClaimNext(made, outcome)).flatMap(o -> o);
        }
    }

    /** Makes the call of a step. Public so that a test can stop a worker between call and record. */
    public SagaStep.Outcome execute(SagaStep step) {
        return call(step, enrollment, contribution);
    }

    /**
     * The call a step makes, and its answer as an outcome: done, or failed (any exception other than a
     * {@link RemoteCallException} counts as a passing failure). Static so that the simulation of the saga
     * makes its calls through the same code.
     */
    public static SagaStep.Outcome call(SagaStep step, EnrollmentPort enrollment, ContributionPort contribution) {
        try {
            return switch (step.action()) {
                case HOLD -> new SagaStep.Done(contribution.hold(step.transferId(), step.workerId(), step.scheme(),
                        step.fromRegion(), step.toRegion()), null);
                case MOVE -> new SagaStep.Done(null, enrollment.moveEnrollment(step.transferId(), step.workerId(),
                        step.scheme(), step.toRegion(), step.route()));
                case COMMIT -> {
                    contribution.commit(step.transferId());
                    yield new SagaStep.Done(null, null);
                }
                case RELEASE -> {
                    contribution.release(step.transferId());
                    yield new SagaStep.Done(null, null);
                }
            };
        } catch (RemoteCallException e) {
            return new SagaStep.Failed(e);
        } catch (RuntimeException e) {
            return new SagaStep.Failed(RemoteCallException.transientFailure(
                    step.action() + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage(), e));
        }
    }

    /** A database failure in the saga's own bookkeeping: log it; the claim lapses and the step is taken again. */
    private static <T> Optional<T> safely(Callable<T> call) {
        try {
            return Optional.ofNullable(call.call());
        } catch (Exception e) {
            LOG.warnf(e, "Saga bookkeeping failed; the step will be retried after its claim lapses");
            return Optional.empty();
        }
    }
}
