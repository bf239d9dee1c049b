package org.psi.contribution.holds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.psi.common.domain.Scheme;

/** What a transfer holds, then commits (moves in the ledger) or releases; one per transfer id. */
@Entity
@Table(name = "transfer_hold")
public class TransferHold extends PanacheEntityBase {

    public enum Status { HELD, COMMITTED, RELEASED }

    @Id
    @Column(name = "transfer_id")
    public UUID transferId;
    @Column(name = "worker_id")
    public UUID workerId;
    @Enumerated(EnumType.STRING)
    public Scheme scheme;
    @Column(name = "from_region")
    public String fromRegion;
    @Column(name = "to_region")
    public String toRegion;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "held_individual_fen")
    public long heldIndividualFen;
    @Column(name = "held_pooled_fen")
    public long heldPooledFen;
    @Column(name = "held_months")
    public int heldMonths;
    @Column(name = "committed_individual_fen")
    public Long committedIndividualFen;
    @Column(name = "committed_pooled_fen")
    public Long committedPooledFen;
    @Column(name = "committed_months")
    public Integer committedMonths;
    @Column(name = "posting_id")
    public Long postingId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "committed_at")
    public Instant committedAt;
    @Column(name = "released_at")
    public Instant releasedAt;
}
