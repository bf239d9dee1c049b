package org.psi.enrollment.worker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.psi.common.domain.Sex;

/**
 * A platform worker, bound to the subject of their login. The citizen ID is held only encrypted
 * and as a blind index; see {@link NationalIdVault}.
 */
@Entity
public class Worker extends PanacheEntityBase {

    @Id
    public UUID id;
    public String subject;
    @Column(name = "national_id_cipher")
    public byte[] nationalIdCipher;
    @Column(name = "national_id_index")
    public byte[] nationalIdIndex;
    @Column(name = "national_id_last4")
    public String nationalIdLast4;
    public String name;
    public String phone;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    @Column(name = "hukou_region")
    public String hukouRegion;
    @Column(name = "residence_region")
    public String residenceRegion;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The citizen ID as shown to everyone but an officer with a reason: the last 4 characters only. */
    public String nationalIdMasked() {
        return "*".repeat(14) + nationalIdLast4;
    }
}
