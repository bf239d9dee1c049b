package org.psi.contribution.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The first response to a request made under an Idempotency-Key, answered again on a retry. */
@Entity
@Table(name = "idempotent_request")
public class IdempotencyRecord extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        public String scope;
        @Column(name = "idempotency_key")
        public String idempotencyKey;

        public Key() {
        }

        public Key(String scope, String idempotencyKey) {
            this.scope = scope;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.scope, scope) && Objects.equals(k.idempotencyKey, idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, idempotencyKey);
        }
    }

    @EmbeddedId
    public Key id;
    @Column(name = "request_hash")
    public byte[] requestHash;
    public int status;
    @JdbcTypeCode(SqlTypes.JSON)
    public String response;
    @Column(name = "created_at")
    public Instant createdAt;
}
