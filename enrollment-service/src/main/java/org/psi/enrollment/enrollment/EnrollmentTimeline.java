package org.psi.enrollment.enrollment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An enrollment with its grade and status history, answering for any month whether it covered that
 * month and which base grade was in force. Changes take effect from their effective month; of two
 * changes for the same month the later one wins.
 */
public record EnrollmentTimeline(Enrollment enrollment, List<GradeChange> grades, List<StatusChange> statusChanges) {

    /**
     * The most base grades, and the most status changes, one enrollment keeps (a change every month
     * for a hundred years): a change past it is refused. Its covered periods are at most one more.
     */
    public static final int MAX_CHANGES = 1200;

    public EnrollmentTimeline {
        grades = grades.stream()
                .sorted(Comparator.comparing((GradeChange g) -> g.effectiveMonth).thenComparing(g -> g.changedAt))
                .toList();
        statusChanges = statusChanges.stream()
                .sorted(Comparator.comparing((StatusChange s) -> s.effectiveMonth).thenComparing(s -> s.changedAt))
                .toList();
    }

    /** The base grade in force in {@code month}, if the scheme has one and the enrollment had begun. */
    public Optional<Integer> gradeIn(YearMonth month) {
        Integer grade = null;
        for (GradeChange g : grades) {
            if (g.effectiveMonth.isAfter(month)) {
                break;
            }
            grade = g.baseGrade;
        }
        return Optional.ofNullable(grade);
    }

    /** The months in which the enrollment covered the worker (ACTIVE or TEMPORARY), as ranges. */
    public List<MonthRange> coveredPeriods() {
        Enrollment e = enrollment;
        List<MonthRange> ranges = new ArrayList<>();
        YearMonth openFrom = e.startMonth;
        for (StatusChange change : statusChanges) {
            YearMonth at = change.effectiveMonth.isBefore(e.startMonth) ? e.startMonth : change.effectiveMonth;
            if (change.status == EnrollmentStatus.SUSPENDED && openFrom != null) {
                if (at.isAfter(openFrom)) {
                    ranges.add(new MonthRange(openFrom, at.minusMonths(1)));
                }
                openFrom = null;
            } else if (change.status == EnrollmentStatus.ACTIVE && openFrom == null) {
                openFrom = at;
            }
        }
        if (openFrom != null && (e.endMonth == null || !openFrom.isAfter(e.endMonth))) {
            ranges.add(new MonthRange(openFrom, e.endMonth));
        }
        if (e.endMonth != null) {
            ranges.replaceAll(r -> r.to() == null || r.to().isAfter(e.endMonth) ? new MonthRange(r.from(), e.endMonth) : r);
            ranges.removeIf(r -> r.from().isAfter(e.endMonth));
        }
        return merged(ranges);
    }

    /** Joins ranges that touch: a suspension undone before it took effect leaves no gap. */
    private static List<MonthRange> merged(List<MonthRange> ranges) {
        List<MonthRange> out = new ArrayList<>();
        for (MonthRange r : ranges) {
            MonthRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.to() != null && !r.from().isAfter(last.to().plusMonths(1))) {
                out.set(out.size() - 1, new MonthRange(last.from(), r.to() == null || r.to().isAfter(last.to()) ? r.to() : last.to()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    public boolean covers(YearMonth month) {
        return coveredPeriods().stream().anyMatch(r -> r.contains(month));
    }
}
