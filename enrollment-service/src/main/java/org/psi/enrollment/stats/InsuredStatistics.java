package org.psi.enrollment.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.domain.RegionCode;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.StatQuery;
import org.psi.common.stats.Suppression;
import org.psi.enrollment.platform.PlatformActivity;
import org.psi.enrollment.platform.PlatformActivityStore;
import org.psi.enrollment.stats.InsuredStatisticsStore.CellRow;

/**
 * Answers statistics queries from the latest snapshot only (see {@link StatisticsRefresh}): every
 * figure is a cell of that month's protected lattice, whatever the grouping or region scope.
 */
@ApplicationScoped
public class InsuredStatistics {

    private final InsuredStatisticsStore stats;
    private final StatisticsRefresh refresh;
    private final PlatformActivityStore activity;
    private final StatisticsConfig config;

    public InsuredStatistics(InsuredStatisticsStore stats, StatisticsRefresh refresh, PlatformActivityStore activity,
                             StatisticsConfig config) {
        this.stats = stats;
        this.refresh = refresh;
        this.activity = activity;
        this.config = config;
    }

    /** The cells and the per-month totals of a query, and the snapshot they come from. */
    public record Result(Snapshot snapshot, StatQuery<StatDimension> query, List<CellRow> cells, List<CellRow> totals) {
    }

    /** One row of coverage: a platform's reported active workers against the insured workers it has consents of. */
    public record CoverageRow(YearMonth month, String platformCode, String region, int activeWorkers,
                              boolean activeSuppressed, Integer insuredWorkers, boolean insuredSuppressed) {
    }

    public record Coverage(Snapshot snapshot, List<CoverageRow> rows) {
    }

    public Result insured(StatQuery<StatDimension> q) {
        Snapshot s = snapshot();
        return new Result(s, q, stats.cells(s.id(), q), stats.totals(s.id(), q));
    }

    /**
     * Coverage for the reports in scope: active workers as reported (withheld when 1 to
     * threshold - 1, like any count of persons) against insured workers with an active consent of
     * the platform in the report's region (a cell of the protected lattice).
     */
    public Coverage coverage(YearMonth from, YearMonth to, String scope) {
        Snapshot s = snapshot();
        Map<List<Object>, CellRow> insured = new HashMap<>();
        for (CellRow c : stats.insuredByPlatform(s.id(), from, to)) {
            insured.put(List.of(c.month(), c.key().get(0), c.key().get(2)), c);
        }
        Suppression primary = new Suppression(config.threshold());
        String prefix = InsuredLattice.ALL.equals(scope) ? "" : scope;
        List<CoverageRow> rows = new ArrayList<>();
        for (PlatformActivity a : activity.inRange(from, to, prefix)) {
            String node = RegionNodes.node(new RegionCode(a.region()));
            CellRow cell = insured.get(List.of(a.month(), node, a.platformCode()));
            Integer persons = a.month().isAfter(s.throughMonth()) ? null : cell == null ? 0 : cell.persons();
            rows.add(new CoverageRow(a.month(), a.platformCode(), a.region(), a.activeWorkers(),
                    primary.isPrimary(a.activeWorkers()), persons, cell != null && cell.suppressed()));
        }
        return new Coverage(s, rows);
    }

    /** The latest snapshot; the very first query of a new installation computes one. */
    private Snapshot snapshot() {
        return stats.latest(InsuredStatisticsStore.INSURED).orElseGet(refresh::refresh);
    }
}
