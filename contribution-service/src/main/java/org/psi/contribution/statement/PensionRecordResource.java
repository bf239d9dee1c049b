package org.psi.contribution.statement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.domain.RegionCode;
import org.psi.common.security.Roles;
import org.psi.contribution.policy.PolicyService;

/** A worker's PENSION record for the transfer-service's pension estimate (role {@code internal}); see docs/API-ADDITIONS.md. */
@Path("/internal/workers/{workerId}/pension-record")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INTERNAL)
@Tag(name = "Internal", description = "For PSI's transfer-service only (role internal); idempotent by transfer id")
public class PensionRecordResource {

    private final PensionRecordService records;

    public PensionRecordResource(PensionRecordService records) {
        this.records = records;
    }

    @Schema(name = "PensionRecordMonth")
    public record Month(@Schema(example = "2026-03") YearMonth month, @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                        @Schema(example = "1000000") long baseFen,
                        @Schema(example = "1000000", description = "The average monthly wage of the policy version the month was assessed under") long averageWageFen) {
    }

    @Schema(name = "PensionRecordClaimWage")
    public record ClaimWage(@Schema(example = "310000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                            @Schema(example = "2026", minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) int year,
                            @Schema(example = "1200000", minimum = "1", maximum = "" + PolicyService.MAX_WAGE_FEN) long averageMonthlyWageFen) {
    }

    @Schema(name = "PensionRecord")
    public record View(UUID workerId,
                       @Schema(example = "100", description = "The base grade in force this month of the current PENSION enrollment; absent without one",
                               minimum = "1", maximum = "" + PolicyService.MAX_BASE_PERCENT) Integer currentGrade,
                       @Schema(description = "The PENSION individual account balance, every region together") long individualAccountFen,
                       @Schema(description = "Every month paid in full, oldest first", maxItems = StatementDtos.MONTHS_MAX) List<Month> countedMonths,
                       @Schema(description = "For each claimRegion asked with a policy: its latest average monthly wage",
                               maxItems = PensionRecordService.MAX_CLAIM_REGIONS) List<ClaimWage> claimWages) {
        static View of(PensionRecordService.Record r) {
            return new View(r.workerId(), r.currentGrade(), r.individualAccountFen(),
                    r.counted().stream().map(m -> new Month(m.month(), m.region(), m.baseFen(), m.averageWageFen())).toList(),
                    r.claimWages().stream().map(w -> new ClaimWage(w.region(), w.year(), w.averageMonthlyWageFen())).toList());
        }
    }

    @GET
    @Operation(operationId = "pensionRecord", summary = "A worker's PENSION record for an estimate",
            description = "From the whole PENSION statement: the base grade in force this month of the current PENSION enrollment; every counted month (paid in full) with its region, base and the average monthly wage of the policy version it was assessed under; the individual account balance; and for each claimRegion asked (up to 40) the average monthly wage of its newest policy not after this year (left out when the region has none). Changes nothing.")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "A claimRegion that is not a PENSION pooling region, or more than 40", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such worker", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View pensionRecord(@PathParam("workerId") UUID workerId,
                              @Parameter(example = "[\"310000\"]") @Size(max = PensionRecordService.MAX_CLAIM_REGIONS)
                              @QueryParam("claimRegion") List<@Size(max = RegionCode.LENGTH) String> claimRegion) {
        return View.of(records.of(workerId, claimRegion));
    }
}
