package org.psi.contribution.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The enrollment-service's internal records as this service reads them. Unknown fields are
 * ignored, so the enrollment-service can add fields without breaking its readers.
 */
public final class EnrollmentRecords {

    private EnrollmentRecords() {
    }

    public record EligibilityRequest(String platformClientId, List<String> nationalIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EligibilityResponse(PlatformFacts platform, List<Answer> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlatformFacts(String code, String name, Set<String> sectors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(boolean found, String problem, WorkerRecord worker) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkerRecord(UUID workerId, String subject, LocalDate birthDate, String sex, String hukouRegion,
                               String residenceRegion, List<EnrollmentRecord> enrollments, List<Consent> consents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnrollmentRecord(UUID enrollmentId, String scheme, String region, String status,
                                   YearMonth startMonth, YearMonth endMonth, List<Months> coveredPeriods,
                                   List<Grade> grades, UUID openedByTransfer, UUID closedByTransfer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Months(YearMonth from, YearMonth to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grade(YearMonth fromMonth, int baseGrade) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consent(String platformCode, Instant grantedAt, Instant revokedAt) {
    }
}
