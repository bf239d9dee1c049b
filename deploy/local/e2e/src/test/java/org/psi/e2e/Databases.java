package org.psi.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The services' databases on the stack's PostgreSQL (user psi), for what the APIs do not show: that a
 * batch was applied whole or not at all, that every posting balances, that no hold is left held; and
 * for holding a table lock that stops a service's transaction in the middle of its writes.
 */
final class Databases {

    private static final String URL = System.getProperty("psi.pg.url", "");

    private Databases() {
    }

    static void assumeReachable() {
        Assumptions.assumeTrue(!URL.isBlank(), "no psi.pg.url: the stack's databases are not known");
    }

    static Connection connect(String database) {
        try {
            return DriverManager.getConnection(URL + database, "psi", "psi");
        } catch (SQLException e) {
            throw new AssertionError("cannot reach the database " + database, e);
        }
    }

    static long count(String database, String sql, Object... params) {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** The first column of the first row, as text (null without a row). */
    static String text(String database, String sql, Object... params) {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /**
     * A transaction of its own holding {@code lock table <table> in exclusive mode}: a service's transaction
     * that writes the table waits in the middle of its writes until this one ends.
     */
    static Connection lock(String database, String table) {
        Connection c = connect(database);
        try {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("lock table " + table + " in exclusive mode")) {
                s.execute();
            }
            return c;
        } catch (SQLException e) {
            throw new AssertionError("cannot lock " + table, e);
        }
    }

    /** Ends the locking transaction (if its connection still lives: PostgreSQL may have been killed). */
    static void release(Connection lock) {
        try {
            lock.rollback();
            lock.close();
        } catch (SQLException gone) {
            // the server died under it: the lock went with it
        }
    }

    /** Waits until a transaction of {@code database} waits for a lock whose statement mentions {@code table}. */
    static void awaitWaiter(String database, String table, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (count("postgres", "select count(*) from pg_stat_activity where datname = ? and wait_event_type = 'Lock' "
                + "and query ilike ?", database, "%" + table + "%") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no transaction of " + database + " came to wait on " + table + " in "
                        + within.toSeconds() + " s");
            }
            pause(100);
        }
    }

    /** Waits until no transaction of {@code database} waits for a lock or runs a statement on {@code table}. */
    static void awaitNoneOn(String database, String table, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (count("postgres", "select count(*) from pg_stat_activity where datname = ? and state <> 'idle' "
                + "and query ilike ? and pid <> pg_backend_pid()", database, "%" + table + "%") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a transaction of " + database + " still works on " + table);
            }
            pause(100);
        }
    }

    /** Postings of the contribution-service's ledger whose debits and credits differ (none, ever). */
    static long unbalancedPostings() {
        return count("contribution", "select count(*) from (select posting_id from ledger_entry group by posting_id "
                + "having sum(case when side = 'D' then amount_fen else -amount_fen end) <> 0) unbalanced");
    }

    /** Debits minus credits over the whole ledger (0, ever). */
    static long ledgerImbalance() {
        return count("contribution", "select coalesce(sum(case when side = 'D' then amount_fen else -amount_fen end), 0) "
                + "from ledger_entry");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
