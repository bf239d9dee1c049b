package org.psi.enrollment.worker;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Brings every stored citizen ID to the current ciphertext format ({@link NationalIdVault}, version
 * 2: bound to its worker's row). Idempotent and safe beside other instances: it reads rows still in
 * an older format in batches and writes each back only if nobody changed it meanwhile. Runs
 * shortly after start (in the background, readiness does not wait) and then every
 * {@code psi.crypto.reencrypt-every}, so rows an older instance writes during a rolling update are
 * caught too; until then, old rows still decrypt.
 */
@ApplicationScoped
public class NationalIdReencryption {

    private static final Logger LOG = Logger.getLogger(NationalIdReencryption.class);
    private static final int BATCH = 500;

    private final AgroalDataSource db;
    private final NationalIdVault vault;

    public NationalIdReencryption(AgroalDataSource db, NationalIdVault vault) {
        this.db = db;
        this.vault = vault;
    }

    @Scheduled(identity = "national-id-reencryption", every = "${psi.crypto.reencrypt-every:6h}",
            delayed = "${psi.crypto.reencrypt-delay:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int n = reencryptAll();
        if (n > 0) {
            LOG.infof("Re-encrypted %d stored citizen IDs to the current format", n);
        }
    }

    /** Re-encrypts every row of an older format; returns how many were rewritten. */
    public int reencryptAll() {
        int total = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("select id, national_id_cipher from worker"
                        + " where length(national_id_cipher) <> ? or get_byte(national_id_cipher, 0) <> ? limit " + BATCH)) {
                    s.setInt(1, NationalIdVault.VERSION_1_LENGTH + 1);
                    s.setInt(2, NationalIdVault.VERSION_2);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2)});
                        }
                    }
                }
                int written = 0;
                try (PreparedStatement u = c.prepareStatement(
                        "update worker set national_id_cipher = ? where id = ? and national_id_cipher = ?")) {
                    for (Object[] row : rows) {
                        UUID id = (UUID) row[0];
                        byte[] old = (byte[]) row[1];
                        u.setBytes(1, vault.encrypt(vault.decrypt(old, id), id));
                        u.setObject(2, id);
                        u.setBytes(3, old);
                        written += u.executeUpdate();
                    }
                }
                total += written;
                if (rows.size() < BATCH) {
                    return total;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Re-encrypting the stored citizen IDs failed", e);
        }
    }
}
