package org.psi.transfer.saga.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.Route;

/**
 * The enrollment-service as its contract says (docs/INTERNAL-API.md, {@code enrollment-move}): a move
 * closes the worker's current enrollment of the scheme and opens one at the destination, once per
 * transfer id; a repeat answers the first result (the real service locks the worker's row first, so two
 * racing calls of one transfer answer alike); 409 when there is no current enrollment, when it is
 * already in that region, or when the transfer id moved something else. Each call is applied whole at
 * one instant of simulated time.
 */
public final class SimEnrollment {

    public static final String PROBLEMS = "https://psi.example/problems/";

    public static final class Enrollment {
        public final UUID id;
        public final UUID workerId;
        public final Scheme scheme;
        public final String region;
        public String status;
        public UUID openedByTransfer;
        public UUID closedByTransfer;

        Enrollment(UUID id, UUID workerId, Scheme scheme, String region, String status) {
            this.id = id;
            this.workerId = workerId;
            this.scheme = scheme;
            this.region = region;
            this.status = status;
        }
    }

    /** A move made, by transfer id, with its answer. */
    public record Move(UUID workerId, Scheme scheme, String toRegion, UUID closed, UUID opened, long at) {
    }

    private final Prng ids;
    private final List<Enrollment> enrollments = new ArrayList<>();
    private final Map<UUID, Move> moves = new LinkedHashMap<>();
    private final Map<UUID, Integer> applied = new LinkedHashMap<>();

    public SimEnrollment(Prng ids) {
        this.ids = ids;
    }

    public void enrol(UUID workerId, Scheme scheme, String region) {
        enrollments.add(new Enrollment(ids.uuid(), workerId, scheme, region, "ACTIVE"));
    }

    public Enrollment current(UUID workerId, Scheme scheme) {
        for (Enrollment e : enrollments) {
            if (e.workerId.equals(workerId) && e.scheme == scheme && !"CLOSED".equals(e.status)) {
                return e;
            }
        }
        return null;
    }

    public Answer move(UUID transferId, UUID workerId, Scheme scheme, String toRegion, Route route, long now) {
        Move done = moves.get(transferId);
        if (done != null) {
            if (!done.workerId().equals(workerId) || done.scheme() != scheme || !done.toRegion().equals(toRegion)) {
                return Answer.problem(409, PROBLEMS + "transfer-conflict", "Transfer " + transferId + " already moved a different enrollment");
            }
            return Answer.ok(done.opened());
        }
        Enrollment source = current(workerId, scheme);
        if (source == null) {
            return Answer.problem(409, PROBLEMS + "no-current-enrollment", "The worker has no current " + scheme + " enrollment to move");
        }
        if (source.region.equals(toRegion)) {
            return Answer.problem(409, PROBLEMS + "same-region", "The enrollment is already in " + toRegion);
        }
        source.status = "CLOSED";
        source.closedByTransfer = transferId;
        Enrollment opened = new Enrollment(ids.uuid(), workerId, scheme, toRegion, route == Route.TEMPORARY ? "TEMPORARY" : "ACTIVE");
        opened.openedByTransfer = transferId;
        enrollments.add(opened);
        moves.put(transferId, new Move(workerId, scheme, toRegion, source.id, opened.id, now));
        applied.merge(transferId, 1, Integer::sum);
        return Answer.ok(opened.id);
    }

    /** Someone else ends the worker's current enrollment (an officer, the worker leaving the scheme): a later move is refused. */
    public boolean closeExternally(UUID workerId, Scheme scheme) {
        Enrollment e = current(workerId, scheme);
        if (e == null) {
            return false;
        }
        e.status = "CLOSED";
        return true;
    }

    public Move moveOf(UUID transferId) {
        return moves.get(transferId);
    }

    /** How many times a move of this transfer was carried out (never more than once). */
    public int applied(UUID transferId) {
        return applied.getOrDefault(transferId, 0);
    }

    /** For the trace hash: what the service ends with. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        for (Enrollment e : enrollments) {
            s.append(e.id).append(' ').append(e.region).append(' ').append(e.status).append(';');
        }
        return s.toString();
    }
}
