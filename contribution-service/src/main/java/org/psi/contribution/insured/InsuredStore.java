package org.psi.contribution.insured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.psi.common.domain.Sector;
import org.psi.common.store.Jdbc;

/**
 * This service's copy of the enrollment-service's facts ({@code insured_worker}, {@code insured_holder},
 * {@code insured_platform}), through JDBC in the caller's transaction. A row changes only for an
 * event of a later feed position than the one it holds, so an event applied again changes nothing.
 */
@ApplicationScoped
public class InsuredStore {

    private final Jdbc jdbc;
    private final ObjectMapper json;
    /** Parsed records by login subject, with the feed position they were read at. */
    private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    public InsuredStore(AgroalDataSource db, ObjectMapper json) {
        this.jdbc = new Jdbc(db);
        this.json = json;
    }

    // ------------------------------------------------------------------ applying events

    /** The worker's state of feed position {@code seq}; answers the worker if it was newer than the copy. */
    public Optional<InsuredWorker> applyWorker(long seq, String recordJson) {
        EnrollmentRecords.WorkerRecord r = parse(recordJson);
        int n = jdbc.update("""
                insert into insured_worker (worker_id, subject, record, seq, updated_at) values (?, ?, ?::jsonb, ?, now())
                on conflict (worker_id) do update
                   set subject = excluded.subject, record = excluded.record, seq = excluded.seq, updated_at = now()
                 where insured_worker.seq < excluded.seq""", s -> {
            s.setObject(1, r.workerId());
            s.setString(2, r.subject());
            s.setString(3, recordJson);
            s.setLong(4, seq);
        });
        return n > 0 ? Optional.of(InsuredWorker.of(r)) : Optional.empty();
    }

    public boolean applyHolder(long seq, EnrollmentRecords.Holder h) {
        byte[] index = java.util.Base64.getDecoder().decode(h.nationalIdIndex());
        return jdbc.update("""
                insert into insured_holder (worker_id, national_id_index, name, national_id_last4, seq) values (?, ?, ?, ?, ?)
                on conflict (worker_id) do update
                   set national_id_index = excluded.national_id_index, name = excluded.name,
                       national_id_last4 = excluded.national_id_last4, seq = excluded.seq
                 where insured_holder.seq < excluded.seq""", s -> {
            s.setObject(1, h.workerId());
            s.setBytes(2, index);
            s.setString(3, h.name());
            s.setString(4, h.nationalIdLast4());
            s.setLong(5, seq);
        }) > 0;
    }

    public boolean applyPlatform(long seq, EnrollmentRecords.PlatformState p) {
        return jdbc.update("""
                insert into insured_platform (code, client_id, name, sectors, seq) values (?, ?, ?, ?, ?)
                on conflict (code) do update
                   set client_id = excluded.client_id, name = excluded.name, sectors = excluded.sectors, seq = excluded.seq
                 where insured_platform.seq < excluded.seq""", s -> {
            s.setString(1, p.code());
            s.setString(2, p.clientId());
            s.setString(3, p.name());
            s.setString(4, String.join(",", p.sectors()));
            s.setLong(5, seq);
        }) > 0;
    }

    // ------------------------------------------------------------------ reading

    public Optional<InsuredWorker> bySubject(String subject) {
        return Optional.ofNullable(jdbc.one(bySubjectQuery(subject)).get());
    }

    /**
     * The worker of a login subject, for one round trip with other queries. The record is parsed
     * once per state: a subject's record kept from an earlier read is not sent again while the
     * copy's feed position ({@code seq}) is the same.
     */
    public Jdbc.Query<AtomicReference<InsuredWorker>> bySubjectQuery(String subject) {
        Parsed kept = parsed.getIfPresent(subject);
        return Jdbc.Query.of("select seq, case when seq = ? then null else record::text end from insured_worker where subject = ?",
                new AtomicReference<InsuredWorker>(), (rs, out) -> {
                    long seq = rs.getLong(1);
                    String record = rs.getString(2);
                    if (record == null && kept != null) {
                        out.set(kept.worker());
                    } else {
                        InsuredWorker worker = InsuredWorker.of(parse(record));
                        parsed.put(subject, new Parsed(seq, worker));
                        out.set(worker);
                    }
                }, kept == null ? Long.MIN_VALUE : kept.seq(), subject);
    }

    /** The worker id last read for a login subject, if any (a hint: the subject's row decides). */
    public Optional<UUID> keptWorkerId(String subject) {
        return Optional.ofNullable(parsed.getIfPresent(subject)).map(p -> p.worker().workerId());
    }

    private record Parsed(long seq, InsuredWorker worker) {
    }

    public Optional<InsuredWorker> byId(UUID workerId) {
        List<InsuredWorker> found = new ArrayList<>(1);
        jdbc.query("select record::text from insured_worker where worker_id = ?", s -> s.setObject(1, workerId),
                rs -> found.add(InsuredWorker.of(parse(rs.getString(1)))));
        return found.stream().findFirst();
    }

    /** The workers of these blind indexes, by the index in hex. */
    public Map<String, InsuredWorker> byIndexes(Collection<byte[]> indexes) {
        Map<String, InsuredWorker> out = new HashMap<>();
        if (indexes.isEmpty()) {
            return out;
        }
        HexFormat hex = HexFormat.of();
        jdbc.query("""
                select h.national_id_index, w.record::text from insured_holder h join insured_worker w using (worker_id)
                 where h.national_id_index in (select decode(unnest(?::text[]), 'hex'))""",
                s -> s.setArray(1, s.getConnection().createArrayOf("text", indexes.stream().map(hex::formatHex).toArray())),
                rs -> out.put(hex.formatHex(rs.getBytes(1)), InsuredWorker.of(parse(rs.getString(2)))));
        return out;
    }

    public Optional<Holder> holder(UUID workerId) {
        List<Holder> found = new ArrayList<>(1);
        jdbc.query("select name, national_id_last4 from insured_holder where worker_id = ?", s -> s.setObject(1, workerId),
                rs -> found.add(new Holder(workerId, rs.getString(1), rs.getString(2))));
        return found.stream().findFirst();
    }

    public Optional<PlatformFacts> platformByClientId(String clientId) {
        List<PlatformFacts> found = new ArrayList<>(1);
        jdbc.query("select code, name, sectors from insured_platform where client_id = ?", s -> s.setString(1, clientId),
                rs -> {
                    Set<Sector> sectors = EnumSet.noneOf(Sector.class);
                    for (String sector : rs.getString(3).split(",")) {
                        try {
                            sectors.add(Sector.valueOf(sector));
                        } catch (IllegalArgumentException ignored) {
                            // a sector this version does not know cannot appear in a valid line either
                        }
                    }
                    found.add(new PlatformFacts(rs.getString(1), rs.getString(2), sectors));
                });
        return found.stream().findFirst();
    }

    /** Every worker of the copy, {@code chunk} at a time in id order. */
    public void forEachWorker(int chunk, Consumer<List<InsuredWorker>> work) {
        UUID after = new UUID(0, 0);
        while (true) {
            List<InsuredWorker> page = new ArrayList<>(chunk);
            UUID from = after;
            jdbc.query("select record::text from insured_worker where worker_id > ? order by worker_id limit ?", s -> {
                s.setObject(1, from);
                s.setInt(2, chunk);
            }, rs -> page.add(InsuredWorker.of(parse(rs.getString(1)))));
            if (page.isEmpty()) {
                return;
            }
            work.accept(page);
            after = page.get(page.size() - 1).workerId();
        }
    }

    private EnrollmentRecords.WorkerRecord parse(String recordJson) {
        try {
            return json.readValue(recordJson, EnrollmentRecords.WorkerRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A worker record of the enrollment-service could not be read", e);
        }
    }
}
