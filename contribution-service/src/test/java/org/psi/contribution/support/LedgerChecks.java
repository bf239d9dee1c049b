package org.psi.contribution.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.psi.common.domain.Scheme;
import org.psi.contribution.ledger.AccountKey;

/**
 * What every test that touches money checks against the database itself: after each test, the
 * ledger's debits equal its credits and every posting balances; and helpers to read balances and
 * to prove that a refused request changed nothing.
 */
public abstract class LedgerChecks {

    @Inject
    protected AgroalDataSource db;

    /** The ledger's size and totals at one moment. */
    public record Snapshot(long postings, long entries, long debits, long credits, long batches) {
    }

    @AfterEach
    protected void ledgerBalances() throws SQLException {
        Snapshot s = snapshot();
        assertEquals(s.debits(), s.credits(), "the ledger's debits equal its credits");
        List<Long> unbalanced = new ArrayList<>();
        query("""
                select posting_id from ledger_entry group by posting_id
                having sum(case when side = 'D' then amount_fen else -amount_fen end) <> 0 limit 5""",
                rs -> unbalanced.add(rs.getLong(1)));
        assertTrue(unbalanced.isEmpty(), "every posting balances; these do not: " + unbalanced);
    }

    protected Snapshot snapshot() throws SQLException {
        long[] v = new long[5];
        query("""
                select (select count(*) from posting), (select count(*) from ledger_entry),
                       (select coalesce(sum(amount_fen), 0) from ledger_entry where side = 'D'),
                       (select coalesce(sum(amount_fen), 0) from ledger_entry where side = 'C'),
                       (select count(*) from contribution_batch)""", rs -> {
            for (int i = 0; i < 5; i++) {
                v[i] = rs.getLong(i + 1);
            }
        });
        return new Snapshot(v[0], v[1], v[2], v[3], v[4]);
    }

    /** An account's balance: credits less debits. */
    protected long balance(AccountKey account) throws SQLException {
        long[] v = new long[1];
        query("select coalesce(sum(case when side = 'C' then amount_fen else -amount_fen end), 0) from ledger_entry where account_id = '"
                + account.id() + "'", rs -> v[0] = rs.getLong(1));
        return v[0];
    }

    protected long individual(String workerId, Scheme scheme, String region) throws SQLException {
        return balance(AccountKey.individual(UUID.fromString(workerId), scheme, region));
    }

    protected long pooled(Scheme scheme, String region) throws SQLException {
        return balance(AccountKey.pooled(scheme, region));
    }

    /** What a platform has paid in (its payer account is debited). */
    protected long paidBy(Fixtures.Platform p) throws SQLException {
        return -balance(AccountKey.payer("platform:" + p.code()));
    }

    /** What was posted toward a worker's month of a scheme, by every payer (transfers aside). */
    protected long paidToward(String workerId, Scheme scheme, java.time.YearMonth month) throws SQLException {
        long[] v = new long[1];
        query("select coalesce(sum(amount_fen), 0) from posting where worker_id = '" + workerId + "' and scheme = '" + scheme.name()
                + "' and month = '" + month + "' and kind <> 'TRANSFER'", rs -> v[0] = rs.getLong(1));
        return v[0];
    }

    protected long postingsOf(String workerId) throws SQLException {
        long[] v = new long[1];
        query("select count(*) from posting where worker_id = '" + workerId + "'", rs -> v[0] = rs.getLong(1));
        return v[0];
    }

    protected interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    protected void query(String sql, Row row) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    protected void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }
}
