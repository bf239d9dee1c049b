package org.psi.transfer.stats;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.api.StatisticsEndpoint;
import org.psi.common.api.StatisticsEndpoints;
import org.psi.common.api.StatisticsRequest;
import org.psi.common.security.Roles;
import org.psi.common.stats.StatCsv;
import org.psi.transfer.stats.TransferStatisticsStore.CellRow;

/**
 * The transfer statistics ({@link TransferLattice#PUBLICATION}, whose responses and answer schemas the
 * OpenAPI document takes from it; a 401 here is documented with its problem body).
 */
@Path("/api/statistics")
@Tag(name = "Statistics", description = "Transfers in and out by region and scheme, days per step and the share within deadline, with small cells withheld; as JSON or as CSV (Accept: text/csv)")
public class TransferStatisticsResource {

    private final StatisticsEndpoint<TransferStatDimension, CellRow> transfers;

    public TransferStatisticsResource(StatisticsEndpoints endpoints, TransferStatisticsStore stats,
                                      TransferStatisticsRefresh refresh) {
        this.transfers = endpoints.of(TransferLattice.PUBLICATION, stats, refresh::refresh);
    }

    @GET
    @Path("/transfers")
    @Produces({MediaType.APPLICATION_JSON, StatCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.AUDITOR, Roles.OFFICER})
    @Operation(summary = "Transfers in and out, median working days per step and the share done within deadline",
            description = "Transfer cases submitted in each month of `month` or `from`..`to` (Asia/Shanghai), grouped by any of "
                    + "`groupBy=region,province,direction,scheme,status` (comma-separated or repeated), with each month's total. "
                    + "A case counts OUT of its source and IN to its destination; region is the pooling region on that side. "
                    + "Per cell and step (REVIEW, TRANSFER_OUT, TRANSFER_IN): median working days and the share done by the due day. "
                    + StatisticsEndpoint.ACCESS + " with their steps (`transfers: null, suppressed: true`; `x` in CSV), and so "
                    + "are a step's figures when 1 to 9 steps are done." + StatisticsEndpoint.FRESHNESS)
    @APIResponse(responseCode = "406", description = "Neither JSON nor CSV acceptable")
    public Response transfers(@BeanParam StatisticsRequest request, @Context HttpHeaders headers) {
        return transfers.answer(request, headers);
    }

    @POST
    @Path("/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Recompute the transfer statistics now", description = StatisticsEndpoint.REFRESH)
    public Response refresh() {
        return transfers.refresh();
    }
}
