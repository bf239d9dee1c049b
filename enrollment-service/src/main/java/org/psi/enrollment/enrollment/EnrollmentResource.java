package org.psi.enrollment.enrollment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.enrollment.enrollment.EnrollmentDtos.Change;
import org.psi.enrollment.enrollment.EnrollmentDtos.Request;
import org.psi.enrollment.enrollment.EnrollmentDtos.View;
import org.psi.enrollment.worker.WorkerService;

@Path("/api/workers/me/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.WORKER)
@Tag(name = "Enrollments", description = "A worker's enrollments in pension, medical and occupational-injury schemes")
public class EnrollmentResource {

    private final EnrollmentService enrollments;
    private final WorkerService workers;
    private final Caller caller;
    private final Clock clock;

    public EnrollmentResource(EnrollmentService enrollments, WorkerService workers, Caller caller, Clock clock) {
        this.enrollments = enrollments;
        this.workers = workers;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Operation(summary = "Enrol in a scheme", description = "The region must be a pooling region of the scheme; PENSION and MEDICAL need a baseGrade of 60 to 300. One current enrollment per scheme nationwide: to change region, apply for a transfer.")
    @APIResponse(responseCode = "201", description = "Enrolled", content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Unknown scheme, not a pooling region, grade out of range, bad month", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already enrolled in this scheme (apply for a transfer instead), or as many enrollments as a worker keeps", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Outside the age limits", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enrol(@Valid @NotNull Request body) {
        EnrollmentTimeline t = enrollments.enrol(workers.me(caller.subject()),
                new EnrollmentService.Enrolment(body.scheme(), body.region(), body.baseGrade(), body.startMonth()));
        return Response.created(URI.create("/api/workers/me/enrollments/" + t.enrollment().id))
                .entity(View.of(t, YearMonth.now(clock))).build();
    }

    @GET
    @Operation(operationId = "listMyEnrollments", summary = "The caller's enrollments with their history", description = "Status, region, base grade changes and covered months of every enrollment, current and closed.")
    @APIResponse(responseCode = "200", description = "The enrollments", content = @Content(schema = @Schema(implementation = View.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
            maxItems = EnrollmentService.MAX_ENROLLMENTS)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<View> list() {
        YearMonth thisMonth = YearMonth.now(clock);
        return enrollments.ofWorker(workers.me(caller.subject())).stream().map(t -> View.of(t, thisMonth)).toList();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change the base grade, or suspend or reactivate", description = "Takes effect from the next month; the history is kept.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Nothing to change, grade out of range, or a status other than SUSPENDED/ACTIVE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such enrollment of the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The enrollment is closed or temporary, or has as many changes as one keeps", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View change(@PathParam("id") UUID id, @Valid @NotNull Change body) {
        EnrollmentTimeline t = enrollments.change(workers.me(caller.subject()), id,
                new EnrollmentService.Change(body.baseGrade(), body.status()));
        return View.of(t, YearMonth.now(clock));
    }
}
