package org.psi.contribution.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.StatisticsEndpoint;
import org.psi.common.api.StatisticsEndpoints;
import org.psi.common.api.StatisticsRequest;
import org.psi.common.security.Roles;
import org.psi.common.stats.StatCsv;
import org.psi.contribution.stats.ContributionStatisticsStore.CellRow;

/** The contribution statistics ({@link ContributionLattice#PUBLICATION}, whose responses and answer schemas the OpenAPI document takes from it). */
@Path("/api/statistics")
@Tag(name = "Statistics", description = "Contributions and counted months of the gig workforce, with small cells withheld; as JSON or as CSV (Accept: text/csv)")
public class StatisticsResource {

    private final StatisticsEndpoint<StatDimension, CellRow> contributions;

    public StatisticsResource(StatisticsEndpoints endpoints, ContributionStatisticsStore stats, StatisticsRefresh refresh) {
        this.contributions = endpoints.of(ContributionLattice.PUBLICATION, stats, refresh::refresh);
    }

    @GET
    @Path("/contributions")
    @Produces({MediaType.APPLICATION_JSON, StatCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.AUDITOR, Roles.OFFICER})
    @Operation(summary = "Contributions and counted months by region, scheme, platform and payer kind",
            description = "For each month of `month` or `from`..`to` (the month paid for): distinct workers paid for, the amount "
                    + "paid in fen net of reversals, and the worker-months paid in full, grouped by any of "
                    + "`groupBy=region,province,scheme,platform,payerKind` (comma-separated or repeated), with each month's total. "
                    + StatisticsEndpoint.ACCESS + " (all figures null, `suppressed: true`; `x` in CSV)." + StatisticsEndpoint.FRESHNESS)
    public Response contributions(@BeanParam StatisticsRequest request, @Context HttpHeaders headers) {
        return contributions.answer(request, headers);
    }

    @POST
    @Path("/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Recompute the contribution statistics now", description = StatisticsEndpoint.REFRESH)
    public Response refresh() {
        return contributions.refresh();
    }
}
