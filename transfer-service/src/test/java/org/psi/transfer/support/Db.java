package org.psi.transfer.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.spi.CDI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Direct reads and writes of the transfer-service's database, for assertions and for tampering. */
public final class Db {

    private Db() {
    }

    private static AgroalDataSource ds() {
        return CDI.current().select(AgroalDataSource.class).get();
    }

    public static long count(String sql, Object... params) {
        try (Connection c = ds().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... params) {
        try (Connection c = ds().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long casesOf(String workerId) {
        return count("select count(*) from transfer_case where worker_id = ?", UUID.fromString(workerId));
    }

    public static long events(String transferId) {
        return count("select count(*) from transfer_event where transfer_id = ?", UUID.fromString(transferId));
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
