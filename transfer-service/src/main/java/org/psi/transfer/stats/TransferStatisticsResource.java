package org.psi.transfer.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.api.StatisticsResponses;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.common.stats.StatCsv;
import org.psi.common.stats.StatQuery;
import org.psi.transfer.stats.TransferStatisticsDtos.Refreshed;
import org.psi.transfer.stats.TransferStatisticsDtos.Transfers;

@Path("/api/statistics")
@Tag(name = "Statistics", description = "Transfers in and out by region and scheme, days per step and the share within deadline, with small cells withheld; as JSON or as CSV (Accept: text/csv)")
@SecurityRequirement(name = "bearer")
public class TransferStatisticsResource {

    static final String CSV = StatCsv.MEDIA_TYPE;
    private static final String PROBLEM = Problem.MEDIA_TYPE;
    private static final String CSV_EXAMPLE = "month,direction,transfers,reviewMedianDays,reviewWithinDeadlineShare,"
            + "transferOutMedianDays,transferOutWithinDeadlineShare,transferInMedianDays,transferInWithinDeadlineShare\r\n"
            + "2026-03,IN,26,4.0,0.962,x,x,,\r\n2026-03,OUT,x,x,x,x,x,x,x\r\n2026-03,TOTAL,31,4.0,0.968,6.5,0.917,x,x\r\n";

    private final TransferStatistics statistics;
    private final TransferStatisticsRefresh refresh;
    private final StatisticsConfig config;
    private final Caller caller;
    private final Clock clock;

    public TransferStatisticsResource(TransferStatistics statistics, TransferStatisticsRefresh refresh,
                                      StatisticsConfig config, Caller caller, Clock clock) {
        this.statistics = statistics;
        this.refresh = refresh;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/transfers")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.AUDITOR, Roles.OFFICER})
    @Operation(summary = "Transfers in and out, median working days per step and the share done within deadline",
            description = "Transfer cases submitted in each month of `month` or `from`..`to` (Asia/Shanghai), grouped by any of "
                    + "`groupBy=region,province,direction,scheme,status` (comma-separated or repeated), with each month's total. "
                    + "A case counts OUT of its source and IN to its destination; region is the pooling region on that side. "
                    + "Per cell and step (REVIEW, TRANSFER_OUT, TRANSFER_IN): median working days and the share done by the due day. "
                    + "Auditors see the whole country, or `region`; an officer sees their own region (a province officer its cities "
                    + "too), or a `region` inside it. Cells of 1 to 9 workers, and cells that would let one be worked out from this "
                    + "or any other answer, are withheld with their steps (`transfers: null, suppressed: true`; `x` in CSV), and so "
                    + "are a step's figures when 1 to 9 steps are done. The figures come from the latest scheduled computation, "
                    + "at `asOf` (also the Last-Modified header).")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Transfers.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", description = "Missing or malformed month, from/to, groupBy or region; a future month; a range over the limit", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor or officer, or a region outside the officer's", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Neither JSON nor CSV acceptable")
    public Response transfers(
            @Parameter(description = "One month, YYYY-MM", example = "2026-03") @QueryParam("month") String month,
            @Parameter(description = "First month of a range, YYYY-MM", example = "2026-01") @QueryParam("from") String from,
            @Parameter(description = "Last month of a range, YYYY-MM (at most 36 months)", example = "2026-03") @QueryParam("to") String to,
            @Parameter(description = "A province (NN0000, with its cities) or a city (NNNN00)", example = "530000") @QueryParam("region") String region,
            @Parameter(description = "Any of region, province, direction, scheme, status", example = "region,direction") @QueryParam("groupBy") List<String> groupBy,
            @Context HttpHeaders headers) {
        String scope = StatisticsResponses.scope(caller, region);
        StatQuery<TransferStatDimension> q = StatQuery.parse(TransferStatDimension.class, month, from, to, groupBy, scope,
                YearMonth.now(clock), config.maxMonths());
        Transfers view = Transfers.of(statistics.transfers(q));
        return StatisticsResponses.respond(headers, view.asOf(), view, view::csv, "transfers-" + q.from() + "-" + q.to() + ".csv");
    }

    @POST
    @Path("/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Recompute the transfer statistics now", description = "They are recomputed on a schedule (psi.statistics.refresh-every); this runs it at once.")
    @APIResponse(responseCode = "200", description = "The new figures' time and size", content = @Content(schema = @Schema(implementation = Refreshed.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Refreshed refresh() {
        return Refreshed.of(refresh.refresh());
    }
}
