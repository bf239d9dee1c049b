package org.psi.contribution.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.psi.common.events.FeedPage;

/**
 * The one lookup left on the enrollment-service (docs/INTERNAL-API.md): the state of a worker whose
 * login this service meets for the first time. Called with this service's own client-credentials
 * token (role {@code internal}); a short read timeout, since a person is waiting.
 */
@RegisterRestClient(configKey = "enrollment")
@OidcClientFilter
@Path("/internal/events")
@Produces(MediaType.APPLICATION_JSON)
public interface EnrollmentClient {

    @GET
    @Path("/workers/by-subject/{subject}")
    FeedPage workerBySubject(@PathParam("subject") String subject);
}
