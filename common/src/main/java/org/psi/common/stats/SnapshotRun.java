package org.psi.common.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import org.psi.common.config.StatisticsConfig;

/**
 * One refresh of a subject's statistics, what every service's refresh does the same way: the subject
 * locked (refreshes run one at a time, also across instances), a new snapshot taken now through this
 * month, each month's table protected and counted into it, and the snapshot finished. Runs in the
 * caller's transaction; the service computes the tables and stores the cells.
 *
 * <pre>
 * SnapshotRun run = SnapshotRun.start(store, SUBJECT, config, clock);
 * for each month up to run.through():  store cells of run.protect(month, table) under run.id()
 * return run.finish();
 * </pre>
 */
public final class SnapshotRun {

    private static final Logger LOG = Logger.getLogger(SnapshotRun.class);

    private final SnapshotStore store;
    private final String subject;
    private final long started;
    private final Instant takenAt;
    private final YearMonth through;
    private final int threshold;
    private final int auditLimit;
    private final Suppression suppression;
    private final SnapshotTally tally = new SnapshotTally();
    private final long id;

    private SnapshotRun(SnapshotStore store, String subject, StatisticsConfig config, Clock clock, long started) {
        this.store = store;
        this.subject = subject;
        this.started = started;
        this.takenAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        this.through = YearMonth.now(clock);
        this.threshold = config.threshold();
        this.auditLimit = config.auditLimit();
        this.suppression = new Suppression(threshold, auditLimit);
        this.id = store.create(subject, takenAt, through, threshold);
    }

    /** Locks the subject and creates the snapshot's row. */
    public static SnapshotRun start(SnapshotStore store, String subject, StatisticsConfig config, Clock clock) {
        return start(store, subject, config, clock, () -> { });
    }

    /** Locks the subject, runs {@code underLock} (bringing what the figures are read from up to date), and creates the snapshot's row. */
    public static SnapshotRun start(SnapshotStore store, String subject, StatisticsConfig config, Clock clock,
                                    Runnable underLock) {
        long started = System.nanoTime();
        store.lock(subject);
        underLock.run();
        return new SnapshotRun(store, subject, config, clock, started);
    }

    /** The snapshot's id, under which its cells are stored. */
    public long id() {
        return id;
    }

    /** The last month the snapshot covers: this month. */
    public YearMonth through() {
        return through;
    }

    /** Protects one month's table and counts it into the snapshot; store its cells under {@link #id()}. */
    public ProtectedTable protect(YearMonth month, StatTable table) {
        ProtectedTable p = suppression.protect(table);
        if (!tally.add(p)) {
            LOG.warnf("Statistics %s of %s: a group of withheld cells exceeds the audit limit %d; only the line rule"
                    + " protects it", subject, month, auditLimit);
        }
        return p;
    }

    /** Records the snapshot's size (and, for a timed store, how long it took) and drops older ones; the snapshot. */
    public Snapshot finish() {
        if (!store.isTimed()) {
            store.finish(subject, id, tally.cells(), tally.suppressed(), tally.fullyAudited());
            return new Snapshot(id, takenAt, through, threshold, tally.cells(), tally.suppressed(), tally.fullyAudited());
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        store.finish(subject, id, tally.cells(), tally.suppressed(), tally.fullyAudited(), took);
        return new Snapshot(id, takenAt, through, threshold, tally.cells(), tally.suppressed(), tally.fullyAudited(), took);
    }
}
