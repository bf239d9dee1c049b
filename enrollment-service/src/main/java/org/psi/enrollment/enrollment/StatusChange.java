package org.psi.enrollment.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** A suspension or reactivation of an enrollment, in force from a month on. */
@Entity
@Table(name = "enrollment_status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "enrollment_id")
    public UUID enrollmentId;
    @Column(name = "effective_month")
    public YearMonth effectiveMonth;
    @Enumerated(EnumType.STRING)
    public EnrollmentStatus status;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static StatusChange of(UUID enrollmentId, YearMonth from, EnrollmentStatus status, Instant at) {
        StatusChange s = new StatusChange();
        s.id = UUID.randomUUID();
        s.enrollmentId = enrollmentId;
        s.effectiveMonth = from;
        s.status = status;
        s.changedAt = at;
        return s;
    }
}
