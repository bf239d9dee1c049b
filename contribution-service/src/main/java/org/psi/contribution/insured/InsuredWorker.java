package org.psi.contribution.insured;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;

/**
 * What the enrollment-service (the source of truth for who is insured where) tells this service
 * about one worker: enrollments with the months they covered and their base grades, and consents.
 */
public record InsuredWorker(UUID workerId, String subject, LocalDate birthDate, String hukouRegion,
                          List<Enrollment> enrollments, List<Consent> consents) {

    /** An enrollment in one scheme and pooling region; {@code covered} are the months contributions are due and accepted. */
    public record Enrollment(Scheme scheme, RegionCode region, String status, YearMonth startMonth, YearMonth endMonth,
                             List<MonthSpan> covered, List<GradeFrom> grades) {

        public boolean covers(YearMonth month) {
            return covered.stream().anyMatch(s -> s.contains(month));
        }

        /** The base grade in force in {@code month}: the last grade whose first month is not after it. */
        public OptionalInt gradeIn(YearMonth month) {
            Integer grade = null;
            YearMonth latest = null;
            for (GradeFrom g : grades) {
                if (!g.fromMonth().isAfter(month) && (latest == null || !g.fromMonth().isBefore(latest))) {
                    grade = g.baseGrade();
                    latest = g.fromMonth();
                }
            }
            return grade == null ? OptionalInt.empty() : OptionalInt.of(grade);
        }

        public boolean isCurrent() {
            return !"CLOSED".equals(status);
        }
    }

    /** Months {@code from} to {@code to} inclusive; {@code to} null means still open. */
    public record MonthSpan(YearMonth from, YearMonth to) {
        public boolean contains(YearMonth month) {
            return !month.isBefore(from) && (to == null || !month.isAfter(to));
        }
    }

    public record GradeFrom(YearMonth fromMonth, int baseGrade) {
    }

    /** A worker's consent that a platform may contribute for them, from {@code grantedAt} until {@code revokedAt}. */
    public record Consent(String platformCode, Instant grantedAt, Instant revokedAt) {

        /** Whether the consent was in force at some instant of [{@code from}, {@code until}). */
        public boolean inForceWithin(Instant from, Instant until) {
            return grantedAt.isBefore(until) && (revokedAt == null || revokedAt.isAfter(from));
        }
    }

    /** The enrollment of {@code scheme} that covered {@code month}, if any. */
    public Optional<Enrollment> covering(Scheme scheme, YearMonth month) {
        for (Enrollment e : enrollments) {
            if (e.scheme() == scheme && e.covers(month)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public List<Enrollment> enrollmentsOf(Scheme scheme) {
        return enrollments.stream().filter(e -> e.scheme() == scheme).toList();
    }

    /** Whether {@code platformCode} held this worker's consent at some instant of [{@code from}, {@code until}). */
    public boolean consented(String platformCode, Instant from, Instant until) {
        for (Consent c : consents) {
            if (c.platformCode().equals(platformCode) && c.inForceWithin(from, until)) {
                return true;
            }
        }
        return false;
    }
}
