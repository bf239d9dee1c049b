package org.psi.contribution.credential;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.credential.CredentialDtos.CredentialRequest;
import org.psi.contribution.credential.CredentialDtos.IssuedCredential;

/** A worker's proof of insurance that she controls (an SD-JWT VC), beside her statement and certificate. */
@Path("/api/workers/me/credentials/insurance")
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
    @Produces({CredentialDtos.SD_JWT, MediaType.APPLICATION_JSON})
    @Operation(operationId = "issueCredential", summary = "A new credential of my insurance in a scheme",
            description = "An SD-JWT VC of the scheme's record (scheme, region and since when, counted months in all and by region, first counted month, insured now, individual account, name), every claim selectively disclosable, no identifier of the holder. Bound to `holderKey` when given. As `application/dc+sd-jwt` (the default) the credential itself; with Accept: application/json a view with what it holds. Its status list entry turns INVALID when anything it states changes (a payment, a reversal, a transfer, a re-assessment, an enrollment change): ask for a new one then. Ask for one per verifier to stay unlinkable.")
    @APIResponse(responseCode = "201", description = "The credential", content = {
            @Content(mediaType = CredentialDtos.SD_JWT, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 16384)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedCredential.class))})
    @APIResponse(responseCode = "400", description = "No body, a missing or unknown scheme, OCCUPATIONAL_INJURY, or a holder key that is not an EC P-256 public key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@Valid @NotNull CredentialRequest request, @Context HttpHeaders headers) {
        CredentialService.Issued c = credentials.issue(caller.subject(), request.scheme(), request.holderKey());
        if (org.psi.common.api.AcceptHeader.prefersJsonTo(headers, CredentialDtos.SD_JWT)) {
            return Response.status(201).type(MediaType.APPLICATION_JSON).entity(new IssuedCredential(c.credential(), credentials.vct(),
                    c.disclosable(), c.keyBound(), c.expiresAt())).build();
        }
        return Response.status(201).type(CredentialDtos.SD_JWT).entity(c.credential()).build();
    }
}
