package org.psi.transfer.estimate;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.domain.Periods;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.RetirementAge;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;

@Path("/api/pension/estimate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pension estimate", description = "A worker's own monthly pension at retirement, estimated; with a move, side by side")
public class EstimateResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final EstimateService estimates;
    private final Caller caller;

    public EstimateResource(EstimateService estimates, Caller caller) {
        this.estimates = estimates;
        this.caller = caller;
    }

    @Schema(name = "MonthlyPension", description = "Per month, in fen")
    public record MonthlyPension(@Schema(example = "150000") long basic, @Schema(example = "36547") long personalAccount,
                                 @Schema(example = "186547") long total) {
    }

    @Schema(name = "PensionEstimate")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(@Schema(example = "2027-05") YearMonth retirementMonth,
                       @Schema(example = "60 years and 6 months", maxLength = 64) String retirementAge,
                       @Schema(example = "15", description = "The minimum contribution period for a pension starting that year") double minimumYears,
                       @Schema(example = "180") int minimumMonths,
                       @Schema(example = "16.67", description = "Counted and projected contribution at retirement, in years (2 decimals)") double projectedYears,
                       @Schema(example = "200") int projectedMonths,
                       boolean eligible,
                       @Schema(example = "0", description = "Months short of the minimum (payable past retirement, 延长缴费)") int monthsShort,
                       @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String claimRegion,
                       @Schema(example = "RELATIONSHIP_TEN_YEARS", maxLength = 32) String claimBasis,
                       MonthlyPension monthlyPensionFen,
                       @Schema(example = "5080000") long individualAccountAtRetirementFen,
                       @Schema(description = "What the figures assume: months to come and where, grade, wage growth, crediting rate (记账利率), claim wage and its year, divisor, claim region",
                               maxItems = 16) List<@Size(max = 500) String> assumptions,
                       @Schema(description = "Only for the move: the region moved to", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String moveTo,
                       @Schema(description = "Only for the move: the first month contributed there") YearMonth moveMonth,
                       @Schema(description = "Always true: an estimate, not a pension decision") boolean estimate) {

        static View of(EstimateService.Scenario s, EstimateService.Query q) {
            PensionFormula.Estimate e = s.estimate();
            return new View(e.retirementMonth(), RetirementAge.describe(e.retirementAgeMonths()).english(), years(e.minimumMonths()),
                    e.minimumMonths(), years(e.projectedMonths()), e.projectedMonths(), e.eligible(), e.monthsShort(),
                    s.claim().region(), s.claim().basis().name(),
                    new MonthlyPension(e.basicFen(), e.personalAccountFen(), e.totalFen()), e.individualAccountAtRetirementFen(),
                    s.assumptions(), q == null ? null : q.moveTo().province().value(), q == null ? null : q.moveMonth(), true);
        }

        private static double years(int months) {
            return Math.round(months * 100.0 / 12) / 100.0;
        }
    }

    @Schema(name = "PensionEstimateWithMove")
    public record Comparison(View stay, View move, @Schema(description = "Always true") boolean estimate) {
    }

    @GET
    @RolesAllowed(Roles.WORKER)
    @Operation(operationId = "pensionEstimate", summary = "The caller's pension estimate",
            description = "The monthly pension at the statutory retirement age (2025 reform), from the caller's counted PENSION months, "
                    + "their bases and the average wages they were assessed by, and her individual account, with the months to come "
                    + "contributed at the grade given (default: that of her current PENSION enrollment, else 100) where she is enrolled: "
                    + "basic pension = the claim province's average wage of the year before retirement x (1 + the average indexed ratio) / 2 "
                    + "x years x 1%; personal-account pension = the account at retirement / the divisor of the age. With moveTo, "
                    + "{stay, move} side by side: the move contributes at the destination's wage from moveMonth (default next month) "
                    + "and claims where the claim rule puts the pension after it. Only the caller's own record; changes nothing.")
    @APIResponse(responseCode = "200", description = "The estimate, or with moveTo both", content = @Content(schema = @Schema(anyOf = {View.class, Comparison.class})))
    @APIResponse(responseCode = "400", description = "A grade outside 60 to 300, a wage growth outside 0 to 20, a moveTo that is not a PENSION pooling region (a province) or the province already enrolled in, a moveMonth not YYYY-MM, in the past, at or after retirement, or without moveTo", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A province the estimate needs has no average wage published", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The enrollment-service or contribution-service did not answer", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Object estimate(@Parameter(description = "Grade of the months to come, 60 to 300 (percent of the average wage)", example = "100") @QueryParam("grade")
                           @Schema(maxLength = 4, pattern = "^[0-9]{1,4}$") String grade,
                           @Parameter(description = "Wage growth a year in percent, 0 to 20 (default 3)", example = "3") @QueryParam("wageGrowthPercent")
                           @Schema(maxLength = 5, pattern = "^[0-9]{1,2}([.][0-9]{1,2})?$") String wageGrowthPercent,
                           @Parameter(description = "A PENSION pooling region (province) to compare a move to", example = "310000") @QueryParam("moveTo")
                           @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String moveTo,
                           @Parameter(description = "YYYY-MM, not in the past, before retirement: the first month contributed at moveTo (default next month)", example = "2027-01") @QueryParam("moveMonth")
                           @Schema(pattern = Periods.MONTH_PATTERN) String moveMonth) {
        EstimateService.Query q = estimates.query(grade, wageGrowthPercent, moveTo, moveMonth);
        EstimateService.Result r = estimates.estimate(caller.subject(), q);
        if (r.move() == null) {
            return View.of(r.stay(), null);
        }
        return new Comparison(View.of(r.stay(), null), View.of(r.move(), q), true);
    }
}
