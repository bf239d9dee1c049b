package org.psi.common.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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

    /**
     * One query of several sent in one round trip ({@link #together}): its SQL, its parameters, and
     * the value its rows are read into.
     */
    public static final class Query<T> {
        private final String sql;
        private final Object[] parameters;
        private final T result;
        private final RowInto<T> reader;

        private Query(String sql, T result, RowInto<T> reader, Object[] parameters) {
            if (sql.indexOf(';') >= 0) {
                throw new IllegalArgumentException("one statement per query: " + sql);
            }
            this.sql = sql;
            this.parameters = parameters;
            this.result = result;
            this.reader = reader;
        }

        public static <T> Query<T> of(String sql, T result, RowInto<T> reader, Object... parameters) {
            return new Query<>(sql, result, reader, parameters);
        }

        /** What the rows were read into (after {@link #together} or {@link #one}). */
        public T result() {
            return result;
        }
    }

    @FunctionalInterface
    public interface RowInto<T> {
        void read(ResultSet rs, T into) throws SQLException;
    }

    /** One query. */
    public <T> T one(Query<T> query) {
        together(List.of(query));
        return query.result();
    }

    /**
     * Several queries in one round trip to PostgreSQL (the driver sends them as one message with
     * one sync, so they also run in one implicit transaction); each query's rows are read into its
     * own result.
     */
    public void together(List<? extends Query<?>> queries) {
        StringBuilder sql = new StringBuilder();
        for (Query<?> q : queries) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(q.sql);
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Query<?> q : queries) {
                for (Object value : q.parameters) {
                    s.setObject(p++, value);
                }
            }
            boolean rows = s.execute();
            for (Query<?> q : queries) {
                if (!rows) {
                    throw new IllegalStateException("a query of the round trip returned no rows: " + q.sql);
                }
                try (ResultSet rs = s.getResultSet()) {
                    read(q, rs);
                }
                rows = s.getMoreResults();
            }
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    private static <T> void read(Query<T> q, ResultSet rs) throws SQLException {
        while (rs.next()) {
            q.reader.read(rs, q.result);
        }
    }

    @FunctionalInterface
    public interface ItemBinder<T> {
        void bind(PreparedStatement s, T item) throws SQLException;
    }
}
