package org.psi.transfer.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.psi.common.events.Outbox;
import org.psi.common.events.Streams;

@ApplicationScoped
public class TransferEventRepository implements PanacheRepositoryBase<TransferEvent, UUID> {

    /** The event of the {@code transfer} stream: which case took which step (thin: a reader fetches the case for more). */
    public record StepTaken(UUID transferId, UUID workerId, int seq, String step, Instant at) {
    }

    private final Outbox outbox;

    public TransferEventRepository(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<TransferEvent> trail(UUID transferId) {
        return list("transferId = ?1 order by seq", transferId);
    }

    /**
     * Writes a step of a case's trail and, in the same transaction, its event into the outbox
     * ({@code transfer.<step>}, e.g. {@code transfer.submitted}, {@code transfer.funds_committed}).
     */
    public void record(TransferEvent e) {
        persist(e);
        // the case is in this transaction's persistence context already (it was just locked or opened)
        TransferCase c = getEntityManager().find(TransferCase.class, e.transferId);
        outbox.emit(Streams.TRANSFER, c.id.toString(), "transfer." + e.type.toLowerCase(java.util.Locale.ROOT),
                new StepTaken(c.id, c.workerId, e.seq, e.type, e.at));
    }
}
