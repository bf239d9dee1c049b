package org.psi.transfer.saga;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.psi.transfer.cases.TransferCase;

/**
 * The case rows as the saga locks them: {@code cases.TransferRepository} over PostgreSQL in production,
 * an in-memory table in the simulation of the saga. Each method runs inside the caller's transaction,
 * which keeps the rows it returns locked until it ends.
 */
public interface SagaCases {

    Optional<TransferCase> findForUpdate(UUID id);

    /** Up to {@code limit} cases whose saga step is due, in order of due time, skipping those another transaction has locked. */
    List<TransferCase> lockDue(Instant now, int limit);

    /** The case if its saga step is due and no other transaction has it locked. */
    Optional<TransferCase> lockIfDue(UUID id, Instant now);
}
