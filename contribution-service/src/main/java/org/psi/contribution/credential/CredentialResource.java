package org.psi.contribution.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.contribution.credential.CredentialDtos.CredentialVerification;
import org.psi.contribution.credential.CredentialDtos.Presentation;

/** Public: what a verifier of a credential needs (the issuer's keys, the status lists) and a verifier. */
@Path("/")
@PermitAll
@SecurityRequirementsSet
@Tag(name = "Credentials", description = "Public: the issuer metadata and status lists of the SD-JWT VC credentials, and a verifier")
public class CredentialResource {

    private final CredentialService credentials;

    public CredentialResource(CredentialService credentials) {
        this.credentials = credentials;
    }

    @GET
    @Path(".well-known/jwt-vc-issuer")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "credentialIssuerMetadata", summary = "The credential issuer's metadata",
            description = "Where the SD-JWT VC draft places it for an issuer identifier without a path (`iss` is this service's address): the issuer and its public keys (jwks).")
    @APIResponse(responseCode = "200", description = "issuer and jwks", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public Map<String, Object> issuer() {
        return credentials.issuerMetadata();
    }

    @GET
    @Path("api/credentials/status/{listId}")
    @Produces(CredentialDtos.STATUS_LIST)
    @Operation(operationId = "statusList", summary = "A status list of the credentials",
            description = "A status list token (draft-ietf-oauth-status-list-12): a JWT signed by the issuer's keys, `status_list` with 1 bit per credential (0 VALID, 1 INVALID), ZLIB-compressed, base64url; `ttl` says how long it may be cached.")
    @APIResponse(responseCode = "200", description = "The status list token", content = @Content(mediaType = CredentialDtos.STATUS_LIST, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 65536)))
    @APIResponse(responseCode = "404", description = "No such list", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response statusList(@PathParam("listId") @Schema(minimum = "1", maximum = "100000") int list) {
        String token = credentials.statusList(list).orElseThrow(() -> ProblemException.notFound("contribution.credential.status-list-not-found", list));
        return Response.ok(token, CredentialDtos.STATUS_LIST)
                .header("Cache-Control", "public, max-age=" + CredentialService.STATUS_TTL.toSeconds()).build();
    }

    @POST
    @Path("api/credentials/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyCredential", summary = "Verify a presentation of a credential",
            description = "Checks the issuer's signature, the type and expiry, that each disclosure is one the credential committed to, the key binding (signed by the holder's key, for this nonce and audience, within 5 minutes, over this presentation) and the status list entry; answers the claims disclosed. Verifiers may do the same offline with any SD-JWT VC library.")
    @APIResponse(responseCode = "200", description = "The verdict and the disclosed claims", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CredentialVerification.class)))
    @APIResponse(responseCode = "400", description = "No presentation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CredentialVerification verify(@Valid @NotNull Presentation p) {
        CredentialService.Verification v = credentials.verify(p.presentation(), p.nonce(), p.audience());
        return new CredentialVerification(v.valid(), v.reason(), v.reason() == null || "REVOKED".equals(v.reason()) ? v.keyBound() : null,
                v.disclosed(), v.vct(), v.expiresAt());
    }
}
