package org.psi.enrollment.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.psi.common.domain.Sector;
import org.psi.common.domain.Sex;
import org.psi.enrollment.internal.InternalDtos.Consent;
import org.psi.enrollment.internal.InternalDtos.EnrollmentRecord;

/**
 * What the enrollment-service's events carry (docs/INTERNAL-API.md). Each event carries the whole
 * current state of what it is about, so a reader applies the latest one and needs no history; none
 * carries a citizen ID.
 */
public final class EventPayloads {

    private EventPayloads() {
    }

    /**
     * Stream {@code worker}: the worker's enrollments and consents after the change, and what changed;
     * {@code retirementMonth}, the first month at the statutory retirement age (from it on, PENSION is
     * paid only until the minimum period is reached, 延长缴费).
     */
    public record WorkerState(UUID workerId, String subject, String residenceRegion, YearMonth retirementMonth,
                              List<EnrollmentRecord> enrollments, List<Consent> consents, Change change) {
    }

    /** What a change was about (ids only). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(UUID enrollmentId, UUID linkId, String platformCode, UUID transferId) {
        public static final Change NONE = new Change(null, null, null, null);
    }

    /** Stream {@code holder}: the blind index of the citizen ID (base64), the name and the last 4 characters. */
    public record Holder(UUID workerId, String nationalIdIndex, String name, String nationalIdLast4) {
    }

    /** Stream {@code person}: what the transfer rules need. */
    public record Person(UUID workerId, LocalDate birthDate, Sex sex, String hukouRegion) {
    }

    /** Stream {@code platform}. */
    public record PlatformState(String code, String name, String clientId, Set<Sector> sectors) {
    }
}
