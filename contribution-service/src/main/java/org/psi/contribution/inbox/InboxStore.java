package org.psi.contribution.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.psi.common.store.Jdbc;

/**
 * The {@code notification} table (V9), through JDBC in the caller's transaction. A notification is
 * written once per worker and {@code about} (a month, an event, a credential): telling it again
 * changes nothing.
 */
@ApplicationScoped
public class InboxStore {

    /** One notification as stored: data holds ids, months, amounts and states only. */
    public record Row(UUID id, NotificationKind kind, Instant at, boolean read, Map<String, Object> data) {
    }

    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public InboxStore(AgroalDataSource db, ObjectMapper json) {
        this.jdbc = new Jdbc(db);
        this.json = json;
    }

    /** Adds a notification of what happened {@code at} unless this worker was told about {@code about} already; true if it is new. */
    public boolean tell(UUID workerId, NotificationKind kind, String about, Instant at, Map<String, Object> data) {
        String body;
        try {
            body = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification data", e);
        }
        return jdbc.update("""
                insert into notification (id, worker_id, kind, about, data, created_at) values (?, ?, ?, ?, ?::jsonb, ?)
                on conflict (worker_id, about) do nothing""", s -> {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, workerId);
            s.setString(3, kind.name());
            s.setString(4, about);
            s.setString(5, body);
            s.setTimestamp(6, Timestamp.from(at));
        }) > 0;
    }

    /**
     * Tells every worker whose month {@code month} of a scheme is assessed (an ACTIVE enrollment) and
     * not paid in full; answers how many were told now.
     */
    public int tellUnpaid(YearMonth month) {
        return jdbc.update("""
                insert into notification (id, worker_id, kind, about, data)
                select gen_random_uuid(), a.worker_id, 'MONTH_UNPAID', 'unpaid:' || a.scheme || ':' || a.month,
                       jsonb_build_object('scheme', a.scheme, 'month', a.month, 'dueFen', a.due_fen, 'paidFen', coalesce(p.paid, 0))
                  from month_assessment a
                  left join lateral (select sum(amount_fen) as paid from posting p
                                      where p.worker_id = a.worker_id and p.scheme = a.scheme and p.month = a.month
                                        and p.kind <> 'TRANSFER') p on true
                 where a.month = ? and coalesce(p.paid, 0) < a.due_fen
                on conflict (worker_id, about) do nothing""", s -> s.setString(1, month.toString()));
    }

    /** Up to {@code limit} of a worker's notifications, newest first, after the one with this key (null: from the newest). */
    public List<Row> page(UUID workerId, Key after, int limit) {
        List<Row> rows = new ArrayList<>();
        String sql = "select id, kind, created_at, read_at is not null, data::text from notification where worker_id = ?"
                + (after == null ? "" : " and (created_at, id) < (?, ?)") + " order by created_at desc, id desc limit ?";
        jdbc.query(sql, s -> {
            int p = 1;
            s.setObject(p++, workerId);
            if (after != null) {
                s.setTimestamp(p++, Timestamp.from(after.at()));
                s.setObject(p++, after.id());
            }
            s.setInt(p, limit);
        }, rs -> rows.add(read(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3), rs.getBoolean(4), rs.getString(5))));
        return rows;
    }

    /** Marks one of the worker's notifications read (the first time it is); empty if it is not hers. */
    public Optional<Row> markRead(UUID workerId, UUID id) {
        List<Row> rows = new ArrayList<>(1);
        jdbc.query("""
                update notification set read_at = coalesce(read_at, now()) where worker_id = ? and id = ?
                returning id, kind, created_at, true, data::text""", s -> {
            s.setObject(1, workerId);
            s.setObject(2, id);
        }, rs -> rows.add(read(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3), rs.getBoolean(4), rs.getString(5))));
        return rows.stream().findFirst();
    }

    /** The position of a notification in an inbox (newest first): its time, then its id. */
    public record Key(Instant at, UUID id) {

        public String encode() {
            return at.getEpochSecond() + "." + at.getNano() + "." + id;
        }

        /** The key in a cursor's text; null if it is not one PSI made. */
        public static Key parse(String text) {
            String[] p = text.split("\\.", 3);
            try {
                return p.length == 3 ? new Key(Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1])), UUID.fromString(p[2])) : null;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private Row read(UUID id, String kind, Timestamp at, boolean read, String data) {
        try {
            return new Row(id, NotificationKind.valueOf(kind), at.toInstant(), read, json.readValue(data, DATA));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notification could not be read", e);
        }
    }
}
