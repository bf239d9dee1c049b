package org.psi.enrollment.stats;

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
import org.psi.common.stats.AgeBand;
import org.psi.common.stats.ProtectedTable;
import org.psi.common.stats.SnapshotStore;
import org.psi.common.stats.StatCells;
import org.psi.common.stats.StatQuery;
import org.psi.common.stats.StoredCell;

/**
 * Snapshots of the insured-worker lattice: computing it from the covered periods (the only query
 * that reads the base tables, run by the scheduled refresh), storing it with its suppression, and
 * reading cells of the latest snapshot for queries.
 */
@ApplicationScoped
public class InsuredStatisticsStore implements StatCells<StatDimension, InsuredStatisticsStore.CellRow> {

    public static final String INSURED = "insured-workers";

    /** Every grouping at once: 3 region levels x every subset of scheme, platform, sex and age band. */
    private static final String CUBE = """
            with months as (
                select to_char(d, 'YYYY-MM') as month,
                       (d + interval '1 month' - interval '1 day')::date as last_day,
                       (d::timestamp at time zone ?) as starts,
                       ((d + interval '1 month')::timestamp at time zone ?) as ends
                from generate_series(cast(? as date), cast(? as date), interval '1 month') d
            ), facts as (
                select m.month, p.worker_id, p.scheme, p.region, substr(p.region, 1, 2) as province, w.sex,
                       %s as age_band, l.platform_code
                from enrollment_covered_period p
                join months m on m.month >= p.from_month and (p.to_month is null or m.month <= p.to_month)
                join worker w on w.id = p.worker_id
                left join platform_link l on l.worker_id = p.worker_id and l.granted_at < m.ends
                                         and (l.revoked_at is null or l.revoked_at >= m.starts)
            )
            select month,
                   case when grouping(province) = 1 then '*' when grouping(region) = 1 then province else region end,
                   case when grouping(scheme) = 1 then '*' else scheme end,
                   case when grouping(platform_code) = 1 then '*' else platform_code end,
                   case when grouping(sex) = 1 then '*' else sex end,
                   case when grouping(age_band) = 1 then '*' else age_band end,
                   count(distinct worker_id)
            from facts
            group by month, rollup(province, region), cube(scheme, platform_code, sex, age_band)
            having grouping(platform_code) = 1 or platform_code is not null
            order by month
            """.formatted(AgeBand.sqlCase("date_part('year', age(m.last_day, w.birth_date))"));

    private static final String SELECT = "select month, region, scheme, platform, sex, age_band, persons, suppressed"
            + " from stats_enrollment_cell";

    private final AgroalDataSource db;
    private final SnapshotStore snapshots;

    public InsuredStatisticsStore(AgroalDataSource db) {
        this.db = db;
        this.snapshots = new SnapshotStore(db);
    }

    /** One stored cell: key (region, scheme, platform, sex, ageBand), persons, withheld or not. */
    public record CellRow(YearMonth month, List<String> key, int persons, boolean suppressed) implements StoredCell {

        static CellRow read(YearMonth month, ResultSet r) throws SQLException {
            return new CellRow(month, List.of(r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    r.getString(6)), r.getInt(7), r.getBoolean(8));
        }
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    /** The first month any enrollment covers, if any. */
    public Optional<YearMonth> firstCoveredMonth() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select min(from_month) from enrollment_covered_period");
             ResultSet r = s.executeQuery()) {
            r.next();
            return Optional.ofNullable(r.getString(1)).map(YearMonth::parse);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts insured workers for every month from {@code first} to {@code last} and every grouping,
     * handing each month's cells to {@code perMonth} in month order. Months are those of the agency's
     * time zone {@code zone}: a consent counts in a month if it was active at any time in it.
     */
    public void cube(YearMonth first, YearMonth last, String zone, BiConsumer<YearMonth, List<CellRow>> perMonth) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(CUBE)) {
            s.setFetchSize(10_000);
            s.setString(1, zone);
            s.setString(2, zone);
            s.setString(3, first.atDay(1).toString());
            s.setString(4, last.atDay(1).toString());
            try (ResultSet r = s.executeQuery()) {
                SnapshotStore.byMonth(r, (month, row) -> new CellRow(month, List.of(row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6)), row.getInt(7), false), perMonth);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void insertCells(long snapshotId, YearMonth month, List<ProtectedTable.Cell> cells) {
        snapshots.insertAll("insert into stats_enrollment_cell (snapshot_id, month, region, scheme, platform, sex,"
                + " age_band, persons, suppressed) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", cells, (s, cell) -> {
                    s.setLong(1, snapshotId);
                    s.setString(2, month.toString());
                    for (int i = 0; i < 5; i++) {
                        s.setString(3 + i, cell.key().get(i));
                    }
                    s.setInt(8, Math.toIntExact(cell.figures().persons()));
                    s.setBoolean(9, cell.suppressed());
                });
    }

    @Override
    public List<CellRow> cells(long snapshotId, StatQuery<StatDimension> q) {
        return snapshots.cells(SELECT, snapshotId, q, SnapshotStore.grouped("scheme", q.groups(StatDimension.SCHEME))
                        + SnapshotStore.grouped("platform", q.groups(StatDimension.PLATFORM))
                        + SnapshotStore.grouped("sex", q.groups(StatDimension.SEX))
                        + SnapshotStore.grouped("age_band", q.groups(StatDimension.AGE_BAND)),
                "region, scheme, platform, sex, age_band", CellRow::read);
    }

    @Override
    public List<CellRow> totals(long snapshotId, StatQuery<StatDimension> q) {
        return snapshots.totals(SELECT, snapshotId, q, List.of("scheme", "platform", "sex", "age_band"), CellRow::read);
    }

    /** Insured workers per platform and region node (any scheme, sex, age) in a range of months. */
    public List<CellRow> insuredByPlatform(long snapshotId, YearMonth from, YearMonth to) {
        return snapshots.select(SELECT + " where snapshot_id = ? and month between ? and ? and region <> '*'"
                + " and scheme = '*' and platform <> '*' and sex = '*' and age_band = '*'", snapshotId,
                List.of(from.toString(), to.toString()), CellRow::read);
    }
}
