package org.psi.enrollment.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.security.Roles;
import org.psi.enrollment.internal.InternalDtos.Answer;
import org.psi.enrollment.internal.InternalDtos.EligibilityRequest;
import org.psi.enrollment.internal.InternalDtos.EligibilityResponse;
import org.psi.enrollment.internal.InternalDtos.EnrollmentRecord;
import org.psi.enrollment.internal.InternalDtos.MoveRequest;
import org.psi.enrollment.internal.InternalDtos.MoveResponse;
import org.psi.enrollment.internal.InternalDtos.PlatformFacts;
import org.psi.enrollment.internal.InternalDtos.WorkerRecord;

/** What PSI's own services ask of the enrollment-service (role {@code internal}). */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INTERNAL)
@Tag(name = "Internal", description = "For PSI's contribution-service and transfer-service only (role internal)")
public class InternalResource {

    private final DirectoryService directory;
    private final MoveService moves;

    public InternalResource(DirectoryService directory, MoveService moves) {
        this.directory = directory;
        this.moves = moves;
    }

    @POST
    @Path("/eligibility")
    @Operation(summary = "Who may a platform contribute for", description = "One round trip per contribution batch: for each citizen ID (up to 50,000), the worker's enrollments per scheme with region, covered months and base grades, and the consents this platform holds, with their times.")
    @APIResponse(responseCode = "200", description = "One answer per ID, in order", content = @Content(schema = @Schema(implementation = EligibilityResponse.class)))
    @APIResponse(responseCode = "400", description = "No IDs", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No platform for this client id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Too many IDs", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EligibilityResponse eligibility(@Valid @NotNull EligibilityRequest body) {
        DirectoryService.Eligibility result = directory.eligibility(body.platformClientId(), body.nationalIds());
        var p = result.platform();
        List<Answer> answers = result.answers().stream()
                .map(a -> a.dossier().map(d -> new Answer(true, null, WorkerRecord.of(d)))
                        .orElseGet(() -> new Answer(false, a.problem(), null)))
                .toList();
        return new EligibilityResponse(new PlatformFacts(p.code, p.name, p.sectors), answers);
    }

    @GET
    @Path("/workers/{workerId}")
    @Operation(summary = "One worker's enrollments and consents, by worker id")
    @APIResponse(responseCode = "200", description = "The worker", content = @Content(schema = @Schema(implementation = WorkerRecord.class)))
    @APIResponse(responseCode = "404", description = "No such worker", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkerRecord worker(@PathParam("workerId") UUID workerId) {
        return WorkerRecord.of(directory.byId(workerId));
    }

    @GET
    @Path("/workers/by-subject/{subject}")
    @Operation(operationId = "workerRecordBySubject", summary = "One worker's enrollments and consents, by the subject of their login")
    @APIResponse(responseCode = "200", description = "The worker", content = @Content(schema = @Schema(implementation = WorkerRecord.class)))
    @APIResponse(responseCode = "404", description = "No worker has registered with this login", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkerRecord workerBySubject(@PathParam("subject") @Schema(maxLength = InternalDtos.SUBJECT_MAX) String subject) {
        return WorkerRecord.of(directory.bySubject(subject));
    }

    @PUT
    @Path("/transfers/{transferId}/enrollment-move")
    @Operation(summary = "Move a worker's current enrollment to another region for a transfer", description = "Idempotent by transfer id: a repeat answers the first result. MOVE closes the source and opens an ACTIVE enrollment at the destination; TEMPORARY opens a temporary contribution account there. The base grade carries over.")
    @APIResponse(responseCode = "200", description = "Moved (now or before)", content = @Content(schema = @Schema(implementation = MoveResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or not a pooling region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No current enrollment, same region, this transfer id moved something else, or the worker has as many enrollments as one keeps", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MoveResponse move(@PathParam("transferId") UUID transferId, @Valid @NotNull MoveRequest body) {
        MoveService.Moved moved = moves.move(transferId, new MoveService.Move(body.workerId(), body.scheme(),
                body.toRegion(), body.mode(), body.fromMonth()));
        return new MoveResponse(transferId, EnrollmentRecord.of(directory.timeline(moved.closed())),
                EnrollmentRecord.of(directory.timeline(moved.opened())));
    }
}
