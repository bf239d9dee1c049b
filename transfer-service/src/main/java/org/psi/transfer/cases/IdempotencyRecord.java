package org.psi.transfer.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An Idempotency-Key a caller used on POST /api/transfers, the fingerprint of the body, and the case it made. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    public String caller;
    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "transfer_id")
    public UUID transferId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The composite primary key: the caller (token subject) and the key it sent. */
    public static class Key implements Serializable {
        public String caller;
        public String idempotencyKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(caller, k.caller)
                    && java.util.Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(caller, idempotencyKey);
        }
    }
}
