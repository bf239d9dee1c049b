package org.psi.transfer.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The enrollment-service's internal API, called with this service's client-credentials token (role internal). */
@Path("/internal")
@RegisterRestClient(configKey = "enrollment")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EnrollmentClient {

    @PUT
    @Path("/transfers/{transferId}/enrollment-move")
    ClientDtos.MoveResponse move(@PathParam("transferId") UUID transferId, ClientDtos.MoveRequest body);
}
