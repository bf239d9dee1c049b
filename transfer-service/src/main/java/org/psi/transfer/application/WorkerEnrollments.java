package org.psi.transfer.application;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sex;

/**
 * A worker and their enrollments as the enrollment-service tells them: what the transfer rules need
 * (birth date, sex, household registration, and where and how the worker is or was enrolled).
 */
public record WorkerEnrollments(UUID workerId, String subject, LocalDate birthDate, Sex sex, String hukouRegion,
                                List<Enrollment> enrollments) {

    public static final String ACTIVE = "ACTIVE";
    public static final String SUSPENDED = "SUSPENDED";
    public static final String TEMPORARY = "TEMPORARY";
    public static final String CLOSED = "CLOSED";

    /** One enrollment; {@code endMonth} is null while it is open. */
    public record Enrollment(UUID enrollmentId, Scheme scheme, String region, String status,
                             YearMonth startMonth, YearMonth endMonth) {
    }

    /** The current (not closed) enrollment of a scheme, if any. */
    public Optional<Enrollment> current(Scheme scheme) {
        return enrollments.stream().filter(e -> e.scheme() == scheme && !CLOSED.equals(e.status())).findFirst();
    }
}
