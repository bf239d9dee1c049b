package org.psi.enrollment.worker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One unmasked read of a citizen ID: who read it, why, and when. */
@Entity
@Table(name = "id_reveal_audit")
public class IdRevealAudit extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "worker_id")
    public UUID workerId;
    public String actor;
    public String reason;
    public Instant at;
}
