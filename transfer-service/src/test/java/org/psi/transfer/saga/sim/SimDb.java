package org.psi.transfer.saga.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.psi.transfer.cases.TransferCase;
import org.psi.transfer.cases.TransferEvent;
import org.psi.transfer.saga.SagaCases;

/**
 * The transfer-service's database, in memory: the case rows and the trail, answering what
 * {@code SagaService} asks of {@link SagaCases} as {@code TransferRepository}'s queries do
 * ({@code lockDue}: due rows in order of due time, at most {@code limit}; {@code lockIfDue};
 * {@code findForUpdate}). The simulation runs each transaction
 * whole at one instant, so the row locks that {@code for update skip locked} takes never meet; a
 * transaction either runs entirely or (the database down, the instance dead) not at all. Rows with the
 * same due time come in an order the run's generator decides, as PostgreSQL leaves it open.
 */
public final class SimDb implements SagaCases {

    private final Map<UUID, TransferCase> cases = new LinkedHashMap<>();
    private final Map<UUID, List<TransferEvent>> trails = new LinkedHashMap<>();
    private final Prng order;

    public SimDb(Prng order) {
        this.order = order;
    }

    public TransferCase get(UUID id) {
        return cases.get(id);
    }

    public List<TransferCase> all() {
        return new ArrayList<>(cases.values());
    }

    public List<TransferEvent> trail(UUID id) {
        return trails.getOrDefault(id, List.of());
    }

    public void insert(TransferCase c) {
        cases.put(c.id, c);
    }

    @Override
    public Optional<TransferCase> findForUpdate(UUID id) {
        return Optional.ofNullable(cases.get(id));
    }

    @Override
    public List<TransferCase> lockDue(Instant now, int limit) {
        List<TransferCase> due = new ArrayList<>();
        for (TransferCase c : cases.values()) {
            if (c.lease.dueAt != null && !c.lease.dueAt.isAfter(now)) {
                due.add(c);
            }
        }
        // ties of saga_due_at in an order of the run's choosing (a Fisher-Yates shuffle, then a stable sort)
        for (int i = due.size() - 1; i > 0; i--) {
            int j = order.below(i + 1);
            TransferCase t = due.get(i);
            due.set(i, due.get(j));
            due.set(j, t);
        }
        due.sort(Comparator.comparing(c -> c.lease.dueAt));
        return due.size() > limit ? new ArrayList<>(due.subList(0, limit)) : due;
    }

    @Override
    public Optional<TransferCase> lockIfDue(UUID id, Instant now) {
        TransferCase c = cases.get(id);
        return c != null && c.lease.dueAt != null && !c.lease.dueAt.isAfter(now) ? Optional.of(c) : Optional.empty();
    }

    /** The trail's insert (what {@code TransferEventRepository.persist} does). */
    public void append(TransferEvent e) {
        trails.computeIfAbsent(e.transferId, k -> new ArrayList<>()).add(e);
    }
}
