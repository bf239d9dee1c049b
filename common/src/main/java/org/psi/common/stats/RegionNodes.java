package org.psi.common.stats;

import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.RegionCode;

/**
 * The region hierarchy every statistics table of PSI shares: the country ({@link StatTable#ALL}), a
 * province with its cities ({@code NN}, the first two digits) and a pooling region ({@code NNNNNN}: a
 * province or a prefecture-level city). Counties have no node: figures are kept by pooling region.
 */
public final class RegionNodes {

    public static final String ALL = StatTable.ALL;

    private RegionNodes() {
    }

    /** The parent of a node: a pooling region's province, a province's country. */
    public static String parent(String node) {
        return node.length() == 6 ? node.substring(0, 2) : ALL;
    }

    /** The node a region stands for: a province covers its cities ({@code NN}); a city is its own node. */
    public static String node(RegionCode region) {
        return switch (region.level()) {
            case PROVINCE -> region.value().substring(0, 2);
            case CITY -> region.value();
            case COUNTY -> throw new IllegalArgumentException("Statistics are kept by province and city, not county");
        };
    }

    /** The region code a node is shown as: {@code 53} as {@code 530000}; a pooling region as itself. */
    public static String code(String node) {
        return node.length() == 2 ? node + "0000" : node;
    }

    /** The scope node of a query's region filter: the whole country for none; a county is refused (400). */
    public static String scopeOf(RegionCode region) {
        if (region == null) {
            return ALL;
        }
        if (region.level() == RegionCode.Level.COUNTY) {
            throw new InvalidValueException("region", "NOT_A_STATISTICS_REGION",
                    "common.stats.no-county");
        }
        return node(region);
    }
}
