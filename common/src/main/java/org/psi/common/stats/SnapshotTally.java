package org.psi.common.stats;

/**
 * What a refresh has protected so far, month by month: how many cells, how many of them withheld, and
 * whether the exact-recovery audit covered every month (see {@link Suppression}). Its figures go
 * into the snapshot's row when the refresh finishes.
 */
public final class SnapshotTally {

    private int cells;
    private int suppressed;
    private boolean fullyAudited = true;

    /** Counts one month's protected table; returns whether the audit covered all of it. */
    public boolean add(ProtectedTable month) {
        cells += month.table().size();
        suppressed += (int) month.cells().stream().filter(ProtectedTable.Cell::suppressed).count();
        fullyAudited &= month.fullyAudited();
        return month.fullyAudited();
    }

    public int cells() {
        return cells;
    }

    public int suppressed() {
        return suppressed;
    }

    public boolean fullyAudited() {
        return fullyAudited;
    }
}
