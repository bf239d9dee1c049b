package org.psi.contribution.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.psi.contribution.client.EnrollmentRecords.EligibilityRequest;
import org.psi.contribution.client.EnrollmentRecords.EligibilityResponse;
import org.psi.contribution.client.EnrollmentRecords.WorkerRecord;

/**
 * The enrollment-service's internal API (docs/INTERNAL-API.md), called with this service's own
 * client-credentials token (role {@code internal}) that the OIDC client filter gets and refreshes.
 */
@RegisterRestClient(configKey = "enrollment")
@OidcClientFilter
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EnrollmentClient {

    /** One call per contribution batch: the platform, and each asked citizen ID's worker, in order. */
    @POST
    @Path("/eligibility")
    EligibilityResponse eligibility(EligibilityRequest request);

    @GET
    @Path("/workers/{workerId}")
    WorkerRecord worker(@PathParam("workerId") UUID workerId);

    @GET
    @Path("/workers/by-subject/{subject}")
    WorkerRecord bySubject(@PathParam("subject") String subject);
}
