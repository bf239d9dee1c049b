package org.psi.contribution.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.psi.common.events.FeedPage;

/**
 * The transfer-service's event feed (the steps of its cases, docs/INTERNAL-API.md), pulled with a
 * long poll for the workers' inboxes.
 */
@RegisterRestClient(configKey = "transfer-feed")
@OidcClientFilter
@Path("/internal/events")
@Produces(MediaType.APPLICATION_JSON)
public interface TransferFeedClient {

    @GET
    FeedPage events(@QueryParam("after") long after, @QueryParam("limit") int limit,
                    @QueryParam("waitSeconds") int waitSeconds);
}
