package org.psi.transfer.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.psi.transfer.saga.SagaCases;

@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<TransferCase, UUID>, SagaCases {

    /** Which side of a case a region is on, for the officers' queue. */
    public enum Direction { IN, OUT }

    /** A position in a list ordered by submission time then id. */
    public record After(Instant submittedAt, UUID id) {
    }

    @Override
    public Optional<TransferCase> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks up to {@code limit} cases whose saga step is due, skipping those another worker has locked,
     * and loads them. Must run in a transaction, which keeps the rows locked until it ends.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<TransferCase> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery(
                        "select * from transfer_case where saga_due_at <= ?1 order by saga_due_at limit ?2 for update skip locked",
                        TransferCase.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** Locks one case if its saga step is due and no other worker has it locked. */
    @Override
    @SuppressWarnings("unchecked")
    public Optional<TransferCase> lockIfDue(UUID id, Instant now) {
        List<TransferCase> due = getEntityManager().createNativeQuery(
                        "select * from transfer_case where id = ?1 and saga_due_at <= ?2 for update skip locked", TransferCase.class)
                .setParameter(1, id).setParameter(2, now).getResultList();
        return due.stream().findFirst();
    }

    /** A worker's own cases, newest first. */
    public List<TransferCase> pageOfSubject(String subject, After after, int rows) {
        if (after == null) {
            return find("subject = ?1 order by submittedAt desc, id desc", subject).range(0, rows - 1).list();
        }
        return find("subject = ?1 and (submittedAt < ?2 or (submittedAt = ?2 and id < ?3)) order by submittedAt desc, id desc",
                subject, after.submittedAt(), after.id()).range(0, rows - 1).list();
    }

    /**
     * The queue of a region (a province prefix covers its cities), oldest first: cases coming IN, going
     * OUT, or both; by status; overdue (the current step past its due day) or not.
     */
    public List<TransferCase> queue(String regionPrefix, Direction direction, TransferStatus status, Boolean overdue,
                                    LocalDate today, After after, int rows) {
        StringBuilder q = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("prefix", regionPrefix + "%");
        if (direction == Direction.IN) {
            q.append("toRegion like :prefix");
        } else if (direction == Direction.OUT) {
            q.append("fromRegion like :prefix");
        } else {
            q.append("(toRegion like :prefix or fromRegion like :prefix)");
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (overdue != null) {
            params.put("today", today);
            q.append(overdue ? " and currentDueOn < :today" : " and (currentDueOn is null or currentDueOn >= :today)");
        }
        if (after != null) {
            q.append(" and (submittedAt > :afterAt or (submittedAt = :afterAt and id > :afterId))");
            params.put("afterAt", after.submittedAt());
            params.put("afterId", after.id());
        }
        q.append(" order by submittedAt, id");
        return find(q.toString(), params).range(0, rows - 1).list();
    }

    public List<TransferCase> byIds(List<UUID> ids) {
        return ids.isEmpty() ? new ArrayList<>() : list("id in ?1", ids);
    }
}
