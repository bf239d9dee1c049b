package org.psi.enrollment.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.psi.common.domain.Scheme;

/** A worker's enrollment in one scheme in one pooling region, from a month on. */
@Entity
public class Enrollment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "worker_id")
    public UUID workerId;
    @Enumerated(EnumType.STRING)
    public Scheme scheme;
    public String region;
    @Enumerated(EnumType.STRING)
    public EnrollmentStatus status;
    @Column(name = "start_month")
    public YearMonth startMonth;
    /** The last month covered; null while open. */
    @Column(name = "end_month")
    public YearMonth endMonth;
    @Column(name = "opened_by_transfer")
    public UUID openedByTransfer;
    @Column(name = "closed_by_transfer")
    public UUID closedByTransfer;
    @Column(name = "created_at")
    public Instant createdAt;
}
