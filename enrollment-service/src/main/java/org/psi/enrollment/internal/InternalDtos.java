package org.psi.enrollment.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sector;
import org.psi.common.domain.Sex;
import org.psi.enrollment.consent.ConsentService;
import org.psi.enrollment.consent.PlatformLink;
import org.psi.enrollment.enrollment.EnrollmentDtos;
import org.psi.enrollment.enrollment.EnrollmentPolicy;
import org.psi.enrollment.enrollment.EnrollmentService;
import org.psi.enrollment.enrollment.EnrollmentStatus;
import org.psi.enrollment.enrollment.EnrollmentTimeline;
import org.psi.enrollment.platform.PlatformDtos;

/** Bodies of the internal API that the contribution-service and transfer-service call. */
public final class InternalDtos {

    /** The longest citizen ID an eligibility request may ask about: a feed's longest (malformed ones are answered). */
    public static final int NATIONAL_ID_MAX = 32;
    /** The longest login (token subject) of a worker: the worker table's column. */
    public static final int SUBJECT_MAX = 255;

    private InternalDtos() {
    }

    @Schema(name = "EligibilityRequest")
    public record EligibilityRequest(
            @NotBlank @Size(max = PlatformDtos.CLIENT_ID_MAX)
            @Schema(example = "platform-fastmeal", description = "The OIDC client id of the platform that sent the feed") String platformClientId,
            @NotNull
            @Schema(description = "Citizen IDs, in feed order; duplicates allowed; each answered, a malformed one with its problem (one of more than "
                    + NATIONAL_ID_MAX + " characters refuses the request)", maxItems = EnrollmentPolicy.MAX_ELIGIBILITY_IDS)
            List<@Size(max = NATIONAL_ID_MAX) String> nationalIds) {
    }

    @Schema(name = "EligibilityPlatform")
    public record PlatformFacts(@Schema(maxLength = PlatformDtos.CODE_MAX) String code, @Schema(maxLength = PlatformDtos.NAME_MAX) String name,
                                @Schema(maxItems = Sector.COUNT) Set<Sector> sectors) {
    }

    @Schema(name = "Eligibility")
    public record EligibilityResponse(PlatformFacts platform,
                                      @Schema(description = "One entry per asked ID, in the order asked", maxItems = EnrollmentPolicy.MAX_ELIGIBILITY_IDS)
                                      List<Answer> results) {
    }

    @Schema(name = "EligibilityAnswer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(boolean found,
                         @Schema(description = "Why nothing was found: NOT_REGISTERED or the ID's validation code",
                                 maxLength = org.psi.common.api.Problem.FieldError.MAX_CODE) String problem,
                         WorkerRecord worker) {
    }

    @Schema(name = "GradePeriod")
    public record GradeFrom(YearMonth fromMonth,
                            @Schema(minimum = "" + EnrollmentService.MIN_GRADE, maximum = "" + EnrollmentService.MAX_GRADE) int baseGrade) {
    }

    @Schema(name = "EnrollmentRecord")
    public record EnrollmentRecord(UUID enrollmentId, Scheme scheme,
                                   @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region, EnrollmentStatus status,
                                   YearMonth startMonth, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) YearMonth endMonth,
                                   @Schema(description = "Months in which contributions are due and accepted", maxItems = EnrollmentTimeline.MAX_CHANGES + 1)
                                   List<EnrollmentDtos.Months> coveredPeriods,
                                   @Schema(maxItems = EnrollmentTimeline.MAX_CHANGES) List<GradeFrom> grades, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) UUID openedByTransfer,
                                   @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) UUID closedByTransfer) {
        public static EnrollmentRecord of(EnrollmentTimeline t) {
            var e = t.enrollment();
            return new EnrollmentRecord(e.id, e.scheme, e.region, e.status, e.startMonth, e.endMonth,
                    t.coveredPeriods().stream().map(EnrollmentDtos.Months::of).toList(),
                    t.grades().stream().map(g -> new GradeFrom(g.effectiveMonth, g.baseGrade)).toList(),
                    e.openedByTransfer, e.closedByTransfer);
        }
    }

    @Schema(name = "ConsentRecord")
    public record Consent(@Schema(maxLength = PlatformDtos.CODE_MAX) String platformCode, Instant grantedAt, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) Instant revokedAt,
                          @Schema(description = "The consent's id (a platform reads it at GET /api/platforms/me/consents/{linkId})") UUID linkId) {
        public static Consent of(PlatformLink l) {
            return new Consent(l.platformCode, l.grantedAt, l.revokedAt, l.id);
        }
    }

    @Schema(name = "WorkerRecord")
    public record WorkerRecord(UUID workerId, @Schema(maxLength = SUBJECT_MAX) String subject, LocalDate birthDate, Sex sex,
                               @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String hukouRegion,
                               @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String residenceRegion,
                               @Schema(maxItems = EnrollmentService.MAX_ENROLLMENTS) List<EnrollmentRecord> enrollments,
                               @Schema(maxItems = ConsentService.MAX_CONSENTS) List<Consent> consents) {
        public static WorkerRecord of(WorkerDossier d) {
            var w = d.worker();
            return new WorkerRecord(w.id, w.subject, w.birthDate, w.sex, w.hukouRegion, w.residenceRegion,
                    d.enrollments().stream().map(EnrollmentRecord::of).toList(),
                    d.links().stream().map(Consent::of).toList());
        }
    }

    @Schema(name = "EnrollmentMove")
    public record MoveRequest(@NotNull UUID workerId, @NotNull Scheme scheme,
                              @NotNull @Schema(example = "310000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String toRegion,
                              @NotNull MoveService.Mode mode,
                              @Schema(description = "First month at the destination; defaults to next month") YearMonth fromMonth) {
    }

    @Schema(name = "EnrollmentMoved")
    public record MoveResponse(UUID transferId, EnrollmentRecord closed, EnrollmentRecord opened) {
    }
}
