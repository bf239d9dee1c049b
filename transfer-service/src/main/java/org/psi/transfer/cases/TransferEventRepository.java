package org.psi.transfer.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransferEventRepository implements PanacheRepositoryBase<TransferEvent, UUID> {

    public List<TransferEvent> trail(UUID transferId) {
        return list("transferId = ?1 order by seq", transferId);
    }
}
