package org.psi.transfer.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.psi.common.domain.Scheme;

/** The contribution-service's internal API, called with this service's client-credentials token (role internal). */
@Path("/internal")
@RegisterRestClient(configKey = "contribution")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ContributionClient {

    @GET
    @Path("/workers/{workerId}/transfer-quote")
    ClientDtos.QuoteResponse quote(@PathParam("workerId") UUID workerId, @QueryParam("scheme") Scheme scheme,
                                   @QueryParam("fromRegion") String fromRegion);

    @GET
    @Path("/workers/{workerId}/pension-record")
    ClientDtos.PensionRecordResponse pensionRecord(@PathParam("workerId") UUID workerId,
                                                   @QueryParam("claimRegion") java.util.List<String> claimRegions);

    @PUT
    @Path("/transfers/{transferId}/hold")
    ClientDtos.HoldResponse hold(@PathParam("transferId") UUID transferId, ClientDtos.HoldRequest body);

    /** The body of the answer is not needed: a 2xx means committed (now or before). */
    @PUT
    @Path("/transfers/{transferId}/commit")
    Response commit(@PathParam("transferId") UUID transferId);

    /** The body of the answer is not needed: a 2xx means released (now or before). */
    @PUT
    @Path("/transfers/{transferId}/release")
    Response release(@PathParam("transferId") UUID transferId);
}
