package org.psi.contribution.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.psi.common.stats.ProtectedTable;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.SnapshotStore;
import org.psi.common.stats.StatQuery;

/**
 * Snapshots of the contribution lattice: computing it from the ledger (the only query that reads
 * the postings, run by the scheduled refresh), storing it with its suppression, and reading cells of
 * the latest snapshot for queries.
 */
@ApplicationScoped
public class ContributionStatisticsStore {

    public static final String CONTRIBUTIONS = "contributions";

    /**
     * Every grouping at once, in one pass over the postings of the months: 3 region levels x scheme
     * or all x 3 payer levels. Transfers are not contributions and are left out; reversals net out
     * against the lines they reverse (a payer whose lines toward a month net to nothing did not pay
     * for it), and so do refunds of what a re-assessment left paid beyond a due. A worker-month (per
     * scheme) counts when everything paid toward it reaches the due of its assessment
     * ({@code month_assessment}, PENSION and MEDICAL only: occupational injury is due per order and
     * has no counted months), as on the statement.
     */
    public static final String CUBE = """
            with paid as (
                select month, worker_id, scheme, region, source,
                       sum(amount_fen) as amount,
                       coalesce(sum(orders), 0) as orders
                from posting
                where kind in ('CONTRIBUTION', 'SELF_PAYMENT', 'REVERSAL', 'CORRECTION') and month between ? and ?
                group by month, worker_id, scheme, region, source
            ), worker_month as (
                select p.month, p.worker_id, p.scheme, p.region, p.source, p.amount, p.orders,
                       sum(p.amount) over w as month_paid, a.due_fen as month_due
                from paid p
                left join month_assessment a on a.worker_id = p.worker_id and a.scheme = p.scheme and a.month = p.month
                window w as (partition by p.month, p.worker_id, p.scheme)
            ), facts as (
                select month, worker_id, scheme, region, substr(region, 1, 2) as province,
                       case when source like 'worker:%' then 'SELF' else 'PLATFORM' end as payer_kind,
                       case when source like 'platform:%' then 'PLATFORM/' || substr(source, 10) end as payer,
                       amount,
                       scheme <> 'OCCUPATIONAL_INJURY' and month_due is not null and month_paid > 0
                           and month_paid >= month_due as counted
                from worker_month
                where amount <> 0 or orders <> 0
            )
            select month,
                   case when grouping(province) = 1 then '*' when grouping(region) = 1 then province else region end,
                   case when grouping(scheme) = 1 then '*' else scheme end,
                   case when grouping(payer_kind) = 1 then '*' when grouping(payer) = 1 then payer_kind else payer end,
                   count(distinct worker_id),
                   sum(amount),
                   count(distinct (worker_id, scheme)) filter (where counted)
            from facts
            group by month, rollup(province, region), rollup(scheme), rollup(payer_kind, payer)
            having grouping(payer) = 1 or payer is not null
            order by month
            """;

    private static final String COLUMNS = "select month, region, scheme, payer, persons, amount_fen, counted_months,"
            + " suppressed from stats_contribution_cell";

    private final AgroalDataSource db;
    private final SnapshotStore snapshots;

    public ContributionStatisticsStore(AgroalDataSource db) {
        this.db = db;
        this.snapshots = SnapshotStore.timed(db);
    }

    /** One cell: key (region, scheme, payer), its figures, withheld or not. */
    public record CellRow(YearMonth month, List<String> key, long persons, long amountFen, long countedMonths,
                          boolean suppressed) {
    }

    /** Serialises refreshes (also across instances) until the transaction ends. */
    public void lock(String subject) {
        snapshots.lock(subject);
    }

    public Optional<Snapshot> latest(String subject) {
        return snapshots.latest(subject);
    }

    public long createSnapshot(String subject, Instant takenAt, YearMonth through, int threshold) {
        return snapshots.create(subject, takenAt, through, threshold);
    }

    /** Records the size of a finished snapshot and how long it took; drops all but it and the one before. */
    public void finishSnapshot(String subject, long id, int cells, int suppressed, boolean fullyAudited, long tookMillis) {
        snapshots.finish(subject, id, cells, suppressed, fullyAudited, tookMillis);
    }

    /** The first month any contribution pays toward, if any. */
    public Optional<YearMonth> firstMonth() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select min(month) from posting where kind <> 'TRANSFER'");
             ResultSet r = s.executeQuery()) {
            r.next();
            return Optional.ofNullable(r.getString(1)).map(YearMonth::parse);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Computes the contribution lattice for every month from {@code first} to {@code last}, handing
     * each month's cells to {@code perMonth} in month order.
     */
    public void cube(YearMonth first, YearMonth last, BiConsumer<YearMonth, List<CellRow>> perMonth) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(CUBE)) {
            s.setFetchSize(10_000);
            s.setString(1, first.toString());
            s.setString(2, last.toString());
            try (ResultSet r = s.executeQuery()) {
                SnapshotStore.byMonth(r, (month, row) -> new CellRow(month,
                        List.of(row.getString(2), row.getString(3), row.getString(4)), row.getLong(5), row.getLong(6),
                        row.getLong(7), false), perMonth);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void insertCells(long snapshotId, YearMonth month, List<ProtectedTable.Cell> cells) {
        snapshots.insertAll("insert into stats_contribution_cell (snapshot_id, month, region, scheme, payer, persons,"
                + " amount_fen, counted_months, suppressed) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", cells, (s, cell) -> {
                    s.setLong(1, snapshotId);
                    s.setString(2, month.toString());
                    for (int i = 0; i < 3; i++) {
                        s.setString(3 + i, cell.key().get(i));
                    }
                    s.setInt(6, Math.toIntExact(cell.figures().persons()));
                    s.setLong(7, cell.figures().sum(0));
                    s.setInt(8, Math.toIntExact(cell.figures().sum(1)));
                    s.setBoolean(9, cell.suppressed());
                });
    }

    /**
     * The cells of a query: for each dimension grouped, its values (region: the booked regions in the
     * scope; province: the provinces in it; payer kind: PLATFORM and SELF; platform: each platform and
     * SELF); for the others, the total ({@code *}); region fixed to the scope when neither region nor
     * province is grouped.
     */
    public List<CellRow> cells(long snapshotId, StatQuery<StatDimension> q) {
        StringBuilder sql = new StringBuilder(COLUMNS + " where snapshot_id = ? and month between ? and ?");
        List<String> params = new ArrayList<>();
        params.add(q.from().toString());
        params.add(q.to().toString());
        sql.append(SnapshotStore.regionCondition(q, params));
        sql.append(SnapshotStore.grouped("scheme", q.groups(StatDimension.SCHEME)));
        if (q.groups(StatDimension.PLATFORM)) {
            sql.append(" and (payer like 'PLATFORM/%' or payer = 'SELF')");
        } else if (q.groups(StatDimension.PAYER_KIND)) {
            sql.append(" and payer in ('PLATFORM', 'SELF')");
        } else {
            sql.append(" and payer = '*'");
        }
        sql.append(" order by month, region, scheme, payer");
        return select(snapshotId, sql.toString(), params);
    }

    /** The total of each month of a query in its scope. */
    public List<CellRow> totals(long snapshotId, StatQuery<StatDimension> q) {
        return select(snapshotId, COLUMNS + " where snapshot_id = ? and month between ? and ? and region = ?"
                        + " and scheme = '*' and payer = '*' order by month",
                List.of(q.from().toString(), q.to().toString(), q.scope()));
    }

    private List<CellRow> select(long snapshotId, String sql, List<String> params) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, snapshotId);
            for (int i = 0; i < params.size(); i++) {
                s.setString(2 + i, params.get(i));
            }
            List<CellRow> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new CellRow(YearMonth.parse(r.getString(1)), List.of(r.getString(2), r.getString(3),
                            r.getString(4)), r.getLong(5), r.getLong(6), r.getLong(7), r.getBoolean(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
