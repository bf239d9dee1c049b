package org.psi.common.events;

import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.psi.common.api.ProblemException;

/**
 * The one call a service still makes for a person's request when its copy does not know her login
 * yet: the enrollment-service's state of that worker as events. The call itself is guarded by the
 * caller's fault-tolerance annotations (timeout, circuit breaker, retry of a broken connection);
 * this turns its outcome into the answer: the events, a 404 when the worker is not registered, or a
 * 503 problem at once for anything else (no answer, timeout, breaker open).
 */
public final class PeerLookup {

    private static final Logger LOG = Logger.getLogger(PeerLookup.class);

    private PeerLookup() {
    }

    public static FeedPage workerState(Supplier<FeedPage> guardedCall, Supplier<ProblemException> notRegistered,
                                       Supplier<ProblemException> unavailable) {
        try {
            return guardedCall.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw notRegistered.get();
            }
            LOG.warnf("The enrollment-service refused a worker lookup: %d", e.getResponse().getStatus());
            throw unavailable.get();
        } catch (RuntimeException e) {
            LOG.warnf("The enrollment-service did not answer a worker lookup: %s", e.getClass().getSimpleName());
            throw unavailable.get();
        }
    }
}
