package org.psi.enrollment.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.enrollment.enrollment.CoveredPeriodStore;
import org.psi.enrollment.enrollment.Enrollment;
import org.psi.enrollment.enrollment.EnrollmentRepository;
import org.psi.enrollment.enrollment.EnrollmentService;
import org.psi.enrollment.enrollment.EnrollmentStatus;
import org.psi.enrollment.enrollment.EnrollmentTimeline;
import org.psi.enrollment.enrollment.GradeChange;
import org.psi.enrollment.events.EnrollmentEvents;
import org.psi.enrollment.events.EventPayloads;

/**
 * Moves a worker's current enrollment to another region for a transfer, once per transfer id:
 * the source enrollment is closed after the month before {@code fromMonth}, and a new one opens at
 * the destination from {@code fromMonth}, ACTIVE (the relationship moves) or TEMPORARY (a temporary
 * contribution account while the relationship is held at the source). The base grade carries over.
 */
@ApplicationScoped
public class MoveService {

    public enum Mode { MOVE, TEMPORARY }

    public record Move(UUID workerId, Scheme scheme, String toRegion, Mode mode, YearMonth fromMonth) {
    }

    public record Moved(UUID transferId, Enrollment closed, Enrollment opened) {
    }

    private final EnrollmentRepository enrollments;
    private final CoveredPeriodStore coveredPeriods;
    private final Clock clock;
    private final EnrollmentEvents events;

    public MoveService(EnrollmentRepository enrollments, CoveredPeriodStore coveredPeriods, Clock clock,
                       EnrollmentEvents events) {
        this.events = events;
        this.enrollments = enrollments;
        this.coveredPeriods = coveredPeriods;
        this.clock = clock;
    }

    @Transactional
    public Moved move(UUID transferId, Move move) {
        // Locked first: two racing calls of one transfer then run one after the other, and the second
        // finds the move the first made and answers as it did.
        events.lockWorker(move.workerId());
        Optional<Enrollment> done = enrollments.findOpenedByTransfer(transferId);
        if (done.isPresent()) {
            Enrollment opened = done.get();
            if (!opened.workerId.equals(move.workerId()) || opened.scheme != move.scheme()
                    || !opened.region.equals(move.toRegion())) {
                throw ProblemException.conflict("transfer-conflict",
                        "enrollment.move.conflict", transferId);
            }
            Enrollment closed = enrollments.find("closedByTransfer", transferId).firstResult();
            return new Moved(transferId, closed, opened);
        }
        RegionCode to = PoolingRegions.requirePooling(move.toRegion(), move.scheme(), "toRegion");
        Enrollment source = enrollments.findCurrentForUpdate(move.workerId(), move.scheme())
                .orElseThrow(() -> ProblemException.conflict("no-current-enrollment",
                        "enrollment.move.no-current", move.scheme().label()));
        if (source.region.equals(to.value())) {
            throw ProblemException.conflict("same-region", "enrollment.move.same-region", to);
        }
        if (enrollments.countOfWorker(move.workerId()) >= EnrollmentService.MAX_ENROLLMENTS) {
            throw EnrollmentService.tooManyEnrollments();
        }
        Instant now = Instant.now(clock);
        YearMonth from = move.fromMonth() != null ? move.fromMonth() : YearMonth.now(clock).plusMonths(1);
        if (!from.isAfter(source.startMonth)) {
            from = source.startMonth.plusMonths(1);
        }
        Optional<Integer> grade = enrollments.timelines(List.of(source)).get(0).gradeIn(from.minusMonths(1));
        source.status = EnrollmentStatus.CLOSED;
        source.endMonth = from.minusMonths(1);
        source.closedByTransfer = transferId;
        enrollments.flush();

        Enrollment opened = new Enrollment();
        opened.id = UUID.randomUUID();
        opened.workerId = move.workerId();
        opened.scheme = move.scheme();
        opened.region = to.value();
        opened.status = move.mode() == Mode.TEMPORARY ? EnrollmentStatus.TEMPORARY : EnrollmentStatus.ACTIVE;
        opened.startMonth = from;
        opened.openedByTransfer = transferId;
        opened.createdAt = now;
        enrollments.persist(opened);
        grade.ifPresent(g -> GradeChange.of(opened.id, opened.startMonth, g, now).persist());
        enrollments.flush();
        for (EnrollmentTimeline t : enrollments.timelines(List.of(source, opened))) {
            coveredPeriods.replace(t, now);
        }
        events.changed(move.workerId(), EnrollmentEvents.ENROLLMENT_MOVED,
                new EventPayloads.Change(opened.id, null, null, transferId));
        return new Moved(transferId, source, opened);
    }
}
