package org.psi.contribution.domain;

import java.util.List;
import org.psi.common.domain.RegionCode;
import org.psi.common.stats.Dimension;
import org.psi.common.stats.StatTable;

/**
 * The one table of contributions per month from which every statistics query is answered, so that
 * all figures any caller can see for a month are protected together (see
 * {@link org.psi.common.stats.Suppression}): every grouping of region, scheme and payer, at every
 * level, over the whole country.
 *
 * <p>Keys are (region, scheme, payer) with {@link StatTable#ALL} for "all". Region is a hierarchy:
 * the country ({@code *}), a province with its cities ({@code NN}), and the region a month was
 * booked in ({@code NNNNNN}: a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL).
 * Payer is a hierarchy too: the payer kind ({@value #PLATFORM}, {@value #SELF}) and under
 * {@value #PLATFORM} each platform ({@code PLATFORM/<code>}). A worker counts once in every cell
 * whose values they have in that month: under one region per scheme, several schemes and several
 * payers. Each cell has the figures persons, {@code amountFen} and {@code countedMonths}; amounts
 * add up along every dimension.
 */
public final class ContributionLattice {

    public static final String ALL = StatTable.ALL;
    public static final String PLATFORM = "PLATFORM";
    public static final String SELF = "SELF";
    private static final String PLATFORM_PREFIX = PLATFORM + "/";

    /** The sums of every cell, in this order. */
    public static final String AMOUNT = "amountFen";
    public static final String COUNTED_MONTHS = "countedMonths";

    public static final List<Dimension> DIMENSIONS = List.of(
            Dimension.of("region").withHierarchy(ContributionLattice::parentRegion).overlappingUnlessFixed("scheme"),
            Dimension.of("scheme").overlapping(),
            Dimension.of("payer").withHierarchy(ContributionLattice::parentPayer).overlapping());

    private ContributionLattice() {
    }

    private static String parentRegion(String node) {
        return node.length() == 6 ? node.substring(0, 2) : ALL;
    }

    private static String parentPayer(String node) {
        return node.startsWith(PLATFORM_PREFIX) ? PLATFORM : ALL;
    }

    /** The payer node of one platform. */
    public static String platformNode(String code) {
        return PLATFORM_PREFIX + code;
    }

    /** The platform code of a payer node, or null for a payer kind (or the workers' own payments). */
    public static String platformOf(String payer) {
        return payer.startsWith(PLATFORM_PREFIX) ? payer.substring(PLATFORM_PREFIX.length()) : null;
    }

    /** The payer kind of a payer node ({@value #PLATFORM} or {@value #SELF}), or null for all payers. */
    public static String kindOf(String payer) {
        if (ALL.equals(payer)) {
            return null;
        }
        return payer.startsWith(PLATFORM) ? PLATFORM : SELF;
    }

    /**
     * The lattice node a region stands for: a province covers its cities ({@code NN}); a city is its
     * own pooling region. County codes have no node.
     */
    public static String node(RegionCode region) {
        return switch (region.level()) {
            case PROVINCE -> region.value().substring(0, 2);
            case CITY -> region.value();
            case COUNTY -> throw new IllegalArgumentException("Statistics are kept by province and city, not county");
        };
    }

    /** The region code a node is shown as: {@code 53} as {@code 530000}; a booked region as itself. */
    public static String code(String node) {
        return node.length() == 2 ? node + "0000" : node;
    }
}
