package org.psi.contribution.stats;

import java.util.ArrayList;
import java.util.List;
import org.psi.common.stats.Dimension;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.StatQuery;
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
            Dimension.of("region").withHierarchy(RegionNodes::parent).overlappingUnlessFixed("scheme"),
            Dimension.of("scheme").overlapping(),
            Dimension.of("payer").withHierarchy(ContributionLattice::parentPayer).overlapping());

    private ContributionLattice() {
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
     * A payer is one hierarchy (all payers, PLATFORM or SELF, each platform), so grouping by platform
     * groups by payer kind too: {@code payerKind} is added right after {@code platform} when not asked
     * for, and the workers' own payments show as the payer kind SELF with no platform.
     */
    public static StatQuery<StatDimension> withPayerKind(StatQuery<StatDimension> q) {
        if (!q.groups(StatDimension.PLATFORM) || q.groups(StatDimension.PAYER_KIND)) {
            return q;
        }
        List<StatDimension> dims = new ArrayList<>(q.groupBy());
        dims.add(dims.indexOf(StatDimension.PLATFORM) + 1, StatDimension.PAYER_KIND);
        return q.withGroupBy(dims);
    }
}
