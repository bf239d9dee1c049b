package org.psi.contribution.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A platform's feed as received: its idempotency key, the hash of its body, and its report. */
@Entity
@Table(name = "contribution_batch")
public class ContributionBatch extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "platform_code")
    public String platformCode;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public byte[] requestHash;
    @Column(name = "content_type")
    public String contentType;
    public int received;
    public int accepted;
    public int duplicates;
    public int rejected;
    /** The rejected lines, as a JSON array of {line, ref, code, message}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String errors;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Set for a chunk of a feed job (which has no Idempotency-Key of its own). */
    @Column(name = "feed_job_id")
    public UUID feedJobId;
    @Column(name = "feed_job_chunk")
    public Integer feedJobChunk;
}
