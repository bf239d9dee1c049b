package org.psi.enrollment.region;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Cursors;
import org.psi.common.api.Page;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.NationalId;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.enrollment.enrollment.EnrollmentService;
import org.psi.enrollment.enrollment.EnrollmentStatus;
import org.psi.enrollment.worker.WorkerDtos;

@Path("/api/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Pooling regions and the officers' view of them")
public class RegionResource {

    /** The longest status name (SUSPENDED, TEMPORARY); a longer one is none. */
    static final int STATUS_MAX = 9;

    private final EnrollmentService enrollments;
    private final Caller caller;
    private final Clock clock;

    public RegionResource(EnrollmentService enrollments, Caller caller, Clock clock) {
        this.enrollments = enrollments;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(name = "PoolingRegion")
    public record Region(@Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String code,
                         @Schema(example = "Guangdong", maxLength = PoolingRegions.NAME_MAX) String name,
                         RegionCode.Level level, @Schema(maxItems = Scheme.COUNT) Set<Scheme> schemes) {
    }

    @Schema(name = "RegionEnrollment")
    public record RegionEntry(
            UUID enrollmentId,
            UUID workerId,
            @Schema(example = "**************002X", maxLength = NationalId.LENGTH, pattern = NationalId.MASKED_PATTERN) String nationalIdMasked,
            @Schema(maxLength = WorkerDtos.NAME_MAX) String name,
            Scheme scheme,
            @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
            EnrollmentStatus status,
            YearMonth startMonth,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$", example = "2026-12", nullable = true) YearMonth endMonth,
            @Schema(nullable = true, minimum = "" + EnrollmentService.MIN_GRADE, maximum = "" + EnrollmentService.MAX_GRADE) Integer baseGrade) {
    }

    @GET
    @Authenticated
    @Operation(summary = "The pooling regions", description = "Provinces pool PENSION and OCCUPATIONAL_INJURY; prefecture-level cities pool MEDICAL.")
    @APIResponse(responseCode = "200", description = "The regions", content = @Content(schema = @Schema(implementation = Region.class, type = SchemaType.ARRAY,
            maxItems = PoolingRegions.MAX_REGIONS)))
    public List<Region> regions() {
        return PoolingRegions.all().stream().map(r -> new Region(r.code().value(), r.name(), r.level(), r.schemes())).toList();
    }

    @GET
    @Path("/{code}/enrollments")
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "regionEnrollments", summary = "Enrollments in a region", description = "For an officer of that region; a province officer also sees its cities. Cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad region code, scheme, status, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of this region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RegionEntry> enrollments(@PathParam("code") @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String code,
                                         @QueryParam("scheme") @Schema(maxLength = Scheme.NAME_MAX) String scheme,
                                         @QueryParam("status") @Schema(maxLength = STATUS_MAX) String status,
                                         @QueryParam("limit") @Schema(minimum = "1", maximum = "" + Page.MAX_LIMIT) Integer limit,
                                         @QueryParam("cursor") @Schema(maxLength = Cursors.MAX_LENGTH) String cursor) {
        RegionCode region = RegionCode.parse(code, "code");
        if (!caller.isOfficerOf(region)) {
            throw ProblemException.forbidden("enrollment.region.officer-only", region);
        }
        int rows = Page.limit(limit);
        UUID after = parseCursor(Cursors.decode(cursor));
        YearMonth thisMonth = YearMonth.now(clock);
        List<RegionEntry> entries = enrollments.inRegion(region, scheme == null ? null : Scheme.parse(scheme, "scheme"),
                        parseStatus(status), after, rows + 1).stream()
                .map(e -> {
                    var en = e.timeline().enrollment();
                    return new RegionEntry(en.id, en.workerId, e.worker().nationalIdMasked(), e.worker().name,
                            en.scheme, en.region, en.status, en.startMonth, en.endMonth,
                            e.timeline().gradeIn(thisMonth).orElse(null));
                }).toList();
        return Page.of(entries, rows, entry -> entry.enrollmentId().toString());
    }

    private static EnrollmentStatus parseStatus(String status) {
        if (status == null) {
            return null;
        }
        try {
            return EnrollmentStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status", "INVALID_STATUS", "enrollment.region.status");
        }
    }

    private static UUID parseCursor(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "INVALID_CURSOR", "common.cursor.invalid");
        }
    }
}
