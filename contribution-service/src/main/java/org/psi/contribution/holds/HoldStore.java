package org.psi.contribution.holds;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.contribution.ledger.LedgerStore;

/**
 * The lock that serialises a transfer's commit with the postings toward the same worker, through
 * JDBC in the caller's transaction (the holds themselves are read and written by {@link HoldRepository}).
 */
@ApplicationScoped
public class HoldStore {

    private final AgroalDataSource db;

    public HoldStore(AgroalDataSource db) {
        this.db = db;
    }

    /** A transfer hold as the late-contribution rule reads it. */
    public record HoldRow(UUID transferId, UUID workerId, Scheme scheme, String fromRegion, String toRegion, String status,
                          Instant committedAt) {
    }

    /**
     * The open and committed transfer holds of these workers, locked FOR SHARE: a transfer's commit
     * (which locks its hold FOR UPDATE) and a feed that pays toward the same worker then run one
     * after the other, so a contribution is either moved by the commit or forwarded after it.
     */
    public List<HoldRow> lockHoldsOf(Collection<UUID> workers) {
        List<HoldRow> out = new ArrayList<>();
        if (workers.isEmpty()) {
            return out;
        }
        String sql = """
                select transfer_id, worker_id, scheme, from_region, to_region, status, committed_at
                  from transfer_hold
                 where worker_id = any(?) and status <> 'RELEASED'
                 order by transfer_id
                   for share""";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, s.getConnection().createArrayOf("uuid", workers.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(7);
                    out.add(new HoldRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            Scheme.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                            at == null ? null : at.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new LedgerStore.WriteFailure(e);
        }
        return out;
    }

    /** Remembers that a transfer that holds nothing was released (a repeat changes nothing). */
    public void releaseUnheld(UUID transferId) {
        new org.psi.common.store.Jdbc(db).update(
                "insert into transfer_release (transfer_id, released_at) values (?, now()) on conflict do nothing",
                s -> s.setObject(1, transferId));
    }

    /** Whether a transfer was released before it held anything. */
    public boolean releasedUnheld(UUID transferId) {
        boolean[] found = {false};
        new org.psi.common.store.Jdbc(db).query("select 1 from transfer_release where transfer_id = ?",
                s -> s.setObject(1, transferId), rs -> found[0] = true);
        return found[0];
    }
}
