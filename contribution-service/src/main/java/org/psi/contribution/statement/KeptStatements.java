package org.psi.contribution.statement;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.psi.common.domain.Scheme;
import org.psi.common.store.Jdbc;

/**
 * Statements kept in memory as the JSON they were answered with, each with what it was made of: the
 * worker's feed position in the copy ({@code insured_worker.seq}) and her count of changes
 * ({@code statement_change}, written by triggers in the same transaction as every posting,
 * assessment, adjustment and policy change). A kept statement is answered again only after one
 * query shows both unchanged, so a change committed anywhere (by any instance) is in the next read.
 * The count is read before the rows a statement is made of, so a statement is never kept under a
 * newer count than its rows.
 */
@ApplicationScoped
public class KeptStatements {

    /** A statement as asked: the caller, the scheme, the range, and the month it was asked in (the default range ends there). */
    record Key(String subject, Scheme scheme, YearMonth from, YearMonth to, YearMonth thisMonth) {
    }

    /** What a statement was made of: the copy's feed position of the worker and her count of changes. */
    record Stamp(long seq, long changes) {
    }

    private record Kept(Stamp stamp, byte[] json) {
    }

    /** Workers folded per call of {@code fold_statement_changes()} (V8). */
    private static final int FOLD_LIMIT = 10_000;
    private static final String NIL_WORKER = "00000000-0000-0000-0000-000000000000";

    private final Cache<Key, Kept> kept;
    private final Jdbc jdbc;

    public KeptStatements(AgroalDataSource db, @ConfigProperty(name = "psi.statement.kept-bytes", defaultValue = "67108864") long maxBytes) {
        this.jdbc = new Jdbc(db);
        this.kept = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Kept v) -> v.json().length + 200)
                .expireAfterAccess(Duration.ofMinutes(30)).build();
    }

    /** The stamp of a login subject's worker now, as one query of a round trip (null: the copy does not know her). */
    static Jdbc.Query<AtomicReference<Stamp>> stampQuery(String subject) {
        return Jdbc.Query.of("""
                select w.seq, (select coalesce(sum(c.weight), 0) from statement_change c
                                where c.worker_id in (w.worker_id, '%s'::uuid))
                  from insured_worker w where w.subject = ?""".formatted(NIL_WORKER),
                new AtomicReference<Stamp>(), (rs, out) -> out.set(new Stamp(rs.getLong(1), rs.getLong(2))), subject);
    }

    /** The kept JSON of this statement if nothing it was made of has changed (one query), else empty. */
    Optional<byte[]> find(Key key) {
        Kept k = kept.getIfPresent(key);
        if (k == null) {
            return Optional.empty();
        }
        Stamp now = jdbc.one(stampQuery(key.subject())).get();
        if (!k.stamp().equals(now)) {
            kept.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(k.json());
    }

    void keep(Key key, Stamp stamp, byte[] json) {
        if (stamp != null) {
            kept.put(key, new Kept(stamp, json));
        }
    }

    /** Folds each worker's change rows into one (counts unchanged), so a check reads one or two rows. */
    @Scheduled(identity = "psi-statement-changes-fold", every = "${psi.statement.fold-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fold() {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long folded;
        do {
            folded = jdbc.one(Jdbc.Query.of("select fold_statement_changes()", new long[1], (rs, out) -> out[0] = rs.getLong(1)))[0];
        } while (folded >= FOLD_LIMIT && System.nanoTime() < until);
    }
}
