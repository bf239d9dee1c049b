package org.psi.contribution.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.psi.common.stats.ProtectedTable;
import org.psi.common.stats.SnapshotStore;
import org.psi.common.stats.StatCells;
import org.psi.common.stats.StatQuery;
import org.psi.common.stats.StoredCell;

/**
 * Snapshots of the contribution lattice: computing it from the ledger (the only query that reads
 * the postings, run by the scheduled refresh), storing it with its suppression, and reading cells of
 * the latest snapshot for queries.
 */
@ApplicationScoped
public class ContributionStatisticsStore implements StatCells<StatDimension, ContributionStatisticsStore.CellRow> {

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
                          boolean suppressed) implements StoredCell {

        static CellRow read(YearMonth month, ResultSet r) throws SQLException {
            return new CellRow(month, List.of(r.getString(2), r.getString(3), r.getString(4)), r.getLong(5), r.getLong(6),
                    r.getLong(7), r.getBoolean(8));
        }
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
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
     * The cells of a query (see {@link StatCells#cells}); payer kind: PLATFORM and SELF; platform: each
     * platform and SELF.
     */
    @Override
    public List<CellRow> cells(long snapshotId, StatQuery<StatDimension> q) {
        String payer = q.groups(StatDimension.PLATFORM) ? " and (payer like 'PLATFORM/%' or payer = 'SELF')"
                : q.groups(StatDimension.PAYER_KIND) ? " and payer in ('PLATFORM', 'SELF')" : " and payer = '*'";
        return snapshots.cells(COLUMNS, snapshotId, q, SnapshotStore.grouped("scheme", q.groups(StatDimension.SCHEME)) + payer,
                "region, scheme, payer", CellRow::read);
    }

    @Override
    public List<CellRow> totals(long snapshotId, StatQuery<StatDimension> q) {
        return snapshots.totals(COLUMNS, snapshotId, q, List.of("scheme", "payer"), CellRow::read);
    }
}
