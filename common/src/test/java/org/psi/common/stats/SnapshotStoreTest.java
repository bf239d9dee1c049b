package org.psi.common.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.psi.common.test.PostgresResource;

class SnapshotStoreTest {

    private static final Instant T = Instant.parse("2026-06-01T02:00:00Z");

    /** A fresh database with the services' stats_snapshot table, with or without took_ms. */
    private static DataSource database(String name, boolean tookMs) throws SQLException {
        try (Connection c = PostgresResource.server().getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        DataSource db = PostgresResource.server().getDatabase("postgres", name);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create sequence stats_snapshot_seq");
            s.execute("create table stats_snapshot (id bigint primary key default nextval('stats_snapshot_seq'),"
                    + " subject varchar(32) not null, taken_at timestamptz not null, through_month varchar(7),"
                    + " threshold int not null, cells int not null default 0, suppressed int not null default 0,"
                    + " fully_audited boolean not null default true"
                    + (tookMs ? ", took_ms bigint not null default 0" : "") + ")");
        }
        return db;
    }

    private static List<Long> ids(DataSource db, String subject) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id from stats_snapshot where subject = '" + subject + "' order by id")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void untimedSnapshotsKeepTheLatestTwoPerSubject() throws SQLException {
        DataSource db = database("snapshot_store_untimed", false);
        SnapshotStore store = new SnapshotStore(db);
        assertTrue(store.latest("a").isEmpty());
        store.lock("a");
        long other = store.create("b", T, YearMonth.of(2026, 5), 10);
        store.finish("b", other, 1, 0, true);
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = store.create("a", T.plusSeconds(i), YearMonth.of(2026, 5), 10);
            store.finish("a", id, 100 + i, i, i != 1);
            made.add(id);
        }
        assertEquals(made.subList(1, 3), ids(db, "a"));
        assertEquals(List.of(other), ids(db, "b"));
        assertEquals(new Snapshot(made.get(2), T.plusSeconds(2), YearMonth.of(2026, 5), 10, 102, 2, true),
                store.latest("a").orElseThrow());
        assertThrows(IllegalStateException.class, () -> store.finish("a", made.get(2), 1, 0, true, 5));
    }

    @Test
    void timedSnapshotsKeepTheirDuration() throws SQLException {
        DataSource db = database("snapshot_store_timed", true);
        SnapshotStore store = SnapshotStore.timed(db);
        long id = store.create("c", T, YearMonth.of(2026, 4), 5);
        assertEquals(new Snapshot(id, T, YearMonth.of(2026, 4), 5, 0, 0, true, 0), store.latest("c").orElseThrow());
        store.finish("c", id, 7, 3, false, 5400);
        assertEquals(new Snapshot(id, T, YearMonth.of(2026, 4), 5, 7, 3, false, 5400), store.latest("c").orElseThrow());
        assertThrows(IllegalStateException.class, () -> store.finish("c", id, 1, 0, true));
    }
}
