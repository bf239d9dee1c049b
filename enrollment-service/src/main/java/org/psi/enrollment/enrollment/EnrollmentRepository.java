package org.psi.enrollment.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.psi.common.domain.Scheme;

@ApplicationScoped
public class EnrollmentRepository implements PanacheRepositoryBase<Enrollment, UUID> {

    public List<Enrollment> findByWorker(UUID workerId) {
        return list("workerId = ?1 order by createdAt", workerId);
    }

    /** How many enrollments the worker has, closed ones included. */
    public long countOfWorker(UUID workerId) {
        return count("workerId", workerId);
    }

    public Optional<Enrollment> findCurrent(UUID workerId, Scheme scheme) {
        return find("workerId = ?1 and scheme = ?2 and status <> ?3", workerId, scheme, EnrollmentStatus.CLOSED)
                .firstResultOptional();
    }

    public Optional<Enrollment> findCurrentForUpdate(UUID workerId, Scheme scheme) {
        return find("workerId = ?1 and scheme = ?2 and status <> ?3", workerId, scheme, EnrollmentStatus.CLOSED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Enrollment> findOwned(UUID id, UUID workerId) {
        return find("id = ?1 and workerId = ?2", id, workerId).firstResultOptional();
    }

    public Optional<Enrollment> findOpenedByTransfer(UUID transferId) {
        return find("openedByTransfer", transferId).firstResultOptional();
    }

    /** Whether the worker has ever been enrolled in a region that {@code regionPrefix} covers. */
    public boolean hasEnrollmentUnder(UUID workerId, String regionPrefix) {
        return count("workerId = ?1 and region like ?2", workerId, regionPrefix + "%") > 0;
    }

    /** One page of a region's enrollments (a province prefix covers its cities), in id order after {@code afterId}. */
    public List<Enrollment> pageUnder(String regionPrefix, Scheme scheme, EnrollmentStatus status, UUID afterId, int rows) {
        StringBuilder query = new StringBuilder("region like :prefix");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("prefix", regionPrefix + "%"));
        if (scheme != null) {
            query.append(" and scheme = :scheme");
            params.put("scheme", scheme);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (afterId != null) {
            query.append(" and id > :after");
            params.put("after", afterId);
        }
        query.append(" order by id");
        return find(query.toString(), params).range(0, rows - 1).list();
    }

    /** The timelines (grade and status history) of these enrollments, in two queries. */
    public List<EnrollmentTimeline> timelines(Collection<Enrollment> enrollments) {
        if (enrollments.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = enrollments.stream().map(e -> e.id).toList();
        Map<UUID, List<GradeChange>> grades = GradeChange.<GradeChange>list("enrollmentId in :ids",
                Parameters.with("ids", ids)).stream().collect(Collectors.groupingBy(g -> g.enrollmentId));
        Map<UUID, List<StatusChange>> statuses = StatusChange.<StatusChange>list("enrollmentId in :ids",
                Parameters.with("ids", ids)).stream().collect(Collectors.groupingBy(s -> s.enrollmentId));
        List<EnrollmentTimeline> timelines = new ArrayList<>();
        for (Enrollment e : enrollments) {
            timelines.add(new EnrollmentTimeline(e, grades.getOrDefault(e.id, List.of()),
                    statuses.getOrDefault(e.id, List.of())));
        }
        return timelines;
    }

    public List<Enrollment> findByWorkers(Collection<UUID> workerIds) {
        return workerIds.isEmpty() ? List.of() : list("workerId in ?1", workerIds);
    }
}
