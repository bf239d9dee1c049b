package org.psi.enrollment.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A worker's consent that a platform may contribute for them, from {@code grantedAt} until {@code revokedAt}. */
@Entity
@Table(name = "platform_link")
public class PlatformLink extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "worker_id")
    public UUID workerId;
    @Column(name = "platform_code")
    public String platformCode;
    @Column(name = "granted_at")
    public Instant grantedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isActive() {
        return revokedAt == null;
    }
}
