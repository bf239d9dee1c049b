package org.psi.contribution.credential;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.credential.CredentialDtos.CredentialRequest;
import org.psi.contribution.credential.CredentialDtos.IssuedCredential;

/** A worker's proof of insurance that she controls (an SD-JWT VC), beside her statement and certificate. */
@Path("/api/workers/me/credentials")
@RolesAllowed(Roles.WORKER)
@Tag(name = "Statements", description = "A worker's own statement and contribution certificate")
public class WorkerCredentialResource {

    private final CredentialService credentials;
    private final Caller caller;

    public WorkerCredentialResource(CredentialService credentials, Caller caller) {
        this.credentials = credentials;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueCredential", summary = "A new credential of my insurance in a scheme",
            description = "An SD-JWT VC of the scheme's record (scheme, region and since when, counted months in all and by region, first counted month, insured now, individual account, name), every claim selectively disclosable, no identifier of the holder. Bound to `holderJwk` when given. Its status list entry turns INVALID when anything it states changes (a payment, a reversal, a transfer, a re-assessment, an enrollment change): ask for a new one then. Ask for one per verifier to stay unlinkable.")
    @Parameter(name = "scheme", required = true, example = "PENSION")
    @APIResponse(responseCode = "201", description = "The credential", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedCredential.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown scheme, OCCUPATIONAL_INJURY, or a holder key that is not an EC P-256 public key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@QueryParam("scheme") String scheme, @Valid CredentialRequest request) {
        CredentialService.Issued c = credentials.issue(caller.subject(), scheme, request == null ? null : request.holderJwk());
        return Response.status(201).entity(new IssuedCredential(c.credential(), credentials.vct(), c.disclosable(), c.keyBound(),
                c.expiresAt())).build();
    }
}
