package org.psi.enrollment.worker;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.enrollment.worker.WorkerDtos.Profile;
import org.psi.enrollment.worker.WorkerDtos.Registration;

@Path("/api/workers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workers", description = "Registration of platform workers and their profile")
public class WorkerResource {

    private final WorkerService workers;
    private final Caller caller;

    public WorkerResource(WorkerService workers, Caller caller) {
        this.workers = workers;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Register the calling worker", description = "Binds the token subject to a citizen ID. The ID is validated (GB 11643), stored encrypted, and shown masked from now on.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = Profile.class)))
    @APIResponse(responseCode = "400", description = "Invalid citizen ID, unknown region or missing field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This login or this citizen ID is already registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull Registration body) {
        Worker w = workers.register(caller.subject(), new WorkerService.Registration(
                body.nationalId(), body.name(), body.phone(), body.hukouRegion(), body.residenceRegion()));
        return Response.created(URI.create("/api/workers/" + w.id)).entity(Profile.of(w, null)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "The calling worker's profile", description = "The citizen ID is masked to its last 4 characters.")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(schema = @Schema(implementation = Profile.class)))
    @APIResponse(responseCode = "404", description = "Not registered yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Profile me() {
        return Profile.of(workers.me(caller.subject()), null);
    }

    @GET
    @Path("/{workerId}")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "A worker's profile, for an officer of a region where the worker is or was enrolled, or an admin",
            description = "With reveal=true and a reason, an officer sees the full citizen ID; the read is audited.")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(schema = @Schema(implementation = Profile.class)))
    @APIResponse(responseCode = "400", description = "reveal=true without a reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Wrong role, or reveal asked by someone other than an officer")
    @APIResponse(responseCode = "404", description = "No such worker in the caller's region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Profile byId(@PathParam("workerId") UUID workerId, @QueryParam("reveal") boolean reveal,
                        @QueryParam("reason") @Schema(maxLength = WorkerService.REASON_MAX, description = "Why the full citizen ID is shown: 5 to 500 characters, with reveal=true") String reason) {
        boolean officer = caller.is(Roles.OFFICER);
        Worker w = workers.forOfficial(workerId, officer ? caller.officerRegion() : null, caller.is(Roles.ADMIN));
        if (!reveal) {
            return Profile.of(w, null);
        }
        if (!officer) {
            throw ProblemException.forbidden("enrollment.reveal.officer-only");
        }
        return Profile.of(w, workers.reveal(w, caller.describe(), reason).value());
    }
}
