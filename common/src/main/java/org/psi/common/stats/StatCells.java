package org.psi.common.stats;

import java.util.List;

/**
 * A service's store of snapshots as statistics queries read them: the only part of answering a query
 * that is the service's own, its SQL.
 *
 * @param <D> the service's enum of dimensions
 * @param <R> its stored cell
 */
public interface StatCells<D extends Enum<D> & GroupingDimension, R extends StoredCell> {

    /** Where the snapshots are kept. */
    SnapshotStore snapshots();

    /**
     * The cells of a query: for each dimension grouped, its values (region: the pooling regions in the
     * scope; province: the provinces in it); for the others, the total; region fixed to the scope when
     * neither region nor province is grouped. In month order, then key order.
     */
    List<R> cells(long snapshotId, StatQuery<D> q);

    /** The total of each month of a query in its scope; a month without one counts zero. */
    List<R> totals(long snapshotId, StatQuery<D> q);
}
