package org.psi.common.events;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Read-your-writes across services: when a request changed something other services keep a copy
 * of, its response is sent once the live readers of those streams have applied the change (or
 * after {@code psi.events.read-your-writes-timeout}), so the caller's next read in any service sees
 * it. As with a synchronous standby in PostgreSQL, a reader that is down is not waited for.
 */
@Provider
public class ReadYourWritesFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        try (InstanceHandle<EmittedEvents> emitted = Arc.container().instance(EmittedEvents.class)) {
            if (!emitted.isAvailable() || emitted.get().isEmpty()) {
                return;
            }
            Arc.container().instance(EventFeed.class).get().awaitReaders(emitted.get().ids());
        }
    }
}
