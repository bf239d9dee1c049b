package org.psi.enrollment.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Set;
import org.psi.common.domain.Sector;

/** A platform company, registered by an admin and known by the OIDC client id its servers log in with. */
@Entity
public class Platform extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "credit_code")
    public String creditCode;
    @Column(name = "client_id")
    public String clientId;
    @Convert(converter = SectorsConverter.class)
    public Set<Sector> sectors;
    @Column(name = "created_at")
    public Instant createdAt;
}
