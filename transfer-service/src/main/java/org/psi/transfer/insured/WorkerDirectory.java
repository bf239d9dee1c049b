package org.psi.transfer.insured;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.psi.common.api.ProblemException;
import org.psi.common.events.FeedPage;
import org.psi.common.events.PeerLookup;
import org.psi.common.i18n.Message;
import org.psi.transfer.application.WorkerEnrollments;
import org.psi.transfer.client.EnrollmentFeedClient;

/**
 * The worker behind a login, as the transfer rules see them: from this service's copy of the
 * enrollment-service's facts ({@link EnrollmentCopy}); a login the copy does not know yet is looked
 * up once (2 s timeout, circuit breaker: 503 at once while the enrollment-service cannot answer) and kept.
 */
@ApplicationScoped
public class WorkerDirectory {


    private final InsuredStore store;
    private final EnrollmentCopy copy;
    private final Lookup lookup;

    public WorkerDirectory(InsuredStore store, EnrollmentCopy copy, Lookup lookup) {
        this.store = store;
        this.copy = copy;
        this.lookup = lookup;
    }

    public WorkerEnrollments bySubject(String subject) {
        return store.bySubject(subject).orElseGet(() -> {
            FeedPage state = lookup.bySubject(subject);
            QuarkusTransaction.requiringNew().run(() -> state.events().forEach(copy::apply));
            return store.bySubject(subject).orElseThrow(WorkerDirectory::notRegistered);
        });
    }

    static ProblemException notRegistered() {
        return new ProblemException(404, "not-registered", Message.of("common.title.not-found"),
                Message.of("transfer.worker.not-registered"));
    }

    /** The one call left for a person's request: guarded, so a peer down or frozen costs at most 2 s, then nothing while the breaker is open. */
    @ApplicationScoped
    public static class Lookup {

        private final EnrollmentFeedClient client;

        public Lookup(@RestClient EnrollmentFeedClient client) {
            this.client = client;
        }

        public FeedPage bySubject(String subject) {
            return PeerLookup.workerState(() -> guarded(subject), WorkerDirectory::notRegistered, Lookup::unavailable);
        }

        @Timeout(2000)
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
        // a connection that broke (a pooled one to an enrollment-service that restarted) is tried once more on a new one
        @Retry(maxRetries = 1, delay = 0, retryOn = ProcessingException.class, abortOn = WebApplicationException.class)
        FeedPage guarded(String subject) {
            return client.workerBySubject(subject);
        }

        private static ProblemException unavailable() {
            return ProblemException.unavailable("upstream-unavailable", "transfer.upstream.no-answer", "enrollment-service");
        }
    }
}
