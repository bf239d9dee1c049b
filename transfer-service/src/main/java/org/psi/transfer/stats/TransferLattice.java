package org.psi.transfer.stats;

import java.util.List;
import org.psi.common.stats.Dimension;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.StatTable;

/**
 * The one table of transfer cases per month (the month a case was submitted, in the agency's time
 * zone) from which every statistics query is answered, so that all figures any caller can see for a
 * month are protected together (see {@link org.psi.common.stats.Suppression}).
 *
 * <p>Keys are (region, direction, scheme, status) with {@link StatTable#ALL} for "all". A case counts
 * OUT of its source region and IN to its destination region: with direction fixed, region is the
 * pooling region on that side (exclusive: one per case); with direction ALL, a case counts under both
 * its regions (once where they share a node, such as two cities of one province). Region is a
 * hierarchy: the country ({@code *}), a province with its cities ({@code NN}) and the 6-digit pooling
 * region ({@code NN0000} for PENSION, a city {@code NNNN00} for MEDICAL). The count of a cell is the
 * number of distinct workers with a case in it.
 */
public final class TransferLattice {

    public static final String ALL = StatTable.ALL;
    public static final String IN = "IN";
    public static final String OUT = "OUT";

    public static final List<Dimension> DIMENSIONS = List.of(
            Dimension.of("region").withHierarchy(RegionNodes::parent).overlappingUnlessFixed("direction"),
            Dimension.of("direction").overlapping(),
            Dimension.of("scheme"),
            Dimension.of("status"));

    private TransferLattice() {
    }
}
