package org.psi.enrollment.enrollment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The covered periods of each enrollment, as {@link EnrollmentTimeline#coveredPeriods()} computes
 * them, kept in a table so that statistics can count covered workers per month in SQL.
 */
@ApplicationScoped
public class CoveredPeriodStore {

    private final EntityManager em;

    public CoveredPeriodStore(EntityManager em) {
        this.em = em;
    }

    /** Replaces the stored covered periods of the timeline's enrollment with its current ones. */
    public void replace(EnrollmentTimeline timeline, Instant at) {
        em.flush();
        Enrollment e = timeline.enrollment();
        em.createNativeQuery("delete from enrollment_covered_period where enrollment_id = :id")
                .setParameter("id", e.id).executeUpdate();
        for (MonthRange r : timeline.coveredPeriods()) {
            em.createNativeQuery("insert into enrollment_covered_period"
                            + " (enrollment_id, from_month, to_month, worker_id, scheme, region)"
                            + " values (:id, :from, cast(:to as varchar), :worker, :scheme, :region)")
                    .setParameter("id", e.id)
                    .setParameter("from", r.from().toString())
                    .setParameter("to", r.to() == null ? null : r.to().toString())
                    .setParameter("worker", e.workerId)
                    .setParameter("scheme", e.scheme.name())
                    .setParameter("region", e.region)
                    .executeUpdate();
        }
        em.createNativeQuery("insert into enrollment_covered_sync (enrollment_id, written_at) values (:id, :at)"
                        + " on conflict (enrollment_id) do update set written_at = excluded.written_at")
                .setParameter("id", e.id).setParameter("at", at).executeUpdate();
    }

    /** Up to {@code limit} enrollments whose covered periods were never written (made before the table existed). */
    @SuppressWarnings("unchecked")
    public List<UUID> notWritten(int limit) {
        return em.createNativeQuery("select e.id from enrollment e where not exists"
                        + " (select 1 from enrollment_covered_sync s where s.enrollment_id = e.id) order by e.id", UUID.class)
                .setMaxResults(limit).getResultList();
    }
}
