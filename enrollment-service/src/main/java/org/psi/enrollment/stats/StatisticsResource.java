package org.psi.enrollment.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.api.StatisticsEndpoint;
import org.psi.common.api.StatisticsEndpoints;
import org.psi.common.api.StatisticsRequest;
import org.psi.common.api.StatisticsResponses;
import org.psi.common.domain.Periods;
import org.psi.common.domain.RegionCode;
import org.psi.common.security.Roles;
import org.psi.common.stats.StatCsv;
import org.psi.common.stats.StatPublication;
import org.psi.common.stats.StatQuery;
import org.psi.enrollment.stats.CoverageStatistics.Answer;
import org.psi.enrollment.stats.InsuredStatisticsStore.CellRow;

/**
 * The statistics of insured workers ({@link InsuredLattice#PUBLICATION}, whose responses and answer
 * schemas the OpenAPI document takes from it) and the coverage of platforms.
 */
@Path("/api/statistics")
@Tag(name = "Statistics", description = "Counts of the insured gig workforce, with small cells withheld; as JSON or as CSV (Accept: text/csv)")
@Produces({MediaType.APPLICATION_JSON, StatCsv.MEDIA_TYPE})
@RolesAllowed({Roles.AUDITOR, Roles.OFFICER})
public class StatisticsResource {

    private final StatisticsEndpoint<StatDimension, CellRow> insured;
    private final CoverageStatistics coverage;

    public StatisticsResource(StatisticsEndpoints endpoints, InsuredStatisticsStore stats, StatisticsRefresh refresh,
                              CoverageStatistics coverage) {
        this.insured = endpoints.of(InsuredLattice.PUBLICATION, stats, refresh::refresh);
        this.coverage = coverage;
    }

    @GET
    @Path("/enrollments")
    @Operation(summary = "Insured workers by region, scheme, platform, sex and age band",
            description = "Distinct workers covered by an enrollment in each month of `month` or `from`..`to`, grouped by any of "
                    + "`groupBy=region,province,scheme,platform,sex,ageBand` (comma-separated or repeated), with each month's total. "
                    + StatisticsEndpoint.ACCESS + " (`persons: null, suppressed: true`; `x` in CSV)." + StatisticsEndpoint.FRESHNESS)
    public Response enrollments(@BeanParam StatisticsRequest request, @Context HttpHeaders headers) {
        return insured.answer(request, headers);
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Insured workers against the active workers platforms report",
            description = "For every activity report (platform, month, region) in scope: the active workers the platform reported and "
                    + "the insured workers with an active consent of that platform in that region, withheld like every count.")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class)),
            @Content(mediaType = StatCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = StatCsv.MAX_LENGTH))})
    @APIResponse(responseCode = "400", description = "Missing or malformed month, from/to or region; an answer of more than "
            + StatPublication.MAX_CELLS + " rows", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor or officer, or a region outside the officer's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response coverage(@QueryParam("month") @Schema(pattern = Periods.MONTH_PATTERN) String month,
                             @QueryParam("from") @Schema(pattern = Periods.MONTH_PATTERN) String from,
                             @QueryParam("to") @Schema(pattern = Periods.MONTH_PATTERN) String to,
                             @QueryParam("region") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                             @Context HttpHeaders headers) {
        StatQuery<StatDimension> q = insured.query(month, from, to, region, null);
        Answer view = coverage.coverage(insured.snapshot(), q);
        return StatisticsResponses.respond(headers, view.asOf(), view, view::csv, "coverage-" + q.from() + "-" + q.to() + ".csv");
    }

    @POST
    @Path("/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Recompute the statistics now", description = StatisticsEndpoint.REFRESH)
    public Response refresh() {
        return insured.refresh();
    }
}
