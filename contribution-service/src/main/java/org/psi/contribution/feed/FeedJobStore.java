package org.psi.contribution.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.psi.common.i18n.Message;
import org.psi.common.store.Jdbc;
import org.psi.contribution.feed.FeedEvaluator.LineError;

/** Feed jobs and their chunks in PostgreSQL (V11): what every instance sees of them. */
@ApplicationScoped
public class FeedJobStore {

    private static final TypeReference<List<LineError>> ERRORS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, client_id, platform_code, idempotency_key, request_hash, format, gzip, status, bytes_received, lines,
            chunks, chunks_applied, lines_read, accepted, duplicates, rejected, failure_code, failure, created_at,
            started_at, finished_at""";

    public enum Status { RECEIVING, QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** A job as stored. {@code failure} is the reason a job FAILED, in the reader's language on demand. */
    public record Job(UUID id, String clientId, String platformCode, String idempotencyKey, byte[] requestHash,
                      String format, boolean gzip, Status status, long bytesReceived, int lines, int chunks,
                      int chunksApplied, int linesRead, int accepted, int duplicates, int rejected, String failureCode,
                      Message failure, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    /** A chunk to apply, with what of its job it needs. */
    public record Pending(UUID jobId, int seq, int firstLine, int lines, byte[] body, String clientId, String format,
                         boolean csvHeaderCopy) {
    }

    /** What a chunk did, as its batch reported it, with the lines rejected before the batch (malformed ones). */
    public record Applied(UUID batchId, int accepted, int duplicates, int rejected, List<LineError> errors) {
    }

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public FeedJobStore(AgroalDataSource db, ObjectMapper json) {
        this.jdbc = new Jdbc(db);
        this.json = json;
    }

    public void create(UUID id, String clientId, String platformCode, String format, boolean gzip, Instant now) {
        jdbc.update("insert into feed_job (id, client_id, platform_code, format, gzip, status, created_at) values (?, ?, ?, ?, ?, 'RECEIVING', ?)", s -> {
            s.setObject(1, id);
            s.setString(2, clientId);
            s.setString(3, platformCode);
            s.setString(4, format);
            s.setBoolean(5, gzip);
            s.setTimestamp(6, Timestamp.from(now));
        });
    }

    public void addChunk(UUID jobId, FeedUpload.Chunk c) {
        jdbc.update("insert into feed_job_chunk (job_id, seq, first_line, lines, body) values (?, ?, ?, ?, ?)", s -> {
            s.setObject(1, jobId);
            s.setInt(2, c.seq());
            s.setInt(3, c.firstLine());
            s.setInt(4, c.lines());
            s.setBytes(5, c.body());
        });
    }

    /** The whole body is stored: the job takes its key and waits for an instance. A concurrent upload with the key fails (feed_job_key). */
    public void queue(UUID id, String key, FeedUpload.Received r) {
        jdbc.update("""
                update feed_job set status = 'QUEUED', idempotency_key = ?, request_hash = ?, bytes_received = ?, lines = ?, chunks = ?
                 where id = ? and status = 'RECEIVING'""", s -> {
            s.setString(1, key);
            s.setBytes(2, r.hash());
            s.setLong(3, r.bytes());
            s.setInt(4, r.lines());
            s.setInt(5, r.chunks());
            s.setObject(6, id);
        });
    }

    /** The body was not the declared format: the job FAILED with the reason, none of its chunks kept. */
    public void fail(UUID id, String key, byte[] hash, long bytes, String code, Message reason, Instant now) {
        jdbc.update("delete from feed_job_chunk where job_id = ?", s -> s.setObject(1, id));
        jdbc.update("""
                update feed_job set status = 'FAILED', idempotency_key = ?, request_hash = ?, bytes_received = ?,
                       failure_code = ?, failure = ?::jsonb, finished_at = ?
                 where id = ? and status = 'RECEIVING'""", s -> {
            s.setString(1, key);
            s.setBytes(2, hash);
            s.setLong(3, bytes);
            s.setString(4, code);
            s.setString(5, write(Map.of("key", reason.key(), "args", reason.plainArgs(), "message", reason.english())));
            s.setTimestamp(6, Timestamp.from(now));
            s.setObject(7, id);
        });
    }

    /** A job that cannot go on (a chunk refused for good): FAILED with the reason; what was applied stays. */
    public void failRunning(UUID id, String code, Message reason, Instant now) {
        jdbc.update("""
                update feed_job set status = 'FAILED', failure_code = ?, failure = ?::jsonb, finished_at = ?
                 where id = ? and status in ('QUEUED', 'RUNNING')""", s -> {
            s.setString(1, code);
            s.setString(2, write(Map.of("key", reason.key(), "args", reason.plainArgs(), "message", reason.english())));
            s.setTimestamp(3, Timestamp.from(now));
            s.setObject(4, id);
        });
    }

    public void delete(UUID id) {
        jdbc.update("delete from feed_job where id = ?", s -> s.setObject(1, id));
    }

    /** Uploads cut off (the instance receiving them died) before {@code before}: gone with their chunks. */
    public int deleteAbandoned(Instant before) {
        return jdbc.update("delete from feed_job where status = 'RECEIVING' and created_at < ?", s -> s.setTimestamp(1, Timestamp.from(before)));
    }

    public Optional<Job> byKey(String clientId, String key) {
        return one("select " + COLUMNS + " from feed_job where client_id = ? and idempotency_key = ?", clientId, key);
    }

    /** A job of this client, once its upload is complete; another client's job is not found. */
    public Optional<Job> find(UUID id, String clientId) {
        return one("select " + COLUMNS + " from feed_job where id = ? and client_id = ? and status <> 'RECEIVING'", id, clientId);
    }

    /** A page of a client's jobs, newest first (ids are time-ordered), before {@code beforeId}. */
    public List<Job> page(String clientId, UUID beforeId, int rows) {
        List<Job> jobs = new ArrayList<>();
        jdbc.query("select " + COLUMNS + " from feed_job where client_id = ? and status <> 'RECEIVING'"
                + (beforeId == null ? "" : " and id < ?") + " order by id desc limit ?", s -> {
            s.setString(1, clientId);
            int p = 2;
            if (beforeId != null) {
                s.setObject(p++, beforeId);
            }
            s.setInt(p, rows);
        }, rs -> jobs.add(job(rs)));
        return jobs;
    }

    /** Stops a QUEUED or RUNNING job of this client; false if it has none such. A chunk being applied still completes. */
    public boolean cancel(UUID id, String clientId, Instant now) {
        return jdbc.update("""
                update feed_job set status = 'CANCELLED', finished_at = ?
                 where id = ? and client_id = ? and status in ('QUEUED', 'RUNNING')""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setObject(2, id);
            s.setString(3, clientId);
        }) == 1;
    }

    /** The rejected lines of a job, chunk after chunk, in line order. */
    public void errors(UUID id, Consumer<LineError> each) {
        jdbc.query("select errors from feed_job_chunk where job_id = ? and errors is not null order by seq", s -> s.setObject(1, id), rs -> {
            try {
                for (LineError e : json.readValue(rs.getString(1), ERRORS)) {
                    each.accept(e);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ------------------------------------------------------------------ applying chunks (in the caller's transaction)

    /**
     * The next chunk to apply of the oldest open job, locked until the caller's transaction ends
     * (another instance skips it); empty if there is none.
     */
    public Optional<Pending> claim() {
        List<Pending> found = new ArrayList<>(1);
        jdbc.query("""
                select c.job_id, c.seq, c.first_line, c.lines, c.body, j.client_id, j.format
                  from feed_job j join feed_job_chunk c on c.job_id = j.id and c.applied_at is null
                 where j.status in ('QUEUED', 'RUNNING')
                 order by j.created_at, c.seq
                 limit 1
                   for update of c skip locked""", s -> {
        }, rs -> found.add(new Pending(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                rs.getBytes(5), rs.getString(6), rs.getString(7), FeedReader.CSV.equals(rs.getString(7)) && rs.getInt(2) > 1)));
        return found.stream().findFirst();
    }

    /**
     * Records an applied chunk and adds it to its job (whose row lock orders the instances finishing
     * chunks of one job); answers the job, DONE if that was its last chunk.
     */
    public Job applied(Pending c, Applied a, Instant now) {
        jdbc.update("""
                update feed_job_chunk set applied_at = ?, body = null, batch_id = ?, accepted = ?, duplicates = ?, rejected = ?, errors = ?::jsonb
                 where job_id = ? and seq = ?""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setObject(2, a.batchId());
            s.setInt(3, a.accepted());
            s.setInt(4, a.duplicates());
            s.setInt(5, a.rejected());
            s.setString(6, a.errors().isEmpty() ? null : write(a.errors()));
            s.setObject(7, c.jobId());
            s.setInt(8, c.seq());
        });
        jdbc.update("""
                update feed_job set chunks_applied = chunks_applied + 1, lines_read = lines_read + ?, accepted = accepted + ?,
                       duplicates = duplicates + ?, rejected = rejected + ?,
                       status = case when status = 'QUEUED' then 'RUNNING' else status end,
                       started_at = coalesce(started_at, ?)
                 where id = ?""", s -> {
            s.setInt(1, a.accepted() + a.duplicates() + a.rejected());
            s.setInt(2, a.accepted());
            s.setInt(3, a.duplicates());
            s.setInt(4, a.rejected());
            s.setTimestamp(5, Timestamp.from(now));
            s.setObject(6, c.jobId());
        });
        jdbc.update("""
                update feed_job set status = 'DONE', finished_at = ?
                 where id = ? and status = 'RUNNING' and chunks_applied = chunks""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setObject(2, c.jobId());
        });
        return one("select " + COLUMNS + " from feed_job where id = ?", c.jobId()).orElseThrow();
    }

    /** Marks a job RUNNING from its first chunk on (so that progress and ETA count from then). */
    public void started(UUID jobId, Instant now) {
        jdbc.update("update feed_job set status = 'RUNNING', started_at = coalesce(started_at, ?) where id = ? and status = 'QUEUED'", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setObject(2, jobId);
        });
    }

    // ------------------------------------------------------------------ rows

    private Optional<Job> one(String sql, Object... params) {
        List<Job> found = new ArrayList<>(1);
        jdbc.query(sql, s -> {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
        }, rs -> found.add(job(rs)));
        return found.stream().findFirst();
    }

    private Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                rs.getString(6), rs.getBoolean(7), Status.valueOf(rs.getString(8)), rs.getLong(9), rs.getInt(10), rs.getInt(11),
                rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16), rs.getString(17),
                failure(rs.getString(18)), instant(rs, 19), instant(rs, 20), instant(rs, 21));
    }

    private Message failure(String stored) throws SQLException {
        if (stored == null) {
            return null;
        }
        try {
            var node = json.readTree(stored);
            List<Object> args = new ArrayList<>();
            node.path("args").forEach(a -> args.add(a.asText()));
            return Message.of(node.path("key").asText(), args.toArray());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
