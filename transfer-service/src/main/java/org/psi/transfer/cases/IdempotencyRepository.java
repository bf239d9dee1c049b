package org.psi.transfer.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    public Optional<IdempotencyRecord> find(String caller, String key) {
        return find("caller = ?1 and idempotencyKey = ?2", caller, key).firstResultOptional();
    }

    /**
     * Claims a key for a new case. If another transaction holds the same key uncommitted, PostgreSQL
     * waits for it to end; returns false when the key was already taken (then read it with {@link #find}).
     * The reference to the case is checked at commit, so the key is claimed before the case is written.
     */
    public boolean claim(String caller, String key, String requestHash, UUID transferId, Instant now) {
        int rows = getEntityManager().createNativeQuery("insert into idempotency_key (caller, idempotency_key, request_hash, transfer_id, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, transferId).setParameter(5, now).executeUpdate();
        return rows == 1;
    }
}
