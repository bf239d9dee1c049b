package org.psi.common.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * The {@code stats_snapshot} table every service keeps its statistics snapshots in: one row per
 * refresh of a subject, the latest one read by queries. A refresh locks the subject, creates a row,
 * stores its cells and finishes the row, which drops all but it and the one before. Plain JDBC; the
 * caller's transaction (if any) is the one of the connections {@code db} hands out.
 */
public final class SnapshotStore {

    private final DataSource db;
    private final boolean timed;

    /** Snapshots without their duration. */
    public SnapshotStore(DataSource db) {
        this(db, false);
    }

    private SnapshotStore(DataSource db, boolean timed) {
        this.db = db;
        this.timed = timed;
    }

    /** Snapshots that also keep how long they took to compute, in the column {@code took_ms}. */
    public static SnapshotStore timed(DataSource db) {
        return new SnapshotStore(db, true);
    }

    /** Whether snapshots keep how long they took. */
    public boolean isTimed() {
        return timed;
    }

    /** Serialises refreshes (also across instances) until the transaction ends. */
    public void lock(String subject) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            s.setString(1, "psi.statistics." + subject);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Snapshot> latest(String subject) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select id, taken_at, through_month, threshold, cells, suppressed,"
                     + " fully_audited" + (timed ? ", took_ms" : "")
                     + " from stats_snapshot where subject = ? order by id desc limit 1")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Snapshot(r.getLong(1), r.getTimestamp(2).toInstant(),
                        r.getString(3) == null ? null : YearMonth.parse(r.getString(3)), r.getInt(4), r.getInt(5),
                        r.getInt(6), r.getBoolean(7), timed ? r.getLong(8) : 0));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, not yet finished snapshot; its id. */
    public long create(String subject, Instant takenAt, YearMonth through, int threshold) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("insert into stats_snapshot (subject, taken_at, through_month,"
                     + " threshold) values (?, ?, ?, ?) returning id")) {
            s.setString(1, subject);
            s.setTimestamp(2, Timestamp.from(takenAt));
            s.setString(3, through.toString());
            s.setInt(4, threshold);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the size of a finished untimed snapshot and drops all but it and the one before. */
    public void finish(String subject, long id, int cells, int suppressed, boolean fullyAudited) {
        if (timed) {
            throw new IllegalStateException("A timed snapshot is finished with its duration");
        }
        store(subject, id, cells, suppressed, fullyAudited, null);
    }

    /**
     * Records the size of a finished timed snapshot and how long it took, and drops all but it and the
     * one before (still read by running queries).
     */
    public void finish(String subject, long id, int cells, int suppressed, boolean fullyAudited, long tookMillis) {
        if (!timed) {
            throw new IllegalStateException("An untimed snapshot has no duration");
        }
        store(subject, id, cells, suppressed, fullyAudited, tookMillis);
    }

    private void store(String subject, long id, int cells, int suppressed, boolean fullyAudited, Long tookMillis) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("update stats_snapshot set cells = ?, suppressed = ?,"
                    + " fully_audited = ?" + (tookMillis != null ? ", took_ms = ?" : "") + " where id = ?")) {
                int i = 1;
                s.setInt(i++, cells);
                s.setInt(i++, suppressed);
                s.setBoolean(i++, fullyAudited);
                if (tookMillis != null) {
                    s.setLong(i++, tookMillis);
                }
                s.setLong(i, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("delete from stats_snapshot where subject = ? and id <"
                    + " (select max(id) from stats_snapshot where subject = ? and id < ?)")) {
                s.setString(1, subject);
                s.setString(2, subject);
                s.setLong(3, id);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one row of a result set, whose month is already read. */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(YearMonth month, ResultSet r) throws SQLException;
    }

    /** Sets the parameters of one row of an insert. */
    @FunctionalInterface
    public interface RowWriter<T> {
        void write(PreparedStatement s, T row) throws SQLException;
    }

    /**
     * Hands the rows of {@code r}, ordered by month (column 1, {@code YYYY-MM}), to {@code perMonth}
     * one month at a time, in order: how a refresh reads its facts and protects each month's table.
     */
    public static <R> void byMonth(ResultSet r, RowReader<R> reader, BiConsumer<YearMonth, List<R>> perMonth)
            throws SQLException {
        YearMonth current = null;
        List<R> rows = new ArrayList<>();
        while (r.next()) {
            YearMonth month = YearMonth.parse(r.getString(1));
            if (current != null && !month.equals(current)) {
                perMonth.accept(current, rows);
                rows = new ArrayList<>();
            }
            current = month;
            rows.add(reader.read(month, r));
        }
        if (current != null) {
            perMonth.accept(current, rows);
        }
    }

    /** Inserts {@code rows} with {@code sql} in batches of 1,000, in the caller's transaction. */
    public <T> void insertAll(String sql, List<T> rows, RowWriter<T> writer) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            int batch = 0;
            for (T row : rows) {
                writer.write(s, row);
                s.addBatch();
                if (++batch % 1000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads cells of a snapshot: {@code sql} has the snapshot id as its first parameter and
     * {@code params} after it, and the month ({@code YYYY-MM}) as its first column.
     */
    public <R> List<R> select(String sql, long snapshotId, List<String> params, RowReader<R> reader) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, snapshotId);
            for (int i = 0; i < params.size(); i++) {
                s.setString(2 + i, params.get(i));
            }
            List<R> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(reader.read(YearMonth.parse(r.getString(1)), r));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cells of a query in a snapshot (see {@link StatCells#cells}): {@code select} (columns, month
     * first, from a cell table) of the query's months and region (see {@link #regionCondition}) and
     * {@code conditions} on the other dimensions, ordered by month and then {@code order}.
     */
    public <R> List<R> cells(String select, long snapshotId, StatQuery<?> q, String conditions, String order,
                             RowReader<R> reader) {
        List<String> params = new ArrayList<>();
        params.add(q.from().toString());
        params.add(q.to().toString());
        String region = regionCondition(q, params);
        return select(select + " where snapshot_id = ? and month between ? and ?" + region + conditions
                + " order by month, " + order, snapshotId, params, reader);
    }

    /**
     * The total of each month of a query in its scope (see {@link StatCells#totals}): {@code select}'s
     * cells of the scope's own node whose {@code otherColumns} (every dimension but region) are all
     * {@code *}, in month order.
     */
    public <R> List<R> totals(String select, long snapshotId, StatQuery<?> q, List<String> otherColumns, RowReader<R> reader) {
        StringBuilder sql = new StringBuilder(select).append(" where snapshot_id = ? and month between ? and ? and region = ?");
        otherColumns.forEach(c -> sql.append(" and ").append(c).append(" = '*'"));
        return select(sql.append(" order by month").toString(), snapshotId,
                List.of(q.from().toString(), q.to().toString(), q.scope()), reader);
    }

    /**
     * The condition on a cell table's {@code region} column (lattice nodes of {@link RegionNodes}) that
     * selects a query's cells, its parameter added to {@code params}: the pooling regions in the scope
     * when grouped by region, its provinces when grouped by province, else the scope's own node.
     */
    public static String regionCondition(StatQuery<?> q, List<String> params) {
        String prefix = RegionNodes.ALL.equals(q.scope()) ? "" : q.scope();
        if (q.groupsBy("region")) {
            params.add(prefix + "%");
            return " and length(region) = 6 and region like ?";
        }
        if (q.groupsBy("province")) {
            params.add(prefix + "%");
            return " and length(region) = 2 and region like ?";
        }
        params.add(q.scope());
        return " and region = ?";
    }

    /** The condition on a dimension's column: its values when grouped by it, else its total ({@code *}). */
    public static String grouped(String column, boolean grouped) {
        return " and " + column + (grouped ? " <> '*'" : " = '*'");
    }
}
