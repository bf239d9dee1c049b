package org.psi.contribution.policy;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.RegionCode;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.policy.PolicyDtos.Input;
import org.psi.contribution.policy.PolicyDtos.View;

@Path("/api/regions/{code}/policies/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "Contribution policy of a pooling region per year")
public class PolicyResource {

    private final PolicyService policies;
    private final Caller caller;

    public PolicyResource(PolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(summary = "A region's policy for a year", description = "Average monthly wage, base floor and ceiling (percent of the wage), pension and medical rates with the individual account's points, and the occupational-injury fee per order by sector. A city without its own policy uses its province's for pricing.")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Not a pooling region, or a year out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No policy for that region and year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View get(@PathParam("code") String code, @PathParam("year") int year) {
        return View.of(policies.get(PolicyService.poolingRegion(code), year));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "Set a region's policy for a year", description = "An admin, or an officer whose region covers this one (a province officer covers its cities). Replaces the policy (its version goes up); it applies to lines and payments priced from now on.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Invalid values, not a pooling region, or a year out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin, nor an officer of this region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("code") String code, @PathParam("year") int year, @Valid @NotNull Input body) {
        RegionCode region = PolicyService.poolingRegion(code);
        if (!caller.is(Roles.ADMIN) && !caller.isOfficerOf(region)) {
            throw ProblemException.forbidden("An officer sets the policies of their own region only");
        }
        PolicyService.Saved saved = policies.put(region, year, new PolicyService.PolicyInput(body.averageMonthlyWageFen(),
                body.baseFloorPercent(), body.baseCeilingPercent(), body.pensionRatePercent(), body.pensionIndividualPercent(),
                body.medicalRatePercent(), body.medicalIndividualPercent(), body.injuryFeePerOrderFen()), caller.describe());
        return Response.status(saved.created() ? 201 : 200).entity(View.of(saved.policy())).build();
    }
}
