package org.psi.transfer.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Cursors;
import org.psi.common.api.Page;
import org.psi.common.api.Problem;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.transfer.application.ApplyService;
import org.psi.transfer.cases.TransferDtos.EventTrail;
import org.psi.transfer.cases.TransferDtos.EventView;
import org.psi.transfer.cases.TransferDtos.Integrity;
import org.psi.transfer.cases.TransferDtos.PreviewView;
import org.psi.transfer.cases.TransferDtos.Receipt;
import org.psi.transfer.cases.TransferDtos.RejectRequest;
import org.psi.transfer.cases.TransferDtos.SubmitRequest;
import org.psi.transfer.cases.TransferDtos.TransferView;
import org.psi.transfer.saga.SagaWorker;

@Path("/api/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transfers", description = "Moving a worker's pension or medical insurance from one region to another")
public class TransferResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final ApplyService applications;
    private final CaseService cases;
    private final SagaWorker saga;
    private final Viewers viewers;
    private final Caller caller;

    public TransferResource(ApplyService applications, CaseService cases, SagaWorker saga, Viewers viewers,
                            Caller caller) {
        this.applications = applications;
        this.cases = cases;
        this.saga = saga;
        this.viewers = viewers;
        this.caller = caller;
    }

    @GET
    @Path("/preview")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "What a transfer would do", description = "Before applying: what would move (the whole individual account, 12% of the base of every contributed month from the pension pooled fund, the months), whether the pension temporary-account rule applies and why, and where the pension would be claimed after the transfer under the 10-year and household-registration rules. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The preview", content = @Content(schema = @Schema(implementation = PreviewView.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown scheme, a scheme with nothing to transfer (OCCUPATIONAL_INJURY), a region that is not a pooling region of the scheme, or the region the enrollment is already in", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "nothing to transfer", value = "{\"type\":\"https://psi.example/problems/validation\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"Occupational injury protection has nothing to transfer: cover follows each covered day\",\"errors\":[{\"field\":\"scheme\",\"code\":\"NOTHING_TO_TRANSFER\",\"message\":\"Occupational injury protection has nothing to transfer: cover follows each covered day\"}]}")))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No active enrollment in this scheme", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The enrollment-service or contribution-service did not answer", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PreviewView preview(@Parameter(example = "PENSION") @QueryParam("scheme") @Schema(maxLength = Scheme.NAME_MAX) String scheme,
                               @Parameter(example = "310000") @QueryParam("toRegion") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String toRegion) {
        return PreviewView.of(applications.preview(caller.subject(), required("scheme", scheme), required("toRegion", toRegion)));
    }

    @POST
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Apply for a transfer", description = "Opens a case at the destination, SUBMITTED, with the review deadline running. With an Idempotency-Key (1 to 255 characters, scoped to the caller) the same key and body replay the first response, and the same key with another body is 422. One open case per scheme: a second is 409.")
    @APIResponse(responseCode = "201", description = "The case (or, for a repeated Idempotency-Key, the case made the first time)", content = @Content(schema = @Schema(implementation = Receipt.class),
            examples = @ExampleObject(name = "submitted", value = "{\"id\":\"5f0c8f3e-8a55-4f7b-9d0e-2b1f3c4d5e6f\",\"status\":\"SUBMITTED\",\"scheme\":\"PENSION\",\"route\":\"MOVE\",\"fromRegion\":\"440000\",\"toRegion\":\"310000\",\"submittedAt\":\"2026-03-02T02:00:00Z\",\"temporaryAccount\":{\"applies\":false,\"reason\":\"Aged 35: ...\"},\"deadlines\":[{\"step\":\"REVIEW\",\"workingDays\":15,\"startedOn\":\"2026-03-02\",\"dueOn\":\"2026-03-23\",\"overdue\":false},{\"step\":\"TRANSFER_OUT\",\"workingDays\":15,\"overdue\":false},{\"step\":\"TRANSFER_IN\",\"workingDays\":15,\"overdue\":false}]}")))
    @APIResponse(responseCode = "400", description = "Invalid body or Idempotency-Key, nothing to transfer, not a pooling region, the same region", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No active enrollment in this scheme, or a transfer of this scheme is already open", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The enrollment-service did not answer; nothing was changed", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Parameter(in = ParameterIn.HEADER, description = "1 to 255 characters; the same key and body replay the first response", example = "9d1c2b7e-transfer-1",
                                   schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 255))
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull SubmitRequest body) {
        CaseService.Opened opened = applications.submit(caller.subject(), idempotencyKey, body.scheme(), body.toRegion());
        if (!opened.replayed() && opened.transfer().lease.waiting()) {
            saga.kick(opened.transfer().id);
        }
        return Response.created(URI.create("/api/transfers/" + opened.transfer().id))
                .entity(Receipt.of(opened.transfer())).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "The caller's transfers", description = "Newest first, cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of cases")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<TransferView> mine(@QueryParam("limit") @Schema(minimum = "1", maximum = "" + Page.MAX_LIMIT) Integer limit, @QueryParam("cursor") @Schema(maxLength = Cursors.MAX_LENGTH) String cursor) {
        int rows = Page.limit(limit);
        LocalDate today = cases.today();
        List<TransferView> views = cases.mine(caller.subject(), ListCursors.after(cursor), rows + 1).stream()
                .map(c -> TransferView.of(c, today)).toList();
        return Page.of(views, rows, v -> v.submittedAt() + "|" + v.id());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "A transfer case", description = "For the worker who applied, an officer of the source or destination region (a province covers its cities), or an admin: the status, current step, deadlines (overdue flagged), funds held and the saga's progress. Anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "403", description = "Wrong role, or an officer token without a region", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case visible to the caller", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public TransferView get(@PathParam("id") UUID id) {
        return TransferView.of(cases.view(id, viewers.current()), cases.today());
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.WORKER, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "The event trail of a case", description = "Every step as an event carrying the hash of the one before (SHA-256). The integrity block says whether every event still leads to the head hash kept with the case: a changed, removed or inserted event is detected. Cursor-paginated by sequence number.")
    @APIResponse(responseCode = "200", description = "The trail", content = @Content(schema = @Schema(implementation = EventTrail.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case visible to the caller", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public EventTrail events(@PathParam("id") UUID id, @QueryParam("limit") @Schema(minimum = "1", maximum = "" + Page.MAX_LIMIT) Integer limit,
                             @QueryParam("cursor") @Schema(maxLength = Cursors.MAX_LENGTH) String cursor) {
        int rows = Page.limit(limit);
        int after = afterSeq(cursor);
        CaseService.Trail trail = cases.trail(id, viewers.current());
        List<TransferEvent> page = trail.events().stream().filter(e -> e.seq > after).limit(rows + 1L).toList();
        Page<EventView> p = Page.of(page.stream().map(EventView::of).toList(), rows, e -> Integer.toString(e.seq()));
        return new EventTrail(id, p.items(), p.nextCursor(), Integrity.of(trail.verification(), trail.transfer()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Withdraw an application", description = "By the worker who applied, until the destination has accepted. Any hold on the funds is released.")
    @APIResponse(responseCode = "200", description = "CANCELLED", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "404", description = "No such case of the caller", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already accepted, or already ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public TransferView cancel(@PathParam("id") UUID id) {
        return after(cases.cancel(id, viewers.current()));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Accept a transfer in (同意接收)", description = "By an officer of the destination region. Starts the source's transfer-out deadline; on the temporary-account route, the destination's temporary account is opened and the case completes.")
    @APIResponse(responseCode = "200", description = "ACCEPTED", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer, or an officer of the source rather than the destination", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the officer's regions", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not SUBMITTED (already decided, cancelled or ended)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public TransferView accept(@PathParam("id") UUID id) {
        return after(cases.accept(id, viewers.current()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Refuse a transfer in, with reasons", description = "By an officer of the destination region, with a written reason. Any hold on the funds is released.")
    @APIResponse(responseCode = "200", description = "REJECTED", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or one over 1000 characters", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of the destination region", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the officer's regions", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not SUBMITTED", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public TransferView reject(@PathParam("id") UUID id, @Valid @NotNull RejectRequest body) {
        return after(cases.reject(id, viewers.current(), body.reason()));
    }

    @POST
    @Path("/{id}/transfer-out")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Transfer the relationship and funds out", description = "By an officer of the source region, after acceptance. The case becomes TRANSFERRED_OUT; the saga then moves the enrollment and commits the held funds, and the case becomes COMPLETED by itself.")
    @APIResponse(responseCode = "200", description = "TRANSFERRED_OUT", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of the source region", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the officer's regions", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not yet accepted, already transferred out or ended, or a temporary-account case (nothing moves)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public TransferView transferOut(@PathParam("id") UUID id) {
        return after(cases.transferOut(id, viewers.current()));
    }

    private TransferView after(TransferCase c) {
        if (c.lease.waiting()) {
            saga.kick(c.id);
        }
        return TransferView.of(c, cases.today());
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw org.psi.common.api.ProblemException.invalid(field, "REQUIRED", "transfer.field.required", field);
        }
        return value;
    }

    private static int afterSeq(String cursor) {
        String key = org.psi.common.api.Cursors.decode(cursor);
        if (key == null) {
            return 0;
        }
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw org.psi.common.api.ProblemException.invalid("cursor", "INVALID_CURSOR", "common.cursor.invalid");
        }
    }
}
