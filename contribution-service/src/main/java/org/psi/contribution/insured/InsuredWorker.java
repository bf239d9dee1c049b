package org.psi.contribution.insured;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;

/**
 * What this service knows of one worker, from its copy of the enrollment-service's facts (the
 * source of truth for who is insured where): enrollments with the months they covered and their
 * base grades, and consents; the first month at the statutory retirement age (null when the copy
 * predates it), from which PENSION is paid only for the months short of the minimum period.
 */
public record InsuredWorker(UUID workerId, String subject, YearMonth retirementMonth, List<Enrollment> enrollments,
                            List<Consent> consents) {

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
    public record Consent(String platformCode, Instant grantedAt, Instant revokedAt, UUID linkId) {

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

    /** Whether {@code month} of {@code scheme} is at or after the retirement month (PENSION then pays on only until the minimum, 延长缴费). */
    public boolean pastRetirement(Scheme scheme, YearMonth month) {
        return scheme == Scheme.PENSION && retirementMonth != null && !month.isBefore(retirementMonth);
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

    /** The worker as the enrollment-service's record describes them (enrollments of unknown schemes left out). */
    public static InsuredWorker of(EnrollmentRecords.WorkerRecord w) {
        List<Enrollment> enrollments = new java.util.ArrayList<>();
        for (EnrollmentRecords.EnrollmentRecord e : w.enrollments() == null ? List.<EnrollmentRecords.EnrollmentRecord>of() : w.enrollments()) {
            Scheme scheme;
            try {
                scheme = Scheme.valueOf(e.scheme());
            } catch (IllegalArgumentException | NullPointerException ex) {
                continue;
            }
            List<MonthSpan> covered = e.coveredPeriods() == null ? List.of()
                    : e.coveredPeriods().stream().map(m -> new MonthSpan(m.from(), m.to())).toList();
            List<GradeFrom> grades = e.grades() == null ? List.of()
                    : e.grades().stream().map(g -> new GradeFrom(g.fromMonth(), g.baseGrade())).toList();
            enrollments.add(new Enrollment(scheme, new RegionCode(e.region()), e.status(), e.startMonth(), e.endMonth(),
                    covered, grades));
        }
        List<Consent> consents = w.consents() == null ? List.of()
                : w.consents().stream().map(c -> new Consent(c.platformCode(), c.grantedAt(), c.revokedAt(), c.linkId())).toList();
        return new InsuredWorker(w.workerId(), w.subject(), w.retirementMonth(), List.copyOf(enrollments), consents);
    }
}
