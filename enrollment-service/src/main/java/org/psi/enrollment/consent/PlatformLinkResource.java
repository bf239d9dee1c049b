package org.psi.enrollment.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.enrollment.consent.ConsentDtos.Link;
import org.psi.enrollment.consent.ConsentDtos.LinkRequest;
import org.psi.enrollment.platform.PlatformDtos;
import org.psi.enrollment.worker.WorkerService;

@Path("/api/workers/me/platform-links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.WORKER)
@Tag(name = "Consents", description = "Which platforms may contribute for the worker")
public class PlatformLinkResource {

    private final ConsentService consents;
    private final WorkerService workers;
    private final Caller caller;

    public PlatformLinkResource(ConsentService consents, WorkerService workers, Caller caller) {
        this.consents = consents;
        this.workers = workers;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Let a platform contribute for me", description = "From now on the platform's contribution lines for the caller are accepted. Linking an already linked platform returns the existing link (200).")
    @APIResponse(responseCode = "201", description = "Linked", content = @Content(schema = @Schema(implementation = Link.class)))
    @APIResponse(responseCode = "200", description = "Already linked", content = @Content(schema = @Schema(implementation = Link.class)))
    @APIResponse(responseCode = "400", description = "Unknown platform", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Linked at the same moment by another request, or as many consents as a worker keeps", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response grant(@Valid @NotNull LinkRequest body) {
        ConsentService.Granted granted = consents.grant(workers.me(caller.subject()), body.platformCode());
        Link link = Link.of(granted.link());
        return granted.created()
                ? Response.created(URI.create("/api/workers/me/platform-links/" + link.platformCode())).entity(link).build()
                : Response.ok(link).build();
    }

    @GET
    @Operation(operationId = "listMyConsents", summary = "My consents, active and revoked")
    @APIResponse(responseCode = "200", description = "The consents", content = @Content(schema = @Schema(implementation = Link.class, type = SchemaType.ARRAY,
            maxItems = ConsentService.MAX_CONSENTS)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Link> list() {
        return consents.ofWorker(workers.me(caller.subject())).stream().map(Link::of).toList();
    }

    @DELETE
    @Path("/{platformCode}")
    @Operation(summary = "Revoke a platform's right to contribute for me", description = "Lines the platform sends after now are rejected; lines already accepted stay.")
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(schema = @Schema(implementation = Link.class)))
    @APIResponse(responseCode = "404", description = "No active link to this platform", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Link revoke(@PathParam("platformCode") @Schema(maxLength = PlatformDtos.CODE_MAX) String platformCode) {
        return Link.of(consents.revoke(workers.me(caller.subject()), platformCode));
    }
}
