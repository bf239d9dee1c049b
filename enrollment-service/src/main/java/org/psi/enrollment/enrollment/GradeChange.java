package org.psi.enrollment.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** A contribution base grade (percent of the region's average wage) in force from a month on. */
@Entity
@Table(name = "enrollment_grade")
public class GradeChange extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "enrollment_id")
    public UUID enrollmentId;
    @Column(name = "effective_month")
    public YearMonth effectiveMonth;
    @Column(name = "base_grade")
    public int baseGrade;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static GradeChange of(UUID enrollmentId, YearMonth from, int grade, Instant at) {
        GradeChange g = new GradeChange();
        g.id = UUID.randomUUID();
        g.enrollmentId = enrollmentId;
        g.effectiveMonth = from;
        g.baseGrade = grade;
        g.changedAt = at;
        return g;
    }
}
