package org.psi.contribution.holds;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class HoldRepository implements PanacheRepositoryBase<TransferHold, UUID> {

    /** The hold, locked FOR UPDATE: its commit or release runs alone, and feeds paying toward its worker wait. */
    public Optional<TransferHold> findForUpdate(UUID transferId) {
        return findByIdOptional(transferId, LockModeType.PESSIMISTIC_WRITE);
    }
}
