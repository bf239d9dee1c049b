package org.psi.contribution.credential;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.psi.common.domain.Scheme;
import org.psi.common.store.Jdbc;

/**
 * The status lists of the credentials (IETF Token Status List, draft-ietf-oauth-status-list-12,
 * one bit per credential: 0 VALID, 1 INVALID). A credential takes a random free index of a list of
 * {@link #SIZE} entries, so that its index says nothing about when or for whom it was issued; a list
 * is filled to a quarter at most before the next one opens, so a random index is found at once. The
 * entries turn INVALID in the database, by triggers, when what the credential states changes
 * (V7__credential_status.sql).
 */
@ApplicationScoped
public class StatusLists {

    /** Entries of a list: 2^17, 16 KiB of bits before compression. */
    public static final int SIZE = 1 << 17;
    private static final int FILL = SIZE / 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;

    public StatusLists(AgroalDataSource db) {
        this.jdbc = new Jdbc(db);
    }

    public record Entry(int list, int idx) {
    }

    /** A VALID entry for a new credential of {@code worker} and {@code scheme}, in the caller's transaction. */
    public Entry allocate(UUID worker, Scheme scheme, Instant issuedAt, Instant expiresAt) {
        int[] newest = {1, 0};
        // the newest list only (its id from the primary key), not a count of every list
        jdbc.query("""
                select list_id, count(*) from credential_status
                 where list_id = (select max(list_id) from credential_status) group by list_id""", s -> { },
                rs -> {
                    newest[0] = rs.getInt(1);
                    newest[1] = rs.getInt(2);
                });
        int list = newest[1] >= FILL ? newest[0] + 1 : newest[0];
        for (int attempt = 0; ; attempt++) {
            int idx = RANDOM.nextInt(SIZE);
            int inserted = jdbc.update("""
                    insert into credential_status (list_id, idx, worker_id, scheme, issued_at, expires_at)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""", s -> {
                s.setInt(1, list);
                s.setInt(2, idx);
                s.setObject(3, worker);
                s.setString(4, scheme.name());
                s.setObject(5, java.sql.Timestamp.from(issuedAt));
                s.setObject(6, java.sql.Timestamp.from(expiresAt));
            });
            if (inserted == 1) {
                return new Entry(list, idx);
            }
            if (attempt > 64) {
                throw new IllegalStateException("No free index in status list " + list);
            }
        }
    }

    /** Whether the entry is VALID (0); an index never given out is not. */
    public boolean valid(int list, int idx) {
        boolean[] valid = {false};
        jdbc.query("select status from credential_status where list_id = ? and idx = ?", s -> {
            s.setInt(1, list);
            s.setInt(2, idx);
        }, rs -> valid[0] = rs.getShort(1) == 0);
        return valid[0];
    }

    /** Whether the list has been opened (has an entry). */
    public boolean exists(int list) {
        boolean[] found = {false};
        jdbc.query("select 1 from credential_status where list_id = ? limit 1", s -> s.setInt(1, list), rs -> found[0] = true);
        return found[0];
    }

    /**
     * The list's bits as the draft encodes them: one bit per index, the lowest index in the lowest
     * bit of the first byte, ZLIB-compressed (RFC 1950), base64url without padding. Indexes never
     * given out are 0.
     */
    public String encoded(int list) {
        byte[] bits = new byte[SIZE / 8];
        jdbc.query("select idx from credential_status where list_id = ? and status = 1", s -> s.setInt(1, list), rs -> {
            int idx = rs.getInt(1);
            bits[idx / 8] |= (byte) (1 << (idx % 8));
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            z.write(bits);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
