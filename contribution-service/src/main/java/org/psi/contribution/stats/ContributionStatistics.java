package org.psi.contribution.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.StatQuery;
import org.psi.contribution.stats.ContributionStatisticsStore.CellRow;

/**
 * Answers contribution statistics queries from the latest snapshot only (see
 * {@link StatisticsRefresh}): every figure is a cell of that month's protected lattice, whatever the
 * grouping or region scope, so no two answers can be combined into a withheld figure.
 */
@ApplicationScoped
public class ContributionStatistics {

    private final ContributionStatisticsStore stats;
    private final StatisticsRefresh refresh;

    public ContributionStatistics(ContributionStatisticsStore stats, StatisticsRefresh refresh) {
        this.stats = stats;
        this.refresh = refresh;
    }

    /** The cells and the per-month totals of a query, and the snapshot they come from. */
    public record Result(Snapshot snapshot, StatQuery<StatDimension> query, List<CellRow> cells, List<CellRow> totals) {
    }

    /** The figures of a query; grouping by platform groups by payer kind too (see {@link ContributionLattice#withPayerKind}). */
    public Result contributions(StatQuery<StatDimension> asked) {
        StatQuery<StatDimension> q = ContributionLattice.withPayerKind(asked);
        Snapshot s = stats.latest(ContributionStatisticsStore.CONTRIBUTIONS).orElseGet(refresh::refresh);
        return new Result(s, q, stats.cells(s.id(), q), stats.totals(s.id(), q));
    }
}
