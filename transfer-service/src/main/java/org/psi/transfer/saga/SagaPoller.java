package org.psi.transfer.saga;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The saga's poll loop: every {@code psi.saga.poll-interval} it runs the due steps, until none is
 * left. This is what resumes cases after a restart (their claims lapse, their steps are due again)
 * and what retries failed calls.
 */
@ApplicationScoped
public class SagaPoller {

    private final SagaWorker worker;
    private final SagaSettings settings;

    public SagaPoller(SagaWorker worker, SagaSettings settings) {
        this.worker = worker;
        this.settings = settings;
    }

    @Scheduled(identity = "saga-poll", every = "${psi.saga.poll-interval}", delayed = "${psi.saga.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!settings.enabled()) {
            return;
        }
        while (worker.runDue() >= settings.batchSize()) {
            // a full batch: more may be due
        }
    }
}
