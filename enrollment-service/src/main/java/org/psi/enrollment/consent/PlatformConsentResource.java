package org.psi.enrollment.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.enrollment.consent.ConsentDtos.PlatformConsent;

/**
 * A consent as the platform it names sees it: what a consent webhook tells the platform is the link
 * id only, and the platform reads the link here, with the citizen ID it already reports the worker
 * with (every such read is audited, as an officer's reveal is). Another platform's link does not exist.
 */
@Path("/api/platforms/me/consents")
@RolesAllowed(Roles.PLATFORM)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Which platforms may contribute for the worker")
public class PlatformConsentResource {

    private final ConsentService consents;
    private final Caller caller;

    public PlatformConsentResource(ConsentService consents, Caller caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @GET
    @Path("/{linkId}")
    @Operation(operationId = "platformConsent", summary = "A consent given to the calling platform",
            description = "Its state (ACTIVE or REVOKED), when it was granted and revoked, and the worker's citizen ID (the platform reports her with it). The read is audited.")
    @APIResponse(responseCode = "200", description = "The consent", content = @Content(schema = @Schema(implementation = PlatformConsent.class)))
    @APIResponse(responseCode = "404", description = "No such consent given to this platform, or no platform registered for this client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlatformConsent consent(@PathParam("linkId") UUID linkId) {
        ConsentService.ForPlatform c = consents.forPlatform(caller.clientId(), linkId);
        return new PlatformConsent(c.link().id, c.link().isActive() ? "ACTIVE" : "REVOKED", c.link().grantedAt, c.link().revokedAt,
                c.nationalId());
    }
}
