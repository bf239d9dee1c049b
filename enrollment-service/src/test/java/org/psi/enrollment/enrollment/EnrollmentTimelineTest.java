package org.psi.enrollment.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;

class EnrollmentTimelineTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");

    private static Enrollment enrollment(String start, String end) {
        Enrollment e = new Enrollment();
        e.id = UUID.randomUUID();
        e.workerId = UUID.randomUUID();
        e.scheme = Scheme.PENSION;
        e.region = "440000";
        e.status = EnrollmentStatus.ACTIVE;
        e.startMonth = YearMonth.parse(start);
        e.endMonth = end == null ? null : YearMonth.parse(end);
        return e;
    }

    @Test
    void theGradeInForceIsTheLatestChangeOnOrBeforeTheMonth() {
        Enrollment e = enrollment("2026-01", null);
        EnrollmentTimeline t = new EnrollmentTimeline(e, List.of(
                GradeChange.of(e.id, YearMonth.parse("2026-05"), 150, T0.plusSeconds(60)),
                GradeChange.of(e.id, YearMonth.parse("2026-01"), 100, T0),
                GradeChange.of(e.id, YearMonth.parse("2026-05"), 200, T0.plusSeconds(120))), List.of());
        assertEquals(Optional.empty(), t.gradeIn(YearMonth.parse("2025-12")));
        assertEquals(Optional.of(100), t.gradeIn(YearMonth.parse("2026-04")));
        assertEquals(Optional.of(200), t.gradeIn(YearMonth.parse("2026-05")), "the later change for the same month wins");
        assertEquals(Optional.of(200), t.gradeIn(YearMonth.parse("2030-01")));
    }

    @Test
    void suspensionsLeaveGapsInTheCoveredMonths() {
        Enrollment e = enrollment("2026-01", null);
        EnrollmentTimeline t = new EnrollmentTimeline(e, List.of(), List.of(
                StatusChange.of(e.id, YearMonth.parse("2026-04"), EnrollmentStatus.SUSPENDED, T0),
                StatusChange.of(e.id, YearMonth.parse("2026-07"), EnrollmentStatus.ACTIVE, T0.plusSeconds(1))));
        assertEquals(List.of(new MonthRange(YearMonth.parse("2026-01"), YearMonth.parse("2026-03")),
                new MonthRange(YearMonth.parse("2026-07"), null)), t.coveredPeriods());
        assertTrue(t.covers(YearMonth.parse("2026-03")));
        assertFalse(t.covers(YearMonth.parse("2026-05")));
        assertTrue(t.covers(YearMonth.parse("2027-01")));
        assertFalse(t.covers(YearMonth.parse("2025-12")));
    }

    @Test
    void aClosedEnrollmentCoversUpToItsEndMonth() {
        Enrollment e = enrollment("2026-01", "2026-06");
        EnrollmentTimeline t = new EnrollmentTimeline(e, List.of(), List.of());
        assertEquals(List.of(new MonthRange(YearMonth.parse("2026-01"), YearMonth.parse("2026-06"))), t.coveredPeriods());
        assertFalse(t.covers(YearMonth.parse("2026-07")));
    }

    @Test
    void aSuspensionUndoneWithinTheSameMonthLeavesNoGap() {
        Enrollment e = enrollment("2026-01", null);
        EnrollmentTimeline t = new EnrollmentTimeline(e, List.of(), List.of(
                StatusChange.of(e.id, YearMonth.parse("2026-04"), EnrollmentStatus.SUSPENDED, T0),
                StatusChange.of(e.id, YearMonth.parse("2026-04"), EnrollmentStatus.ACTIVE, T0.plusSeconds(1))));
        assertEquals(List.of(new MonthRange(YearMonth.parse("2026-01"), null)), t.coveredPeriods());
    }
}
