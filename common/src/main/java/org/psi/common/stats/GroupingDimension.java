package org.psi.common.stats;

/**
 * A dimension a statistics query may group by, implemented by each service's enum of them: the
 * service's declaration of what its answers can be grouped by. The names {@code region} and
 * {@code province} have the meaning of {@link RegionNodes}: a query groups by one of them, not both;
 * both show the lattice's {@code region}, province as the code of a province ({@code NN0000}).
 *
 * <p>An enum constant may carry its OpenAPI description as a MicroProfile {@code @Schema} annotation
 * (example, description, enumeration): it documents the constant's field in the answer's cells (see
 * {@link StatPublication}).
 */
public interface GroupingDimension {

    String REGION = "region";
    String PROVINCE = "province";

    /** The enum constant's name, e.g. {@code AGE_BAND}. */
    String name();

    /**
     * The name in {@code groupBy}, in responses and in CSV headers: the constant's name in lower camel
     * case ({@code AGE_BAND}: {@code ageBand}).
     */
    default String apiName() {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return out.toString();
    }

    /** The name of the lattice {@link Dimension} whose values this grouping shows: its own name, {@code region} for province. */
    default String latticeDimension() {
        return PROVINCE.equals(apiName()) ? REGION : apiName();
    }

    /**
     * A value of the lattice dimension as an answer shows it: as it is, a province node ({@code NN}) as
     * its code ({@code NN0000}). Null leaves the field out of the cell.
     */
    default String shown(String node) {
        return PROVINCE.equals(apiName()) ? RegionNodes.code(node) : node;
    }
}
