package org.psi.contribution.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.RegionCode;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.feed.Idempotency;
import org.psi.contribution.policy.PolicyDtos;
import org.psi.contribution.policy.PolicyService;

@Path("/api/regions/{code}/policies/{year}/reassessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Tag(name = "Policies", description = "Contribution policy of a pooling region per year, versioned")
public class ReassessmentResource {

    private final ReassessmentService reassessments;
    private final Caller caller;
    private final ObjectMapper json;

    public ReassessmentResource(ReassessmentService reassessments, Caller caller, ObjectMapper json) {
        this.reassessments = reassessments;
        this.caller = caller;
        this.json = json;
    }

    @Schema(name = "ReassessmentRequest")
    public record Request(@NotNull @Schema(example = "Guangdong published its 2026 average wage in July; applied back to January", description = "5 to 500 characters",
            maxLength = ReassessmentService.REASON_MAX) String reason,
                          @Valid @Schema(description = "A new version of the policy to apply, if it is not set yet (also for a year before last, whose policy a PUT may not change)") PolicyDtos.Input policy) {
    }

    @Schema(name = "Reassessment")
    public record View(UUID id, @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                       @Schema(example = "2026", minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) int year,
                       @Schema(example = "2", description = "The policy version the months are now assessed by", minimum = "1",
                               maximum = "" + PolicyService.MAX_VERSIONS) int policyVersion,
                       @Schema(description = "Months assessed from the region's policy of that year", minimum = "0") int months,
                       @Schema(description = "Months whose assessment changed (each recorded with its old and new due)", minimum = "0") int changed,
                       @Schema(description = "What was paid beyond a lower due, moved to the payers' refundable credit", minimum = "0") long refundedFen,
                       Instant at) {
        static View of(ReassessmentService.Result r) {
            return new View(r.id(), r.region(), r.year(), r.policyVersion(), r.months(), r.changed(), r.refundedFen(), r.at());
        }
    }

    @POST
    @Operation(summary = "Re-assess a region's months of a year (补差)", description = "An admin, or an officer whose region covers this one. Every month assessed from the region's policy of that year by an earlier version is priced again by the version in force (the request may set it). Each changed month is recorded with its old and new base and due (the statement shows the adjustment) and its status follows the new due; what was paid beyond a lower due moves to the payers' refundable credit, the last payer first; for a month whose funds moved with a transfer, the difference goes where they went. Under an Idempotency-Key.")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = true, example = "reassess-440000-2026-07", description = "1 to 255 characters, scoped to the caller",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = Idempotency.MAX_LENGTH))
    @APIResponse(responseCode = "201", description = "Re-assessed (or, with Idempotent-Replayed: true, before)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Missing reason or key, not a pooling region, or a year out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin, nor an officer of this region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The region has no policy for that year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a valid policy, or the key was used for another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reassess(@PathParam("code") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String code,
                             @PathParam("year") @Schema(minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) int year,
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull Request body) {
        String key = Idempotency.require(idempotencyKey);
        RegionCode region = PolicyService.poolingRegion(code);
        PolicyService.year(year);
        if (!caller.is(Roles.ADMIN) && !caller.isOfficerOf(region)) {
            throw ProblemException.forbidden("contribution.reassessment.own-region");
        }
        if (body.policy() != null) {
            org.psi.contribution.policy.PolicyResource.readOnlyFieldsMatch(body.policy(), region, year);
        }
        ReassessmentService.Outcome outcome = reassessments.reassess(region, year, body.reason(),
                body.policy() == null ? null : body.policy().policy(), caller.describe(), key, hash(body));
        Response.ResponseBuilder response = Response.status(201).entity(View.of(outcome.result()));
        if (outcome.replayed()) {
            response.header(Idempotency.REPLAYED, "true");
        }
        return response.build();
    }

    private byte[] hash(Request body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
