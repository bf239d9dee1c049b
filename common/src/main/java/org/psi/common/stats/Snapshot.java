package org.psi.common.stats;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A computed set of figures: when, through which month, and how it was protected. {@code tookMillis}
 * is kept by the services whose snapshots are timed (see {@link SnapshotStore#timed}), 0 otherwise.
 */
public record Snapshot(long id, Instant takenAt, YearMonth throughMonth, int threshold, int cells, int suppressed,
                       boolean fullyAudited, long tookMillis) {

    /** An untimed snapshot. */
    public Snapshot(long id, Instant takenAt, YearMonth throughMonth, int threshold, int cells, int suppressed,
                    boolean fullyAudited) {
        this(id, takenAt, throughMonth, threshold, cells, suppressed, fullyAudited, 0);
    }
}
