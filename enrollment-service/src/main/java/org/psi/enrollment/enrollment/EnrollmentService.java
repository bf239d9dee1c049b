package org.psi.enrollment.enrollment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.RetirementAge;
import org.psi.common.domain.Scheme;
import org.psi.common.i18n.Message;
import org.psi.enrollment.events.EnrollmentEvents;
import org.psi.enrollment.events.EventPayloads;
import org.psi.enrollment.worker.Worker;

/**
 * Enrollment rules: pooling region of the scheme, base grade 60..300 for monthly schemes, age limits,
 * one current enrollment per scheme nationwide, and changes that take effect from the next month.
 */
@ApplicationScoped
public class EnrollmentService {

    public static final int MIN_GRADE = 60;
    public static final int MAX_GRADE = 300;
    /**
     * The most enrollments one worker keeps, closed ones included (one a scheme, and one more for each
     * transfer): one more is refused.
     */
    public static final int MAX_ENROLLMENTS = 1000;

    private final EnrollmentRepository enrollments;
    private final CoveredPeriodStore coveredPeriods;
    private final EnrollmentPolicy policy;
    private final Clock clock;
    private final EnrollmentEvents events;

    public EnrollmentService(EnrollmentRepository enrollments, CoveredPeriodStore coveredPeriods,
                             EnrollmentPolicy policy, Clock clock, EnrollmentEvents events) {
        this.events = events;
        this.enrollments = enrollments;
        this.coveredPeriods = coveredPeriods;
        this.policy = policy;
        this.clock = clock;
    }

    public record Enrolment(String scheme, String region, Integer baseGrade, String startMonth) {
    }

    public record Change(Integer baseGrade, String status) {
    }

    @Transactional
    public EnrollmentTimeline enrol(Worker worker, Enrolment request) {
        Scheme scheme = Scheme.parse(request.scheme(), "scheme");
        RegionCode region = PoolingRegions.requirePooling(request.region(), scheme, "region");
        Integer grade = checkGrade(scheme, request.baseGrade());
        YearMonth thisMonth = YearMonth.now(clock);
        YearMonth start = request.startMonth() == null ? thisMonth : Periods.month(request.startMonth(), "startMonth");
        if (start.isBefore(thisMonth.minusMonths(policy.maxBackdatedMonths()))
                || start.isAfter(thisMonth.plusMonths(policy.maxFutureMonths()))) {
            throw new InvalidValueException("startMonth", "OUT_OF_RANGE", "enrollment.start-month.range",
                    thisMonth.minusMonths(policy.maxBackdatedMonths()), thisMonth.plusMonths(policy.maxFutureMonths()));
        }
        checkAge(worker, scheme, start);
        events.lockWorker(worker.id);
        if (enrollments.findCurrent(worker.id, scheme).isPresent()) {
            throw alreadyEnrolled(scheme);
        }
        if (enrollments.countOfWorker(worker.id) >= MAX_ENROLLMENTS) {
            throw tooManyEnrollments();
        }
        Instant now = Instant.now(clock);
        Enrollment e = new Enrollment();
        e.id = UUID.randomUUID();
        e.workerId = worker.id;
        e.scheme = scheme;
        e.region = region.value();
        e.status = EnrollmentStatus.ACTIVE;
        e.startMonth = start;
        e.createdAt = now;
        try {
            enrollments.persistAndFlush(e);
        } catch (PersistenceException ex) {
            throw alreadyEnrolled(scheme);
        }
        List<GradeChange> grades = grade == null ? List.of() : List.of(GradeChange.of(e.id, start, grade, now));
        grades.forEach(g -> g.persist());
        EnrollmentTimeline timeline = new EnrollmentTimeline(e, grades, List.of());
        coveredPeriods.replace(timeline, now);
        events.changed(worker.id, EnrollmentEvents.ENROLLMENT_OPENED, new EventPayloads.Change(e.id, null, null, null));
        return timeline;
    }

    public List<EnrollmentTimeline> ofWorker(Worker worker) {
        return enrollments.timelines(enrollments.findByWorker(worker.id));
    }

    public record RegionEntry(EnrollmentTimeline timeline, Worker worker) {
    }

    /**
     * One page of the enrollments in a region and the regions it covers (a province covers its
     * cities), optionally of one scheme and status, in id order after {@code afterId}.
     */
    public List<RegionEntry> inRegion(RegionCode region, Scheme scheme, EnrollmentStatus status, UUID afterId, int rows) {
        List<Enrollment> page = enrollments.pageUnder(region.prefix(), scheme, status, afterId, rows);
        java.util.Map<UUID, Worker> owners = Worker.<Worker>list("id in ?1",
                page.stream().map(e -> e.workerId).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(w -> w.id, w -> w));
        return enrollments.timelines(page).stream().map(t -> new RegionEntry(t, owners.get(t.enrollment().workerId))).toList();
    }

    /** A new base grade or a suspension/reactivation, in force from the next month. */
    @Transactional
    public EnrollmentTimeline change(Worker worker, UUID enrollmentId, Change change) {
        events.lockWorker(worker.id);
        Enrollment e = enrollments.findOwned(enrollmentId, worker.id)
                .orElseThrow(() -> ProblemException.notFound("enrollment.enrollment.not-found", enrollmentId));
        if (change.baseGrade() == null && change.status() == null) {
            throw ProblemException.invalid("body", "REQUIRED", "enrollment.change.required");
        }
        if (e.status == EnrollmentStatus.CLOSED) {
            throw ProblemException.conflict("enrollment-closed", "enrollment.enrollment.closed");
        }
        Instant now = Instant.now(clock);
        YearMonth from = YearMonth.now(clock).plusMonths(1);
        if (from.isBefore(e.startMonth)) {
            from = e.startMonth;
        }
        EnrollmentTimeline before = enrollments.timelines(List.of(e)).get(0);
        if (change.baseGrade() != null) {
            int grade = checkGrade(e.scheme, change.baseGrade());
            if (before.grades().size() >= EnrollmentTimeline.MAX_CHANGES) {
                throw tooManyChanges();
            }
            GradeChange.of(e.id, from, grade, now).persist();
        }
        if (change.status() != null) {
            EnrollmentStatus target = switch (change.status()) {
                case "SUSPENDED" -> EnrollmentStatus.SUSPENDED;
                case "ACTIVE" -> EnrollmentStatus.ACTIVE;
                default -> throw new InvalidValueException("status", "INVALID_STATUS",
                        "enrollment.change.status");
            };
            if (e.status == EnrollmentStatus.TEMPORARY) {
                throw ProblemException.conflict("enrollment-temporary",
                        "enrollment.enrollment.temporary");
            }
            if (e.status != target) {
                if (before.statusChanges().size() >= EnrollmentTimeline.MAX_CHANGES) {
                    throw tooManyChanges();
                }
                e.status = target;
                StatusChange.of(e.id, from, target, now).persist();
            }
        }
        enrollments.flush();
        EnrollmentTimeline timeline = enrollments.timelines(List.of(e)).get(0);
        coveredPeriods.replace(timeline, now);
        events.changed(worker.id, EnrollmentEvents.ENROLLMENT_CHANGED, new EventPayloads.Change(e.id, null, null, null));
        return timeline;
    }

    private Integer checkGrade(Scheme scheme, Integer grade) {
        if (!scheme.hasBaseGrade()) {
            if (grade != null) {
                throw new InvalidValueException("baseGrade", "NOT_APPLICABLE",
                        "enrollment.base-grade.not-applicable", scheme.label());
            }
            return null;
        }
        if (grade == null) {
            throw new InvalidValueException("baseGrade", "REQUIRED", "enrollment.base-grade.required", scheme.label());
        }
        if (grade < MIN_GRADE || grade > MAX_GRADE) {
            throw new InvalidValueException("baseGrade", "OUT_OF_RANGE",
                    "enrollment.base-grade.range");
        }
        return grade;
    }

    /**
     * From 16 until the statutory retirement age; PENSION also after it, since a worker short of the
     * minimum period at retirement may pay on until she reaches it (延长缴费): the contribution-service,
     * which counts the months, assesses no month past retirement beyond the months short.
     */
    private void checkAge(Worker worker, Scheme scheme, YearMonth start) {
        LocalDate firstDay = start.atDay(1);
        LocalDate today = LocalDate.now(clock);
        LocalDate from = firstDay.isAfter(today) ? firstDay : today;
        int ageAtStart = Periods.age(worker.birthDate, start.atEndOfMonth());
        if (ageAtStart < policy.minimumAge()) {
            throw new ProblemException(422, "age-limit", Message.of("enrollment.title.age-limit"),
                    Message.of("enrollment.age.minimum", policy.minimumAge()));
        }
        RetirementAge.Category category = policy.retirementCategoryOf(worker.sex);
        if (scheme != Scheme.PENSION && !RetirementAge.workingAgeIn(YearMonth.from(from), worker.birthDate, category)) {
            throw new ProblemException(422, "age-limit", Message.of("enrollment.title.age-limit"),
                    Message.of("enrollment.age.retirement",
                            RetirementAge.describe(RetirementAge.ageInMonths(YearMonth.from(worker.birthDate), category))));
        }
    }

    /** An enrollment past {@link #MAX_ENROLLMENTS}: refused, whether enrolled or opened by a transfer. */
    public static ProblemException tooManyEnrollments() {
        return ProblemException.conflict("too-many-enrollments", "enrollment.enrollment.too-many", MAX_ENROLLMENTS);
    }

    private static ProblemException tooManyChanges() {
        return ProblemException.conflict("too-many-changes", "enrollment.change.too-many", EnrollmentTimeline.MAX_CHANGES);
    }

    private static ProblemException alreadyEnrolled(Scheme scheme) {
        return ProblemException.conflict("already-enrolled", "enrollment.enrollment.already-enrolled", scheme.label());
    }
}
