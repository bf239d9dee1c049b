package org.psi.common.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The few lines every plain-JDBC store repeats: a statement on a connection of the caller's
 * transaction, its parameters bound, its rows read. A failure of the database is unchecked.
 */
public final class Jdbc {

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** A failure of the database, with its SQL state. */
    public static class Failure extends RuntimeException {
        public final String sqlState;

        public Failure(SQLException e) {
            super(e.getMessage(), e);
            this.sqlState = e.getSQLState();
        }
    }

    private final DataSource db;

    public Jdbc(DataSource db) {
        this.db = db;
    }

    public void query(String sql, Binder binder, RowReader reader) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    public int update(String sql, Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** A statement executed once per item (JDBC batch). */
    public <T> void batch(String sql, Iterable<T> items, ItemBinder<T> binder) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int n = 0;
            for (T item : items) {
                binder.bind(s, item);
                s.addBatch();
                if (++n % 1000 == 0) {
                    s.executeBatch();
                }
            }
            if (n % 1000 != 0) {
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    @FunctionalInterface
    public interface ItemBinder<T> {
        void bind(PreparedStatement s, T item) throws SQLException;
    }
}
