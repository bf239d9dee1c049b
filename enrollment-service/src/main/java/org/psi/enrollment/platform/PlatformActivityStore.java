package org.psi.enrollment.platform;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Platforms' reports of active workers, one row per platform, month and region. */
@ApplicationScoped
public class PlatformActivityStore {

    private static final String COLUMNS = "platform_code, month, region, active_workers, reported_at, updated_at";

    private final AgroalDataSource db;

    public PlatformActivityStore(AgroalDataSource db) {
        this.db = db;
    }

    /** The stored report and whether this call created it. */
    public record Upserted(PlatformActivity activity, boolean created) {
    }

    /**
     * Stores a report, or replaces the figure of the platform's earlier report for the same month
     * and region; a repeat of the same figure changes nothing.
     */
    public Upserted upsert(String platformCode, YearMonth month, String region, int activeWorkers, Instant at) {
        String sql = "insert into platform_activity (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)"
                + " on conflict (platform_code, month, region) do update set active_workers = excluded.active_workers,"
                + " updated_at = case when platform_activity.active_workers = excluded.active_workers"
                + " then platform_activity.updated_at else excluded.updated_at end"
                + " returning " + COLUMNS + ", (xmax = 0) as created";
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, platformCode);
            s.setString(2, month.toString());
            s.setString(3, region);
            s.setInt(4, activeWorkers);
            s.setTimestamp(5, Timestamp.from(at));
            s.setTimestamp(6, Timestamp.from(at));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Upserted(read(r), r.getBoolean(7));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One platform's reports in key order (month, region) after {@code afterKey} ("month|region"), at most {@code rows}. */
    public List<PlatformActivity> ofPlatform(String platformCode, String afterMonth, String afterRegion, int rows) {
        String sql = "select " + COLUMNS + " from platform_activity where platform_code = ?"
                + (afterMonth == null ? "" : " and (month, region) > (?, ?)") + " order by month, region limit ?";
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, platformCode);
            if (afterMonth != null) {
                s.setString(i++, afterMonth);
                s.setString(i++, afterRegion);
            }
            s.setInt(i, rows);
            return list(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every platform's reports for months {@code from} to {@code to} in regions starting with {@code regionPrefix}. */
    public List<PlatformActivity> inRange(YearMonth from, YearMonth to, String regionPrefix) {
        String sql = "select " + COLUMNS + " from platform_activity where month between ? and ? and region like ?"
                + " order by month, platform_code, region";
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, from.toString());
            s.setString(2, to.toString());
            s.setString(3, regionPrefix + "%");
            return list(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<PlatformActivity> list(PreparedStatement s) throws SQLException {
        List<PlatformActivity> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(read(r));
            }
        }
        return out;
    }

    private static PlatformActivity read(ResultSet r) throws SQLException {
        return new PlatformActivity(r.getString(1), YearMonth.parse(r.getString(2)), r.getString(3), r.getInt(4),
                r.getTimestamp(5).toInstant(), r.getTimestamp(6).toInstant());
    }
}
