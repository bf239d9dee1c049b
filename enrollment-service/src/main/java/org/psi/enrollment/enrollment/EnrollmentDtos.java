package org.psi.enrollment.enrollment;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.Periods;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;

/** Request and response bodies of /api/workers/me/enrollments. */
public final class EnrollmentDtos {

    private EnrollmentDtos() {
    }

    @Schema(name = "EnrollmentRequest")
    public record Request(
            @NotNull @Schema(example = "PENSION", enumeration = {"PENSION", "MEDICAL", "OCCUPATIONAL_INJURY"}) String scheme,
            @NotNull @Schema(example = "440000", description = "A pooling region of the scheme: a province (NN0000) for PENSION and OCCUPATIONAL_INJURY, a city (NNNN00) for MEDICAL",
                    maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN)
            String region,
            @Schema(example = "100", description = "Percent of the region's average monthly wage, 60 to 300; required for PENSION and MEDICAL",
                    minimum = "" + EnrollmentService.MIN_GRADE, maximum = "" + EnrollmentService.MAX_GRADE)
            Integer baseGrade,
            @Schema(example = "2026-11", description = "First month covered (YYYY-MM); defaults to this month", pattern = Periods.MONTH_PATTERN)
            String startMonth) {
    }

    @Schema(name = "EnrollmentChange", description = "Either a new baseGrade or a status; takes effect from the next month")
    public record Change(
            @Schema(example = "150", minimum = "" + EnrollmentService.MIN_GRADE, maximum = "" + EnrollmentService.MAX_GRADE) Integer baseGrade,
            @Schema(example = "SUSPENDED", enumeration = {"SUSPENDED", "ACTIVE"}) String status) {
    }

    @Schema(name = "GradeChange")
    public record Grade(@Schema(example = "2026-12") YearMonth fromMonth,
                        @Schema(example = "150", minimum = "" + EnrollmentService.MIN_GRADE, maximum = "" + EnrollmentService.MAX_GRADE) int baseGrade,
                        Instant changedAt) {
    }

    @Schema(name = "StatusChange")
    public record Status(@Schema(example = "2026-12") YearMonth fromMonth, EnrollmentStatus status, Instant changedAt) {
    }

    @Schema(name = "MonthRange")
    public record Months(@Schema(example = "2026-01") YearMonth from, @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$", example = "2026-11", nullable = true) YearMonth to) {
        public static Months of(MonthRange r) {
            return new Months(r.from(), r.to());
        }
    }

    @Schema(name = "Enrollment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            UUID id,
            Scheme scheme,
            @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
            EnrollmentStatus status,
            @Schema(example = "2026-01") YearMonth startMonth,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$", example = "2026-12", nullable = true) YearMonth endMonth,
            @Schema(description = "The base grade in force this month", nullable = true,
                    minimum = "" + EnrollmentService.MIN_GRADE, maximum = "" + EnrollmentService.MAX_GRADE) Integer baseGrade,
            @Schema(description = "A grade change waiting for next month", nullable = true,
                    minimum = "" + EnrollmentService.MIN_GRADE, maximum = "" + EnrollmentService.MAX_GRADE) Integer nextBaseGrade,
            @Schema(maxItems = EnrollmentTimeline.MAX_CHANGES) List<Grade> gradeHistory,
            @Schema(maxItems = EnrollmentTimeline.MAX_CHANGES) List<Status> statusHistory,
            @Schema(description = "The months this enrollment covered or covers", maxItems = EnrollmentTimeline.MAX_CHANGES + 1) List<Months> coveredPeriods,
            Instant createdAt) {

        static View of(EnrollmentTimeline t, YearMonth thisMonth) {
            var e = t.enrollment();
            Integer now = t.gradeIn(thisMonth).orElse(null);
            Integer next = t.gradeIn(thisMonth.plusMonths(1)).orElse(null);
            return new View(e.id, e.scheme, e.region, e.status, e.startMonth, e.endMonth,
                    now, next != null && !next.equals(now) ? next : null,
                    t.grades().stream().map(g -> new Grade(g.effectiveMonth, g.baseGrade, g.changedAt)).toList(),
                    t.statusChanges().stream().map(s -> new Status(s.effectiveMonth, s.status, s.changedAt)).toList(),
                    t.coveredPeriods().stream().map(Months::of).toList(),
                    e.createdAt);
        }
    }
}
