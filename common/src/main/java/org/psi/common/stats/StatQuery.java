package org.psi.common.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;

/**
 * A statistics request of any service, validated: months {@code from} to {@code to} (one month or a
 * range), the region scope (a node of {@link RegionNodes}) and the dimensions to group by, in the
 * caller's order.
 *
 * @param <D> the service's enum of dimensions
 */
public record StatQuery<D extends Enum<D> & GroupingDimension>(YearMonth from, YearMonth to, String scope, List<D> groupBy) {

    public boolean groups(D d) {
        return groupBy.contains(d);
    }

    /** Whether the query groups by the dimension of this name in {@code groupBy} (e.g. {@code region}). */
    public boolean groupsBy(String apiName) {
        return groupBy.stream().anyMatch(d -> d.apiName().equals(apiName));
    }

    /** The months of the query, in order. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /**
     * The grouped dimensions under which one person may count more than once, in {@code groupBy} order:
     * those showing an overlapping dimension of the {@code lattice}, unless the query also groups by the
     * dimension whose fixing makes it exclusive (see {@link Dimension#overlappingUnlessFixed}). The
     * cells of a month add up to its total when there is none.
     */
    public List<D> multiValued(List<Dimension> lattice) {
        List<D> multi = new ArrayList<>();
        for (D d : groupBy) {
            Dimension shown = lattice.stream().filter(l -> l.name().equals(d.latticeDimension())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The lattice has no dimension " + d.latticeDimension()));
            String fixing = shown.exclusiveWhenFixed();
            boolean fixed = fixing != null && groupBy.stream().anyMatch(g -> g.latticeDimension().equals(fixing));
            if (shown.isOverlapping() && !fixed) {
                multi.add(d);
            }
        }
        return multi;
    }

    /** The same query grouped by these dimensions instead. */
    public StatQuery<D> withGroupBy(List<D> dims) {
        return new StatQuery<>(from, to, scope, List.copyOf(dims));
    }

    /**
     * Parses {@code month}, or {@code from} and {@code to}, and {@code groupBy} (comma-separated names
     * of {@code dimensions}, possibly repeated). Months after {@code thisMonth} are refused, and so are
     * ranges longer than {@code maxMonths}. Every refusal is an {@link InvalidValueException} (400).
     */
    public static <D extends Enum<D> & GroupingDimension> StatQuery<D> parse(Class<D> dimensions, String month, String from,
            String to, List<String> groupBy, String scope, YearMonth thisMonth, int maxMonths) {
        YearMonth first;
        YearMonth last;
        if (month != null) {
            if (from != null || to != null) {
                throw new InvalidValueException("month", "CONFLICTING_PARAMETERS", "common.stats.month-or-range");
            }
            first = Periods.month(month, "month");
            last = first;
        } else if (from != null || to != null) {
            if (from == null) {
                throw new InvalidValueException("from", "REQUIRED", "common.stats.range-needs-both");
            }
            if (to == null) {
                throw new InvalidValueException("to", "REQUIRED", "common.stats.range-needs-both");
            }
            first = Periods.month(from, "from");
            last = Periods.month(to, "to");
            if (last.isBefore(first)) {
                throw new InvalidValueException("to", "OUT_OF_RANGE", "common.stats.to-before-from");
            }
        } else {
            throw new InvalidValueException("month", "REQUIRED", "common.stats.month-required");
        }
        if (last.isAfter(thisMonth)) {
            throw new InvalidValueException(month != null ? "month" : "to", "FUTURE_PERIOD",
                    "common.stats.future", thisMonth);
        }
        if (!first.plusMonths(maxMonths).isAfter(last)) {
            throw new InvalidValueException("to", "OUT_OF_RANGE", "common.stats.max-months", maxMonths);
        }
        List<D> dims = new ArrayList<>();
        EnumSet<D> seen = EnumSet.noneOf(dimensions);
        if (groupBy != null) {
            for (String param : groupBy) {
                for (String raw : param.split(",", -1)) {
                    D d = dimension(dimensions, raw.strip());
                    if (!seen.add(d)) {
                        throw new InvalidValueException("groupBy", "DUPLICATE_DIMENSION", "common.stats.dimension-twice", raw.strip());
                    }
                    dims.add(d);
                }
            }
        }
        StatQuery<D> q = new StatQuery<>(first, last, scope, List.copyOf(dims));
        boolean province = q.groupsBy(GroupingDimension.PROVINCE);
        if (q.groupsBy(GroupingDimension.REGION) && province) {
            throw new InvalidValueException("groupBy", "CONFLICTING_DIMENSIONS",
                    "common.stats.region-and-province");
        }
        if (province && scope.length() == 6) {
            throw new InvalidValueException("groupBy", "CONFLICTING_DIMENSIONS",
                    "common.stats.city-by-province");
        }
        return q;
    }

    private static <D extends Enum<D> & GroupingDimension> D dimension(Class<D> dimensions, String raw) {
        D[] all = dimensions.getEnumConstants();
        return Arrays.stream(all).filter(d -> d.apiName().equals(raw)).findFirst()
                .orElseThrow(() -> new InvalidValueException("groupBy", "UNKNOWN_DIMENSION", "common.stats.unknown-dimension",
                        Arrays.stream(all).map(GroupingDimension::apiName).collect(Collectors.joining(", ")), raw));
    }
}
