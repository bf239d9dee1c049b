package org.psi.contribution.holds;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.security.Roles;
import org.psi.contribution.holds.TransferFundsDtos.Hold;
import org.psi.contribution.holds.TransferFundsDtos.HoldRequest;
import org.psi.contribution.holds.TransferFundsDtos.Quote;

/** What the transfer-service asks of the ledger (role {@code internal}); see docs/INTERNAL-API.md. */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INTERNAL)
@Tag(name = "Internal", description = "For PSI's transfer-service only (role internal); idempotent by transfer id")
public class TransferFundsResource {

    private final HoldService holds;

    public TransferFundsResource(HoldService holds) {
        this.holds = holds;
    }

    @GET
    @Path("/workers/{workerId}/transfer-quote")
    @Operation(summary = "What a transfer would move", description = "The whole individual account balance in fromRegion; for PENSION also 12% of the base of every month counted in fromRegion (not moved by an earlier transfer) from its pooled fund; MEDICAL moves the individual account only. With the counted months of every region.")
    @APIResponse(responseCode = "200", description = "The quote", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Quote.class)))
    @APIResponse(responseCode = "400", description = "Scheme not PENSION/MEDICAL, or not a pooling region of it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such worker", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Quote quote(@PathParam("workerId") UUID workerId, @QueryParam("scheme") @Schema(maxLength = Scheme.NAME_MAX) String scheme,
                       @QueryParam("fromRegion") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String fromRegion) {
        return Quote.of(holds.quote(workerId, scheme, fromRegion));
    }

    @PUT
    @Path("/transfers/{transferId}/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hold what the transfer would move", description = "Freezes the quote as a hold. A repeat with the same transfer id answers the same hold; 409 if the id holds something else or another open hold of the worker's scheme in fromRegion exists.")
    @APIResponse(responseCode = "200", description = "The hold", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Hold.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, scheme or regions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such worker", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The transfer id holds something else, or another hold is open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Hold hold(@PathParam("transferId") UUID transferId, @Valid @NotNull HoldRequest body) {
        TransferHold h = holds.hold(transferId, new HoldService.HoldRequest(body.workerId(), body.scheme(),
                body.fromRegion(), body.toRegion()));
        return h == null ? Hold.released(transferId) : Hold.of(h);
    }

    @PUT
    @Path("/transfers/{transferId}/commit")
    @Operation(summary = "Move the held funds", description = "Posts the move in one balanced posting, unique by transfer id: the individual account balance from fromRegion to toRegion, and the pooled share from the pooled fund of fromRegion to that of toRegion, as the ledger holds them now (a contribution booked since the hold moves too). A repeat changes nothing and answers the same.")
    @APIResponse(responseCode = "200", description = "Committed (now or before)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Hold.class)))
    @APIResponse(responseCode = "404", description = "No hold for this transfer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The hold was released", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Hold commit(@PathParam("transferId") UUID transferId) {
        return Hold.of(holds.commit(transferId));
    }

    @PUT
    @Path("/transfers/{transferId}/release")
    @Operation(summary = "Drop a hold that was not committed", description = "Status RELEASED; a repeat changes nothing. A transfer that holds nothing (its hold request has not arrived) is remembered as released: a hold request arriving later answers RELEASED and holds nothing.")
    @APIResponse(responseCode = "200", description = "Released (now or before)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Hold.class)))
    @APIResponse(responseCode = "409", description = "The hold was committed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Hold release(@PathParam("transferId") UUID transferId) {
        TransferHold h = holds.release(transferId);
        return h == null ? Hold.released(transferId) : Hold.of(h);
    }
}
