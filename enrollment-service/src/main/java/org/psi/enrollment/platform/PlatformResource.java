package org.psi.enrollment.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.enrollment.platform.PlatformDtos.Registration;
import org.psi.enrollment.platform.PlatformDtos.View;

@Path("/api/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = "Platform companies that contribute for workers")
public class PlatformResource {

    private final PlatformService platforms;
    private final Caller caller;

    public PlatformResource(PlatformService platforms, Caller caller) {
        this.platforms = platforms;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerPlatform", summary = "Register a platform", description = "The credit code must be a valid unified social credit code (GB 32100); the client id is the OIDC client the platform's servers log in with.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Invalid credit code, code or sector", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Code, credit code or client id already registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull Registration body) {
        Platform p = platforms.register(new PlatformService.Registration(body.code(), body.name(), body.creditCode(),
                body.clientId(), body.sectors()));
        return Response.created(URI.create("/api/platforms/" + p.code)).entity(View.of(p)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(operationId = "myPlatform", summary = "The calling platform", description = "Matched by the client id of the token.")
    @APIResponse(responseCode = "200", description = "The platform", content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "No platform is registered for this client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View me() {
        return View.of(platforms.byClientId(caller.clientId()));
    }
}
