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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.InvalidField;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.RegionCode;
import org.psi.common.i18n.Message;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.policy.PolicyDtos.Input;
import org.psi.contribution.policy.PolicyDtos.View;

@Path("/api/regions/{code}/policies/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "Contribution policy of a pooling region per year, versioned")
public class PolicyResource {

    private final PolicyService policies;
    private final Caller caller;

    public PolicyResource(PolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(operationId = "getPolicy", summary = "A region's policy for a year", description = "The version in force: average monthly wage, base floor and ceiling (percent of the wage), pension and medical rates with the individual account's points, and the occupational-injury fee per order by sector. A city without its own policy uses its province's for pricing. The answer can be sent back with PUT.")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Not a pooling region, or a year out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No policy for that region and year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View get(@PathParam("code") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String code,
                    @PathParam("year") @Schema(minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) int year) {
        return View.of(policies.get(PolicyService.poolingRegion(code), year));
    }

    @GET
    @Path("/versions")
    @Authenticated
    @Operation(summary = "Every version of a region's policy for a year", description = "Newest first, each with when it took effect and who set it.")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyDtos.Versions.class)))
    @APIResponse(responseCode = "400", description = "Not a pooling region, or a year out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No policy for that region and year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PolicyDtos.Versions versions(@PathParam("code") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String code,
                                        @PathParam("year") @Schema(minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) int year) {
        RegionCode region = PolicyService.poolingRegion(code);
        return new PolicyDtos.Versions(region.value(), year,
                policies.history(region, year).stream().map(PolicyDtos.VersionView::of).toList());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "Set a region's policy for a year", description = "An admin, or an officer whose region covers this one (a province officer covers its cities). A change makes a new version, in force from now: it prices the months assessed from now on (months already assessed keep their assessment; to change them, re-assess). A PUT that changes nothing makes no version (200). The policy of a year before last is read-only once it exists (409); a missing one may be created.")
    @APIResponse(responseCode = "200", description = "Changed (a new version), or unchanged", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "A field missing or of the wrong type, not a pooling region, or a year out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin, nor an officer of this region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The policy of a year before last is read-only (re-assess instead), or has as many versions as one keeps", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a valid policy: a bound broken (every broken field listed)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("code") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String code,
                        @PathParam("year") @Schema(minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) int year,
                        @Valid @NotNull Input body) {
        RegionCode region = PolicyService.poolingRegion(code);
        if (!caller.is(Roles.ADMIN) && !caller.isOfficerOf(region)) {
            throw ProblemException.forbidden("contribution.policy.own-region");
        }
        readOnlyFieldsMatch(body, region, year);
        PolicyService.Saved saved = policies.put(region, year, body.policy(), caller.describe());
        return Response.status(saved.created() ? 201 : 200).entity(View.of(saved.policy())).build();
    }

    /** What GET answers may be sent back: region and year, when given, are those of the path. */
    public static void readOnlyFieldsMatch(Input body, RegionCode region, int year) {
        List<InvalidField> errors = new ArrayList<>();
        if (body.region() != null && !body.region().equals(region.value())) {
            errors.add(InvalidField.of("region", "READ_ONLY", "contribution.policy.region-read-only", region));
        }
        if (body.year() != null && body.year() != year) {
            errors.add(InvalidField.of("year", "READ_ONLY", "contribution.policy.year-read-only", year));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "read-only-field", Message.of("contribution.title.read-only-field"), errors.get(0).message(), errors);
        }
    }
}
