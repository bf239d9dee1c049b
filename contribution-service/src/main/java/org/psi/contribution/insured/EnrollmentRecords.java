package org.psi.contribution.insured;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The enrollment-service's records as this service reads them from its events (docs/INTERNAL-API.md):
 * the worker stream's state, the holder and the platform. Unknown fields are ignored, so the
 * enrollment-service can add fields without breaking its readers.
 */
public final class EnrollmentRecords {

    private EnrollmentRecords() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkerRecord(UUID workerId, String subject, String residenceRegion, YearMonth retirementMonth,
                               List<EnrollmentRecord> enrollments, List<Consent> consents) {
    }

    /** The holder stream: the blind index of the citizen ID (base64), name, last 4 characters. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holder(UUID workerId, String nationalIdIndex, String name, String nationalIdLast4) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlatformState(String code, String name, String clientId, Set<String> sectors) {
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
    public record Consent(String platformCode, Instant grantedAt, Instant revokedAt, UUID linkId) {
    }

    /** The event types of the worker stream that change a consent. */
    public static final String CONSENT_GRANTED = "consent.granted";
    public static final String CONSENT_REVOKED = "consent.revoked";

    /** What one event of the worker stream changed (the rest of its payload is the worker's state). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChangeOf(Change change) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(UUID enrollmentId, UUID linkId, String platformCode, UUID transferId) {
    }
}
