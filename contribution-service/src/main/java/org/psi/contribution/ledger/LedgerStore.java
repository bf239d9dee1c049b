package org.psi.contribution.ledger;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.psi.common.domain.Scheme;
import org.psi.common.store.Jdbc;
import org.psi.contribution.assessment.MonthAssessment;

/**
 * The ledger tables, through JDBC: postings and their legs are written with PostgreSQL's COPY (one
 * statement per table for a whole batch, which is also what the balance trigger checks), and read
 * with set-based queries. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class LedgerStore {

    private final AgroalDataSource db;
    private final Jdbc jdbc;
    private final TransactionSynchronizationRegistry transactions;
    /** Accounts known to exist (committed); others are inserted, once, before their first leg. */
    private final Set<UUID> knownAccounts = ConcurrentHashMap.newKeySet();

    public LedgerStore(AgroalDataSource db, TransactionSynchronizationRegistry transactions) {
        this.db = db;
        this.jdbc = new Jdbc(db);
        this.transactions = transactions;
    }

    /** A failure of the database while writing, with its SQL state and the constraint it broke, if any. */
    public static class WriteFailure extends RuntimeException {
        public final String sqlState;
        public final String constraint;

        public WriteFailure(SQLException e) {
            super(e.getMessage(), e);
            this.sqlState = e.getSQLState();
            String c = null;
            if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                c = p.getServerErrorMessage().getConstraint();
            }
            this.constraint = c;
        }

        public boolean isUniqueViolation(String name) {
            return "23505".equals(sqlState) && name.equals(constraint);
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes postings and their legs (and the months they moved), in the caller's transaction. */
    public void write(List<PostingDraft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        try {
            Connection c = db.getConnection();
            try {
                write(c, drafts, true);
            } finally {
                c.close();
            }
        } catch (SQLException e) {
            throw new WriteFailure(e);
        }
    }

    /** The same on a connection of one's own (a migration's): every account is made sure of. */
    public static void writeOn(Connection c, List<PostingDraft> drafts) throws SQLException {
        if (!drafts.isEmpty()) {
            new LedgerStore(null, null).write(c, drafts, false);
        }
    }

    private void write(Connection c, List<PostingDraft> drafts, boolean cached) throws SQLException {
        assignIds(c, drafts);
        List<List<Leg>> legs = new ArrayList<>(drafts.size());
        for (PostingDraft d : drafts) {
            legs.add(d.legs());
        }
        ensureAccounts(c, legs, cached);
        copyPostings(c, drafts);
        copyLegs(c, drafts, legs);
        insertMovedMonths(c, drafts);
    }

    private static void assignIds(Connection c, List<PostingDraft> drafts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select nextval('posting_id_seq') from generate_series(1, ?)")) {
            s.setInt(1, drafts.size());
            try (ResultSet rs = s.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    drafts.get(i++).id = rs.getLong(1);
                }
            }
        }
    }

    private void ensureAccounts(Connection c, List<List<Leg>> legs, boolean cached) throws SQLException {
        Map<UUID, AccountKey> missing = new LinkedHashMap<>();
        for (List<Leg> ofPosting : legs) {
            for (Leg leg : ofPosting) {
                UUID id = leg.account().id();
                if (!cached || !knownAccounts.contains(id)) {
                    missing.putIfAbsent(id, leg.account());
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<AccountKey> keys = new ArrayList<>(missing.values());
        try (PreparedStatement s = c.prepareStatement("""
                insert into account (id, kind, scheme, region, worker_id, payer)
                select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[], ?::varchar[])
                on conflict do nothing""")) {
            s.setArray(1, c.createArrayOf("uuid", keys.stream().map(AccountKey::id).toArray()));
            s.setArray(2, c.createArrayOf("varchar", keys.stream().map(k -> k.kind().name()).toArray()));
            s.setArray(3, c.createArrayOf("varchar", keys.stream().map(k -> k.scheme() == null ? null : k.scheme().name()).toArray()));
            s.setArray(4, c.createArrayOf("varchar", keys.stream().map(AccountKey::region).toArray()));
            s.setArray(5, c.createArrayOf("uuid", keys.stream().map(AccountKey::workerId).toArray()));
            s.setArray(6, c.createArrayOf("varchar", keys.stream().map(AccountKey::payer).toArray()));
            s.executeUpdate();
        }
        if (!cached) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    knownAccounts.addAll(missing.keySet());
                }
            }
        });
    }

    private static void copyPostings(Connection c, List<PostingDraft> drafts) throws SQLException {
        try (PgCopyWriter w = new PgCopyWriter(c, """
                copy posting (id, kind, source, ref, content_mac, batch_id, line_no, worker_id, scheme, region, period,
                              month, amount_fen, individual_fen, pooled_fen, orders, sector, reverses_id, forwarded_to,
                              forwarded_individual_fen, forwarded_pooled_fen, transfer_id, due_fen, posted_at) from stdin""")) {
            writePostings(w, drafts);
        }
    }

    private static void writePostings(PgCopyWriter w, List<PostingDraft> drafts) throws SQLException {
        Map<Instant, String> times = new HashMap<>();
        for (PostingDraft d : drafts) {
            w.num(d.id).text(d.kind.name()).text(d.source).text(d.ref).bytes(d.contentMac).obj(d.batchId)
                    .obj(d.lineNo).obj(d.workerId).text(d.scheme.name()).text(d.region).text(d.period)
                    .obj(d.month).num(d.amountFen).num(d.individualFen).num(d.pooledFen).obj(d.orders).text(d.sector)
                    .obj(d.reversedPostingId()).text(d.forwardedTo).num(d.forwardedIndividualFen).num(d.forwardedPooledFen)
                    .obj(d.transferId).obj(d.dueFen).last(times.computeIfAbsent(d.postedAt, Instant::toString));
        }
        w.finish();
    }

    private static void copyLegs(Connection c, List<PostingDraft> drafts, List<List<Leg>> legs) throws SQLException {
        try (PgCopyWriter w = new PgCopyWriter(c, "copy ledger_entry (posting_id, leg, account_id, side, amount_fen) from stdin")) {
            Map<UUID, String> ids = new HashMap<>();
            for (int i = 0; i < drafts.size(); i++) {
                long id = drafts.get(i).id;
                int n = 1;
                for (Leg leg : legs.get(i)) {
                    w.num(id).num(n++).ascii(ids.computeIfAbsent(leg.account().id(), UUID::toString))
                            .ascii(leg.debit() ? "D" : "C").lastNum(leg.amountFen());
                }
            }
            w.finish();
        }
    }

    private static void insertMovedMonths(Connection c, List<PostingDraft> drafts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into transferred_month (worker_id, scheme, region, month, to_region, pooled_fen, posting_id, transfer_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int rows = 0;
            for (PostingDraft d : drafts) {
                for (PostingDraft.MovedMonth m : d.movedMonths) {
                    s.setObject(1, m.workerId());
                    s.setString(2, m.scheme().name());
                    s.setString(3, m.region());
                    s.setString(4, m.month().toString());
                    s.setString(5, m.toRegion());
                    s.setLong(6, m.pooledFen());
                    s.setLong(7, d.id);
                    s.setObject(8, m.transferId());
                    s.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                s.executeBatch();
            }
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * The postings of {@code source} with these refs; for those whose ref is in {@code mayBeReversed}
     * (the ones a feed's reversal lines name), also whether they have been reversed.
     */
    public Map<String, KnownPosting> known(String source, Collection<String> refs, Collection<String> mayBeReversed) {
        Map<String, KnownPosting> found = new HashMap<>();
        if (refs.isEmpty()) {
            return found;
        }
        String sql = """
                select id, ref, content_mac, kind, worker_id, scheme, region, period, month, amount_fen,
                       individual_fen, pooled_fen, orders, sector
                  from posting
                 where source = ? and ref = any(?)""";
        query(sql, s -> {
            s.setString(1, source);
            s.setArray(2, s.getConnection().createArrayOf("varchar", refs.toArray()));
        }, rs -> {
            int orders = rs.getInt(13);
            Integer o = rs.wasNull() ? null : orders;
            found.put(rs.getString(2), new KnownPosting(rs.getLong(1), rs.getString(2), rs.getBytes(3),
                    PostingKind.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), Scheme.valueOf(rs.getString(6)),
                    rs.getString(7), rs.getString(8), YearMonth.parse(rs.getString(9)), rs.getLong(10),
                    rs.getLong(11), rs.getLong(12), o, rs.getString(14), false));
        });
        List<Long> originals = mayBeReversed.stream().map(found::get).filter(java.util.Objects::nonNull)
                .map(KnownPosting::id).toList();
        if (!originals.isEmpty()) {
            Set<Long> reversed = new java.util.HashSet<>();
            query("select reverses_id from posting where reverses_id = any(?)",
                    s -> s.setArray(1, s.getConnection().createArrayOf("bigint", originals.toArray())),
                    rs -> reversed.add(rs.getLong(1)));
            found.replaceAll((ref, k) -> reversed.contains(k.id()) ? new KnownPosting(k.id(), k.ref(), k.contentMac(),
                    k.kind(), k.workerId(), k.scheme(), k.region(), k.period(), k.month(), k.amountFen(), k.individualFen(),
                    k.pooledFen(), k.orders(), k.sector(), true) : k);
        }
        return found;
    }

    /** One posting of a source by its ref (a self-payment by its paymentRef). */
    public KnownPosting knownOne(String source, String ref) {
        return known(source, List.of(ref), List.of()).get(ref);
    }

    /** What was paid toward each month, by region and payer (reversals net out). */
    public List<MonthPayment> payments(UUID workerId, Scheme scheme) {
        return jdbc.one(paymentsQuery(workerId, scheme));
    }

    /** What each payer paid toward each month and region of a worker's scheme (transfers aside), for one round trip. */
    public static Jdbc.Query<List<MonthPayment>> paymentsQuery(UUID workerId, Scheme scheme) {
        return Jdbc.Query.of("""
                select month, region, source, sum(amount_fen), coalesce(sum(orders), 0),
                       coalesce(-sum(amount_fen) filter (where kind = 'CORRECTION'), 0)
                  from posting
                 where worker_id = ? and scheme = ? and kind <> 'TRANSFER'
                 group by month, region, source
                 order by month, region, source""", new ArrayList<>(), (rs, out) -> out.add(new MonthPayment(
                YearMonth.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))),
                workerId, scheme.name());
    }

    /** Days with orders (net of reversals) per platform source, for occupational injury. */
    public List<CoveredDay> coveredDays(UUID workerId) {
        return jdbc.one(coveredDaysQuery(workerId));
    }

    public static Jdbc.Query<List<CoveredDay>> coveredDaysQuery(UUID workerId) {
        return Jdbc.Query.of("""
                select source, period, month
                  from posting
                 where worker_id = ? and scheme = 'OCCUPATIONAL_INJURY' and kind <> 'TRANSFER'
                 group by source, period, month
                having sum(orders) > 0
                 order by period, source""", new ArrayList<>(), (rs, out) -> out.add(new CoveredDay(rs.getString(1),
                rs.getString(2), YearMonth.parse(rs.getString(3)))), workerId);
    }

    /** The balances of a worker's individual accounts of a scheme, by region (credits less debits). */
    public Map<String, Long> individualBalances(UUID workerId, Scheme scheme) {
        return jdbc.one(individualBalancesQuery(workerId, scheme));
    }

    public static Jdbc.Query<Map<String, Long>> individualBalancesQuery(UUID workerId, Scheme scheme) {
        return Jdbc.Query.of("""
                select a.region, coalesce(sum(case when e.side = 'C' then e.amount_fen else -e.amount_fen end), 0)
                  from account a left join ledger_entry e on e.account_id = a.id
                 where a.kind = 'INDIVIDUAL' and a.worker_id = ? and a.scheme = ?
                 group by a.region order by a.region""", new LinkedHashMap<>(), (rs, out) -> out.put(rs.getString(1),
                rs.getLong(2)), workerId, scheme.name());
    }

    /** The pooled share already moved away from {@code region}, by month. */
    public Map<YearMonth, Long> movedPooled(UUID workerId, Scheme scheme, String region) {
        String sql = """
                select month, sum(pooled_fen) from transferred_month
                 where worker_id = ? and scheme = ? and region = ? group by month""";
        Map<YearMonth, Long> out = new HashMap<>();
        query(sql, s -> {
            s.setObject(1, workerId);
            s.setString(2, scheme.name());
            s.setString(3, region);
        }, rs -> out.put(YearMonth.parse(rs.getString(1)), rs.getLong(2)));
        return out;
    }

    /** The months of {@code region} already moved away by a transfer (a later transfer does not count them again). */
    public Set<YearMonth> movedMonths(UUID workerId, Scheme scheme, String region) {
        return movedPooled(workerId, scheme, region).keySet();
    }

    /** Paid toward each of these months of a worker and scheme so far, by all payers. */
    public Map<YearMonth, Long> paidSoFar(UUID workerId, Scheme scheme, Collection<YearMonth> months) {
        String sql = """
                select month, sum(amount_fen) from posting
                 where worker_id = ? and scheme = ? and month = any(?) and kind <> 'TRANSFER' group by month""";
        Map<YearMonth, Long> out = new HashMap<>();
        query(sql, s -> {
            s.setObject(1, workerId);
            s.setString(2, scheme.name());
            s.setArray(3, s.getConnection().createArrayOf("varchar", months.stream().map(YearMonth::toString).toArray()));
        }, rs -> out.put(YearMonth.parse(rs.getString(1)), rs.getLong(2)));
        return out;
    }

    /** What the individual account holds of the payments toward a month (before anything forwarded it). */
    public long individualPaidToward(MonthAssessment.Key month) {
        long[] v = new long[1];
        query("""
                select coalesce(sum(individual_fen), 0) from posting
                 where worker_id = ? and scheme = ? and month = ? and kind <> 'TRANSFER'""", s -> {
            s.setObject(1, month.workerId());
            s.setString(2, month.scheme().name());
            s.setString(3, month.month().toString());
        }, rs -> v[0] = rs.getLong(1));
        return v[0];
    }

    /** A payer of a month and what it has paid toward it, net. */
    public record PayerShare(String source, long netFen) {
    }

    /** The payers of a month, the one that paid last first (the order refunds follow). */
    public List<PayerShare> payersLastFirst(MonthAssessment.Key month) {
        List<PayerShare> out = new ArrayList<>();
        query("""
                select source, sum(amount_fen) from posting
                 where worker_id = ? and scheme = ? and month = ? and kind <> 'TRANSFER' and source <> 'reassessment'
                 group by source order by max(id) desc""", s -> {
            s.setObject(1, month.workerId());
            s.setString(2, month.scheme().name());
            s.setString(3, month.month().toString());
        }, rs -> out.add(new PayerShare(rs.getString(1), rs.getLong(2))));
        return out;
    }

    /** Paid toward each of these months so far, by all payers (months nothing was paid toward are left out). */
    public Map<MonthAssessment.Key, Long> paidSoFar(Collection<MonthAssessment.Key> months) {
        Map<MonthAssessment.Key, Long> out = new HashMap<>();
        if (months.isEmpty()) {
            return out;
        }
        List<MonthAssessment.Key> keys = new ArrayList<>(months);
        query("""
                select p.worker_id, p.scheme, p.month, sum(p.amount_fen) from posting p
                  join unnest(?::uuid[], ?::varchar[], ?::varchar[]) k(w, s, m) on p.worker_id = k.w and p.scheme = k.s and p.month = k.m
                 where p.kind <> 'TRANSFER' group by p.worker_id, p.scheme, p.month""", s -> {
            s.setArray(1, s.getConnection().createArrayOf("uuid", keys.stream().map(MonthAssessment.Key::workerId).toArray()));
            s.setArray(2, s.getConnection().createArrayOf("varchar", keys.stream().map(k -> k.scheme().name()).toArray()));
            s.setArray(3, s.getConnection().createArrayOf("varchar", keys.stream().map(k -> k.month().toString()).toArray()));
        }, rs -> out.put(new MonthAssessment.Key(rs.getObject(1, UUID.class), Scheme.valueOf(rs.getString(2)),
                YearMonth.parse(rs.getString(3))), rs.getLong(4)));
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new WriteFailure(e);
        }
    }

}
