package org.psi.enrollment.stats;

import java.util.List;
import org.psi.common.stats.Dimension;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.StatTable;

/**
 * The one table of insured workers per month from which every statistics query is answered, so that
 * all figures any caller can see for a month are protected together (see
 * {@link org.psi.common.stats.Suppression}): every grouping of region, scheme, platform, sex and
 * age band, at every level, over the whole country.
 *
 * <p>Keys are (region, scheme, platform, sex, ageBand) with {@link StatTable#ALL} for "all". Region
 * is a hierarchy: the country ({@code *}), a province with its cities ({@code NN}, the first two
 * digits), and the pooling region of an enrollment ({@code NNNNNN}: a province for PENSION and
 * OCCUPATIONAL_INJURY, a city for MEDICAL). A worker counts once in every cell whose values they
 * have in that month; under several regions (one per scheme), schemes and platforms each.
 */
public final class InsuredLattice {

    public static final String ALL = StatTable.ALL;

    /** A worker has one pooling region per scheme (so region adds up once the scheme is fixed), several schemes, several platforms. */
    public static final List<Dimension> DIMENSIONS = List.of(
            Dimension.of("region").withHierarchy(RegionNodes::parent).overlappingUnlessFixed("scheme"),
            Dimension.of("scheme").overlapping(),
            Dimension.of("platform").overlapping(),
            Dimension.of("sex"),
            Dimension.of("ageBand"));

    private InsuredLattice() {
    }
}
