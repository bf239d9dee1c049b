package org.psi.transfer.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.psi.common.events.FeedPage;

/**
 * The enrollment-service's event feed (docs/INTERNAL-API.md): pulled with a long poll, so its read
 * timeout is longer than the wait it asks for; and one worker's state as events, for a login the
 * copy does not know yet.
 */
@RegisterRestClient(configKey = "enrollment-feed")
@OidcClientFilter
@Path("/internal/events")
@Produces(MediaType.APPLICATION_JSON)
public interface EnrollmentFeedClient {

    @GET
    FeedPage events(@QueryParam("after") long after, @QueryParam("limit") int limit,
                    @QueryParam("waitSeconds") int waitSeconds);

    @GET
    @Path("/workers/by-subject/{subject}")
    FeedPage workerBySubject(@PathParam("subject") String subject);
}
