package org.psi.contribution.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.contribution.support.LedgerChecks;

/**
 * The database itself keeps the ledger honest, whatever the code above it does: a posting whose
 * legs do not balance cannot be written, and nothing in the ledger can be changed or removed.
 */
@QuarkusTest
class LedgerConstraintTest extends LedgerChecks {

    private static final String POSTING = """
            insert into posting (id, kind, source, ref, worker_id, scheme, region, period, month, amount_fen,
                                 individual_fen, pooled_fen, posted_at)
            values (%d, 'SELF_PAYMENT', 'worker:test', '%s', '%s', 'PENSION', '440000', '2026-01', '2026-01', 100, 40, 60, now())""";

    private long nextId() throws SQLException {
        long[] id = new long[1];
        query("select nextval('posting_id_seq')", rs -> id[0] = rs.getLong(1));
        return id[0];
    }

    @Test
    void anUnbalancedPostingCannotBeWritten() throws SQLException {
        Snapshot before = snapshot();
        long id = nextId();
        String account = UUID.randomUUID().toString();
        SQLException e = assertThrows(SQLException.class, () -> execute("insert into ledger_entry values "
                + "(" + id + ", 1, '" + account + "', 'D', 100), (" + id + ", 2, '" + account + "', 'C', 99)"));
        assertEquals("23514", e.getSQLState());
        assertTrue(e.getMessage().contains("does not balance"));
        // one leg alone does not balance either
        assertThrows(SQLException.class, () -> execute("insert into ledger_entry values (" + id + ", 1, '" + account + "', 'D', 100)"));
        // a leg of no amount, or a negative one, is no leg
        assertThrows(SQLException.class, () -> execute("insert into ledger_entry values "
                + "(" + id + ", 1, '" + account + "', 'D', 0), (" + id + ", 2, '" + account + "', 'C', 0)"));
        assertThrows(SQLException.class, () -> execute("insert into ledger_entry values "
                + "(" + id + ", 1, '" + account + "', 'D', -5), (" + id + ", 2, '" + account + "', 'C', -5)"));
        assertEquals(before, snapshot());
    }

    @Test
    void theLedgerIsInsertOnly() throws SQLException {
        long id = nextId();
        String worker = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        execute(POSTING.formatted(id, "constraint-test-" + id, worker));
        execute("insert into ledger_entry values (" + id + ", 1, '" + a + "', 'D', 100), (" + id + ", 2, '" + b + "', 'C', 100)");
        execute("insert into account (id, kind, payer) values ('" + a + "', 'PAYER', 'constraint-test-" + a + "')");
        Snapshot before = snapshot();

        for (String change : new String[] {
                "update ledger_entry set amount_fen = 1 where posting_id = " + id,
                "delete from ledger_entry where posting_id = " + id,
                "update posting set amount_fen = 1 where id = " + id,
                "delete from posting where id = " + id,
                "truncate ledger_entry",
                "truncate posting cascade",
                "update account set payer = 'someone else' where id = '" + a + "'",
                "delete from account where id = '" + a + "'",
                "truncate transferred_month"}) {
            SQLException e = assertThrows(SQLException.class, () -> execute(change), change);
            assertTrue(e.getMessage().contains("insert-only"), change + ": " + e.getMessage());
        }
        // the same cause cannot post twice
        SQLException twice = assertThrows(SQLException.class, () -> execute(POSTING.formatted(nextId(), "constraint-test-" + id, worker)));
        assertEquals("23505", twice.getSQLState());
        assertEquals(before, snapshot());
    }
}
