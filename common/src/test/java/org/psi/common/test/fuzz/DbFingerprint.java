package org.psi.common.test.fuzz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A cheap fingerprint of every table of the {@code public} schema: its row count and the sum of the
 * hashes of its rows' text ({@code hashtext(t::text)}), in one statement. Two fingerprints differ when
 * a row was added, removed or changed (but for a hash collision), whatever the table.
 */
public final class DbFingerprint {

    private final DataSource db;
    private final String sql;
    private final List<String> tables;

    private DbFingerprint(DataSource db, List<String> tables) {
        this.db = db;
        this.tables = tables;
        this.sql = tables.stream()
                .map(t -> "select '" + t + "', count(*), coalesce(sum(hashtext(x::text)::bigint), 0) from \"" + t + "\" x")
                .collect(Collectors.joining(" union all "));
    }

    /** Over every table of the public schema but {@code excluded}. */
    public static DbFingerprint of(DataSource db, Set<String> excluded) {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
                        + " order by table_name");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (!excluded.contains(r.getString(1))) {
                    tables.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The tables could not be listed", e);
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("No table to fingerprint in the public schema");
        }
        return new DbFingerprint(db, List.copyOf(tables));
    }

    public List<String> tables() {
        return tables;
    }

    /** Table name to {@code rows:hash}. */
    public Map<String, String> take() {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2) + ":" + r.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be fingerprinted", e);
        }
        return out;
    }

    /** The tables whose fingerprint differs, with their row counts before and after. */
    public static String diff(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (String table : after.keySet()) {
            String b = before.get(table);
            String a = after.get(table);
            if (!a.equals(b)) {
                changed.add(table + " (rows " + (b == null ? "?" : b.split(":")[0]) + " -> " + a.split(":")[0] + ")");
            }
        }
        return String.join(", ", changed);
    }
}
