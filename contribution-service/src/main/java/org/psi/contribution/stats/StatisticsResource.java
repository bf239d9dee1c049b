package org.psi.contribution.stats;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.api.StatisticsResponses;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.common.stats.StatCsv;
import org.psi.common.stats.StatQuery;
import org.psi.contribution.stats.StatisticsDtos.Contributions;
import org.psi.contribution.stats.StatisticsDtos.Refreshed;

@Path("/api/statistics")
@Tag(name = "Statistics", description = "Contributions and counted months of the gig workforce, with small cells withheld; as JSON or as CSV (Accept: text/csv)")
public class StatisticsResource {

    static final String CSV = StatCsv.MEDIA_TYPE;
    private static final String CSV_EXAMPLE = "month,region,payerKind,persons,amountFen,countedMonths\r\n"
            + "2025-03,530000,PLATFORM,14,2800000,12\r\n2025-03,530000,SELF,11,1100000,9\r\n"
            + "2025-03,530100,PLATFORM,x,x,x\r\n2025-03,530100,SELF,x,x,x\r\n2025-03,TOTAL,TOTAL,31,4900000,27\r\n";

    private final ContributionStatistics statistics;
    private final StatisticsRefresh refresh;
    private final StatisticsConfig config;
    private final Caller caller;
    private final Clock clock;

    public StatisticsResource(ContributionStatistics statistics, StatisticsRefresh refresh, StatisticsConfig config,
                              Caller caller, Clock clock) {
        this.statistics = statistics;
        this.refresh = refresh;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/contributions")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.AUDITOR, Roles.OFFICER})
    @Operation(summary = "Contributions and counted months by region, scheme, platform and payer kind",
            description = "For each month of `month` or `from`..`to` (the month paid for): distinct workers paid for, the amount "
                    + "paid in fen net of reversals, and the worker-months paid in full, grouped by any of "
                    + "`groupBy=region,province,scheme,platform,payerKind` (comma-separated or repeated), with each month's total. "
                    + "Auditors see the whole country, or `region`; an officer sees their own region (a province officer its cities "
                    + "too), or a `region` inside it. Cells of 1 to 9 workers, and cells that would let one be worked out from this "
                    + "or any other answer, are withheld (all figures null, `suppressed: true`; `x` in CSV). The figures come from "
                    + "the latest scheduled computation, at `asOf` (also the Last-Modified header).")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Contributions.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", description = "Missing or malformed month, from/to, groupBy or region; a future month; a range over the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an auditor or officer, or a region outside the officer's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response contributions(
            @Parameter(description = "One month, YYYY-MM", example = "2025-03") @QueryParam("month") String month,
            @Parameter(description = "First month of a range, YYYY-MM", example = "2025-01") @QueryParam("from") String from,
            @Parameter(description = "Last month of a range, YYYY-MM (at most 36 months)", example = "2025-03") @QueryParam("to") String to,
            @Parameter(description = "A province (NN0000, with its cities) or a city (NNNN00)", example = "530000") @QueryParam("region") String region,
            @Parameter(description = "Any of region, province, scheme, platform, payerKind", example = "region,payerKind") @QueryParam("groupBy") List<String> groupBy,
            @Context HttpHeaders headers) {
        String scope = StatisticsResponses.scope(caller, region);
        StatQuery<StatDimension> q = StatQuery.parse(StatDimension.class, month, from, to, groupBy, scope, YearMonth.now(clock),
                config.maxMonths());
        Contributions view = Contributions.of(statistics.contributions(q));
        return StatisticsResponses.respond(headers, view.asOf(), view, view::csv, "contributions-" + q.from() + "-" + q.to() + ".csv");
    }

    @POST
    @Path("/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Recompute the contribution statistics now", description = "They are recomputed on a schedule (psi.statistics.refresh-every); this runs it at once.")
    @APIResponse(responseCode = "200", description = "The new figures' time and size", content = @Content(schema = @Schema(implementation = Refreshed.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Refreshed refresh() {
        return Refreshed.of(refresh.refresh());
    }
}
