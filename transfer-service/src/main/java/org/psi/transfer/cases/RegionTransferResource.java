package org.psi.transfer.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Cursors;
import org.psi.common.api.Page;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.RegionCode;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.transfer.cases.TransferDtos.QueueEntry;

@Path("/api/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transfer queue", description = "The officers' queue of transfers coming in and going out")
public class RegionTransferResource {

    /** The longest status name (TRANSFERRED_OUT); a longer one is none. */
    static final int STATUS_MAX = 15;

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final CaseService cases;
    private final Caller caller;

    public RegionTransferResource(CaseService cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @GET
    @Path("/{code}/transfers")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "A region's transfer queue", description = "For an officer of that region (a province officer also sees its cities): cases coming IN or going OUT, by status, and overdue (the current step is past its due day in working days). Oldest first, cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of the queue")
    @APIResponse(responseCode = "400", description = "Bad region code, direction, status, overdue, limit or cursor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of this region", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<QueueEntry> queue(@Parameter(example = "310000") @PathParam("code") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String code,
                                  @Parameter(description = "IN or OUT; both when absent") @QueryParam("direction") @Schema(maxLength = 3) String direction,
                                  @Parameter(example = "SUBMITTED") @QueryParam("status") @Schema(maxLength = STATUS_MAX) String status,
                                  @Parameter(description = "true: only overdue cases; false: only cases within their deadline") @QueryParam("overdue")
                                  @Schema(maxLength = 5) String overdue,
                                  @QueryParam("limit") @Schema(minimum = "1", maximum = "" + Page.MAX_LIMIT) Integer limit, @QueryParam("cursor") @Schema(maxLength = Cursors.MAX_LENGTH) String cursor) {
        RegionCode region = RegionCode.parse(code, "code");
        if (!caller.isOfficerOf(region)) {
            throw ProblemException.forbidden("transfer.queue.officer-only", region);
        }
        int rows = Page.limit(limit);
        LocalDate today = cases.today();
        List<QueueEntry> entries = cases.queue(region, parse(TransferRepository.Direction.class, "direction", direction),
                        parse(TransferStatus.class, "status", status), parseBoolean(overdue), ListCursors.after(cursor), rows + 1)
                .stream().map(c -> QueueEntry.of(c, region.prefix(), today)).toList();
        return Page.of(entries, rows, e -> e.submittedAt() + "|" + e.id());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "INVALID_" + field.toUpperCase(), "transfer.queue.one-of",
                    field, java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Boolean parseBoolean(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException("overdue", "INVALID_BOOLEAN", "transfer.queue.overdue");
        };
    }
}
