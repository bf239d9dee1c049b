package org.psi.contribution.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.RegionCode;

/**
 * A statistics request, validated: months {@code from} to {@code to} (one month or a range), the
 * region scope (a lattice node: {@code *} for the country, {@code NN} for a province with its
 * cities, {@code NNNN00} for a city) and the dimensions to group by, in the caller's order. Grouping
 * by platform groups by payer kind too (a platform is a payer of kind PLATFORM; the workers' own
 * payments are the one payer of kind SELF), so {@code payerKind} is added right after
 * {@code platform} when not asked for.
 */
public record StatisticsQuery(YearMonth from, YearMonth to, String scope, List<StatDimension> groupBy) {

    public boolean groups(StatDimension d) {
        return groupBy.contains(d);
    }

    /** The months of the query, in order. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The scope node for a region filter, or the whole country for none. */
    public static String scopeOf(RegionCode region) {
        if (region == null) {
            return ContributionLattice.ALL;
        }
        if (region.level() == RegionCode.Level.COUNTY) {
            throw new InvalidValueException("region", "NOT_A_STATISTICS_REGION",
                    "Statistics are kept by province (NN0000) and prefecture-level city (NNNN00), not by county");
        }
        return ContributionLattice.node(region);
    }

    /**
     * Parses {@code month}, or {@code from} and {@code to}, and {@code groupBy} (comma-separated names,
     * possibly repeated). Months after {@code thisMonth} are refused, and so are ranges longer than
     * {@code maxMonths}.
     */
    public static StatisticsQuery parse(String month, String from, String to, List<String> groupBy, String scope,
                                        YearMonth thisMonth, int maxMonths) {
        YearMonth first;
        YearMonth last;
        if (month != null) {
            if (from != null || to != null) {
                throw new InvalidValueException("month", "CONFLICTING_PARAMETERS", "Give either month, or from and to");
            }
            first = Periods.month(month, "month");
            last = first;
        } else if (from != null || to != null) {
            if (from == null) {
                throw new InvalidValueException("from", "REQUIRED", "A range needs from and to");
            }
            if (to == null) {
                throw new InvalidValueException("to", "REQUIRED", "A range needs from and to");
            }
            first = Periods.month(from, "from");
            last = Periods.month(to, "to");
            if (last.isBefore(first)) {
                throw new InvalidValueException("to", "OUT_OF_RANGE", "to is not before from");
            }
        } else {
            throw new InvalidValueException("month", "REQUIRED", "Give a month (YYYY-MM), or from and to");
        }
        if (last.isAfter(thisMonth)) {
            throw new InvalidValueException(month != null ? "month" : "to", "FUTURE_PERIOD",
                    "Statistics exist up to this month, " + thisMonth);
        }
        if (!first.plusMonths(maxMonths).isAfter(last)) {
            throw new InvalidValueException("to", "OUT_OF_RANGE", "A query spans at most " + maxMonths + " months");
        }
        List<StatDimension> dims = new ArrayList<>();
        EnumSet<StatDimension> seen = EnumSet.noneOf(StatDimension.class);
        if (groupBy != null) {
            for (String param : groupBy) {
                for (String raw : param.split(",", -1)) {
                    StatDimension d = StatDimension.parse(raw.strip());
                    if (!seen.add(d)) {
                        throw new InvalidValueException("groupBy", "DUPLICATE_DIMENSION", raw.strip() + " is given twice");
                    }
                    dims.add(d);
                }
            }
        }
        if (seen.contains(StatDimension.REGION) && seen.contains(StatDimension.PROVINCE)) {
            throw new InvalidValueException("groupBy", "CONFLICTING_DIMENSIONS",
                    "Group by region or by province, not both: a region lies in one province");
        }
        if (seen.contains(StatDimension.PROVINCE) && scope.length() == 6) {
            throw new InvalidValueException("groupBy", "CONFLICTING_DIMENSIONS",
                    "A city lies in one province: group a city's figures by region, not province");
        }
        if (seen.contains(StatDimension.PLATFORM) && !seen.contains(StatDimension.PAYER_KIND)) {
            dims.add(dims.indexOf(StatDimension.PLATFORM) + 1, StatDimension.PAYER_KIND);
        }
        return new StatisticsQuery(first, last, scope, List.copyOf(dims));
    }
}
