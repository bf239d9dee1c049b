package org.psi.enrollment.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Cursors;
import org.psi.common.api.Page;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.RegionCode;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;

@Path("/api/platforms/me/activity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM)
@Tag(name = "Platforms", description = "Platform companies that contribute for workers")
public class PlatformActivityResource {

    private final ActivityService activity;
    private final PlatformService platforms;
    private final Caller caller;

    public PlatformActivityResource(ActivityService activity, PlatformService platforms, Caller caller) {
        this.activity = activity;
        this.platforms = platforms;
        this.caller = caller;
    }

    @Schema(name = "ActivityReport")
    public record Report(@NotNull @Schema(example = "1200", description = "Workers active on the platform in that month and region, 0 to 100,000,000",
            minimum = "0", maximum = "" + ActivityService.MAX_ACTIVE_WORKERS) Integer activeWorkers) {
    }

    @Schema(name = "PlatformActivity")
    public record View(@Schema(example = "FASTMEAL", maxLength = PlatformDtos.CODE_MAX) String platformCode,
                       @Schema(example = "2025-03", pattern = Periods.MONTH_PATTERN) String month,
                       @Schema(example = "530000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                       @Schema(example = "1200", minimum = "0", maximum = "" + ActivityService.MAX_ACTIVE_WORKERS) int activeWorkers,
                       Instant reportedAt, Instant updatedAt) {
        static View of(PlatformActivity a) {
            return new View(a.platformCode(), a.month().toString(), a.region(), a.activeWorkers(), a.reportedAt(), a.updatedAt());
        }
    }

    @PUT
    @Path("/{month}/{region}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report the active workers of a month and region", description = "The calling platform (by the token's client id) reports how many workers were active on it in a month (not a future one) and a region (a province NN0000 or a pooling city NNNN00). One figure per platform, month and region: repeating a report changes nothing, a new figure replaces the old. No platform can write another's.")
    @APIResponse(responseCode = "201", description = "First report for this month and region", content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "200", description = "Replaced or repeated", content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Bad month, future month, bad or non-statistics region, activeWorkers missing or out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No platform is registered for this client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("month") @Schema(pattern = Periods.MONTH_PATTERN) String month,
                           @PathParam("region") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                           @Valid @NotNull Report body) {
        Platform platform = platforms.byClientId(caller.clientId());
        ActivityService.Reported r = activity.report(platform, month, region, body.activeWorkers());
        return Response.status(r.created() ? 201 : 200).entity(View.of(r.activity())).build();
    }

    @GET
    @Operation(operationId = "listActivityReports", summary = "The calling platform's activity reports", description = "In month and region order; cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No platform is registered for this client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<View> list(@QueryParam("limit") @Schema(minimum = "1", maximum = "" + Page.MAX_LIMIT) Integer limit,
                           @QueryParam("cursor") @Schema(maxLength = Cursors.MAX_LENGTH) String cursor) {
        Platform platform = platforms.byClientId(caller.clientId());
        int rows = Page.limit(limit);
        String key = Cursors.decode(cursor);
        String afterMonth = null;
        String afterRegion = null;
        if (key != null) {
            String[] parts = key.split("\\|");
            if (parts.length != 2 || !parts[0].matches("\\d{4}-\\d{2}") || !parts[1].matches("\\d{6}")) {
                throw ProblemException.invalid("cursor", "INVALID_CURSOR", "common.cursor.invalid");
            }
            afterMonth = parts[0];
            afterRegion = parts[1];
        }
        List<View> views = activity.ofPlatform(platform, afterMonth, afterRegion, rows + 1).stream().map(View::of).toList();
        return Page.of(views, rows, v -> v.month() + "|" + v.region());
    }
}
