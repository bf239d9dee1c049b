package org.psi.contribution.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.psi.common.domain.Scheme;
import org.psi.common.test.PostgresResource;
import org.psi.contribution.ledger.AccountKey;
import org.psi.contribution.ledger.Payers;

/**
 * The migration of a ledger written before assessments existed: months paid toward are assessed
 * from the due their postings recorded, and what two payers paid beyond a due moves to the last
 * payer's refundable credit, the individual account keeping only its share of the due. Money is
 * conserved and the ledger balances before and after. A plain test on a database of its own.
 */
class AssessmentMigrationTest {

    private static final String REGION = "440000";
    /** The seeded (illustrative) 2025 policy of Guangdong: an average wage of 9,000 yuan, pension 20%, 8 of it individual. */
    private static final YearMonth MONTH = YearMonth.of(2025, 6);
    private static final long BASE = 900_000;
    private static final long DUE = 180_000;
    private static final long SHARE = 72_000;

    private static DataSource database() throws SQLException {
        String name = "migration_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = PostgresResource.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(PostgresResource.server().getJdbcUrl("postgres", name));
        ds.setUser("postgres");
        ds.setPassword("postgres");
        return ds;
    }

    private static Flyway flyway(DataSource ds, String target) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(target).load();
    }

    private static long id(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select nextval('posting_id_seq')")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void account(Connection c, AccountKey k) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into account (id, kind, scheme, region, worker_id, payer)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            s.setObject(1, k.id());
            s.setString(2, k.kind().name());
            s.setString(3, k.scheme() == null ? null : k.scheme().name());
            s.setString(4, k.region());
            s.setObject(5, k.workerId());
            s.setString(6, k.payer());
            s.execute();
        }
    }

    /** A feed line of the old shape: the posting (with or without the due it recorded) and its three legs. */
    private static void line(Connection c, UUID worker, String platform, YearMonth month, long amount, Long due) throws SQLException {
        String source = Payers.platform(platform);
        long individual = amount * 8 / 20;
        AccountKey payer = AccountKey.payer(source);
        AccountKey ind = AccountKey.individual(worker, Scheme.PENSION, REGION);
        AccountKey pool = AccountKey.pooled(Scheme.PENSION, REGION);
        account(c, payer);
        account(c, ind);
        account(c, pool);
        long id = id(c);
        try (PreparedStatement s = c.prepareStatement("insert into posting (id, kind, source, ref, worker_id, scheme, region,"
                + " period, month, amount_fen, individual_fen, pooled_fen, due_fen, posted_at)"
                + " values (?, 'CONTRIBUTION', ?, ?, ?, 'PENSION', ?, ?, ?, ?, ?, ?, ?, now() + ? * interval '1 second')")) {
            s.setLong(1, id);
            s.setString(2, source);
            s.setString(3, "R-" + UUID.randomUUID());
            s.setObject(4, worker);
            s.setString(5, REGION);
            s.setString(6, month.toString());
            s.setString(7, month.toString());
            s.setLong(8, amount);
            s.setLong(9, individual);
            s.setLong(10, amount - individual);
            s.setObject(11, due);
            s.setLong(12, id);
            s.execute();
        }
        try (PreparedStatement s = c.prepareStatement("insert into ledger_entry (posting_id, leg, account_id, side, amount_fen)"
                + " values (?, 1, ?, 'D', ?), (?, 2, ?, 'C', ?), (?, 3, ?, 'C', ?)")) {
            s.setLong(1, id);
            s.setObject(2, payer.id());
            s.setLong(3, amount);
            s.setLong(4, id);
            s.setObject(5, ind.id());
            s.setLong(6, individual);
            s.setLong(7, id);
            s.setObject(8, pool.id());
            s.setLong(9, amount - individual);
            s.execute();
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long balance(Connection c, AccountKey k) throws SQLException {
        return one(c, "select coalesce(sum(case when side = 'C' then amount_fen else -amount_fen end), 0) from ledger_entry"
                + " where account_id = '" + k.id() + "'");
    }

    @Test
    void monthsPaidBeforeAssessmentsAreAssessedAndTheirExcessRefundedToTheLastPayer() throws Exception {
        DataSource ds = database();
        flyway(ds, "3").migrate();
        UUID twice = UUID.randomUUID();
        UUID once = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        try (Connection c = ds.getConnection()) {
            line(c, twice, "FIRST", MONTH, DUE, DUE);
            line(c, twice, "SECOND", MONTH, DUE, DUE);
            line(c, once, "FIRST", MONTH, DUE, DUE);
            line(c, old, "FIRST", MONTH, DUE, null);
        }
        long totalBefore;
        try (Connection c = ds.getConnection()) {
            totalBefore = one(c, "select sum(case when side = 'D' then amount_fen else -amount_fen end) from ledger_entry");
            assertEquals(0, totalBefore);
        }

        flyway(ds, "latest").migrate();

        try (Connection c = ds.getConnection()) {
            assertEquals(0, one(c, "select coalesce(sum(case when side = 'D' then amount_fen else -amount_fen end), 0) from ledger_entry"),
                    "the ledger balances");
            assertEquals(DUE, one(c, "select due_fen from month_assessment where worker_id = '" + twice + "'"));
            assertEquals(BASE, one(c, "select base_fen from month_assessment where worker_id = '" + twice + "'"),
                    "the base worked back from the recorded due");
            assertEquals(DUE, one(c, "select due_fen from month_assessment where worker_id = '" + once + "'"));
            assertEquals(0, one(c, "select count(*) from month_assessment where worker_id = '" + old + "'"),
                    "a month whose postings recorded no due is assessed from the enrollment facts later");
            // the month paid twice: the last payer gets its payment back as refundable credit
            assertEquals(DUE, one(c, "select sum(amount_fen) from posting where worker_id = '" + twice + "' and kind <> 'TRANSFER'"));
            assertEquals(DUE, balance(c, AccountKey.payer(Payers.refundable(Payers.platform("SECOND")))));
            assertEquals(0, balance(c, AccountKey.payer(Payers.refundable(Payers.platform("FIRST")))));
            assertEquals(SHARE * 2, balance(c, AccountKey.individual(once, Scheme.PENSION, REGION))
                    + balance(c, AccountKey.individual(twice, Scheme.PENSION, REGION)), "each individual account holds its share of one due");
            assertEquals(SHARE, balance(c, AccountKey.individual(twice, Scheme.PENSION, REGION)));
            assertEquals(1, one(c, "select count(*) from posting where kind = 'CORRECTION'"), "one refund, no empty re-split");
            // money conserved: what payers paid in equals what the accounts hold
            long payers = balance(c, AccountKey.payer(Payers.platform("FIRST"))) + balance(c, AccountKey.payer(Payers.platform("SECOND")));
            long held = one(c, "select coalesce(sum(case when e.side = 'C' then e.amount_fen else -e.amount_fen end), 0)"
                    + " from ledger_entry e join account a on a.id = e.account_id where a.kind <> 'PAYER' or a.payer like 'refundable:%'");
            assertEquals(-payers, held);
            assertTrue(held == 4 * DUE, "four lines of one due each were paid in, and all of it is accounted for: " + held);
        }
    }
}
