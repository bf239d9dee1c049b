package org.psi.common.stats;

/**
 * A dimension a statistics query may group by, implemented by each service's enum of them. The
 * names {@code region} and {@code province} have the meaning of {@link RegionNodes}: a query groups
 * by one of them, not both.
 */
public interface GroupingDimension {

    /** The name in {@code groupBy}, in responses and in CSV headers. */
    String apiName();
}
