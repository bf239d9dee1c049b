package org.psi.transfer.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.psi.common.stats.SnapshotStore;
import org.psi.common.stats.StatCells;
import org.psi.common.stats.StatQuery;
import org.psi.common.stats.StoredCell;
import org.psi.transfer.stats.TransferCube.CellFigures;
import org.psi.transfer.stats.TransferCube.StepFigures;

/**
 * Snapshots of the transfer lattice: reading the cases for it (the only query of the statistics that
 * reads transfer_case, run by the scheduled refresh), storing it with its suppression, and reading
 * cells of the latest snapshot for queries. Plain JDBC, so a store rather than a Panache repository.
 */
@ApplicationScoped
public class TransferStatisticsStore implements StatCells<TransferStatDimension, TransferStatisticsStore.CellRow> {

    public static final String TRANSFERS = "transfers";

    /** One row per case, by month of submission (in the agency's time zone), then worker. */
    private static final String FACTS = """
            select to_char(submitted_at at time zone ?, 'YYYY-MM') as month, worker_id, from_region, to_region,
                   scheme, status,
                   decided_at is not null and status <> 'CANCELLED', review_started_on, review_done_on, review_due_on,
                   transferred_out_at is not null, out_started_on, out_done_on, out_due_on,
                   status = 'COMPLETED', in_started_on, in_done_on, in_due_on
            from transfer_case
            order by 1, worker_id
            """;

    private static final String CELL_COLUMNS = "month, region, direction, scheme, status, persons, cases, suppressed,"
            + " review_done, review_median, review_deadline, review_within, out_done, out_median, out_deadline, out_within,"
            + " in_done, in_median, in_deadline, in_within";

    private static final String SELECT = "select " + CELL_COLUMNS + " from stats_transfer_cell";

    private final AgroalDataSource db;
    private final SnapshotStore snapshots;

    public TransferStatisticsStore(AgroalDataSource db) {
        this.db = db;
        this.snapshots = new SnapshotStore(db);
    }

    /** One stored cell: its month, figures (key: region, direction, scheme, status) and whether withheld. */
    public record CellRow(YearMonth month, CellFigures figures, boolean suppressed) implements StoredCell {

        @Override
        public List<String> key() {
            return figures.key();
        }

        static CellRow read(YearMonth month, ResultSet r) throws SQLException {
            List<StepFigures> steps = new ArrayList<>(3);
            for (int col = 9; col < 21; col += 4) {
                BigDecimal median = r.getBigDecimal(col + 1);
                steps.add(new StepFigures(r.getInt(col), median, r.getInt(col + 2), r.getInt(col + 3)));
            }
            CellFigures f = new CellFigures(List.of(r.getString(2), r.getString(3), r.getString(4), r.getString(5)),
                    r.getInt(6), r.getInt(7), List.copyOf(steps));
            return new CellRow(month, f, r.getBoolean(8));
        }
    }

    /** One step of a case as stored: started, done (when the step counts as done), due. */
    public record StepDates(LocalDate startedOn, LocalDate doneOn, LocalDate dueOn) {
    }

    /** One case as read for statistics; a step is null unless done. */
    public record CaseRow(YearMonth month, UUID workerId, String fromRegion, String toRegion, String scheme,
                          String status, StepDates review, StepDates transferOut, StepDates transferIn) {
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    /**
     * Reads every case once, in month order, handing each month's cases to {@code perMonth}. Months are
     * those of the agency's time zone {@code zone}.
     */
    public void cases(String zone, BiConsumer<YearMonth, List<CaseRow>> perMonth) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(FACTS)) {
            s.setFetchSize(10_000);
            s.setString(1, zone);
            try (ResultSet r = s.executeQuery()) {
                SnapshotStore.byMonth(r, (month, row) -> new CaseRow(month, row.getObject(2, UUID.class),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), step(row, 7), step(row, 11),
                        step(row, 15)), perMonth);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StepDates step(ResultSet r, int column) throws SQLException {
        if (!r.getBoolean(column)) {
            return null;
        }
        LocalDate started = day(r.getDate(column + 1));
        LocalDate done = day(r.getDate(column + 2));
        return started == null || done == null ? null : new StepDates(started, done, day(r.getDate(column + 3)));
    }

    private static LocalDate day(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    public void insertCells(long snapshotId, YearMonth month, List<CellRow> cells) {
        snapshots.insertAll("insert into stats_transfer_cell (snapshot_id, " + CELL_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cells, (s, cell) -> {
                    CellFigures f = cell.figures();
                    s.setLong(1, snapshotId);
                    s.setString(2, month.toString());
                    for (int i = 0; i < 4; i++) {
                        s.setString(3 + i, f.key().get(i));
                    }
                    s.setInt(7, Math.toIntExact(f.persons()));
                    s.setInt(8, Math.toIntExact(f.cases()));
                    s.setBoolean(9, cell.suppressed());
                    int col = 10;
                    for (StepFigures step : f.steps()) {
                        s.setInt(col++, step.done());
                        s.setBigDecimal(col++, step.medianDays());
                        s.setInt(col++, step.withDeadline());
                        s.setInt(col++, step.withinDeadline());
                    }
                });
    }

    @Override
    public List<CellRow> cells(long snapshotId, StatQuery<TransferStatDimension> q) {
        return snapshots.cells(SELECT, snapshotId, q, SnapshotStore.grouped("direction", q.groups(TransferStatDimension.DIRECTION))
                        + SnapshotStore.grouped("scheme", q.groups(TransferStatDimension.SCHEME))
                        + SnapshotStore.grouped("status", q.groups(TransferStatDimension.STATUS)),
                "region, direction, scheme, status", CellRow::read);
    }

    @Override
    public List<CellRow> totals(long snapshotId, StatQuery<TransferStatDimension> q) {
        return snapshots.totals(SELECT, snapshotId, q, List.of("direction", "scheme", "status"), CellRow::read);
    }
}
