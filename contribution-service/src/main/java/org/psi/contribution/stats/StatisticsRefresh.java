package org.psi.contribution.stats;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.SnapshotRun;
import org.psi.common.stats.StatTable;

/**
 * Recomputes the contribution statistics on a schedule ({@code psi.statistics.refresh-every}) or on
 * request: one set-based aggregation of the ledger into a new snapshot of the contribution lattice
 * for every month from the first month paid for to this one, each month protected as one table.
 * Queries read only snapshots, never the ledger.
 */
@ApplicationScoped
public class StatisticsRefresh {

    private static final Logger LOG = Logger.getLogger(StatisticsRefresh.class);

    private final ContributionStatisticsStore stats;
    private final StatisticsConfig config;
    private final Clock clock;

    public StatisticsRefresh(ContributionStatisticsStore stats, StatisticsConfig config, Clock clock) {
        this.stats = stats;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "contribution-statistics-refresh", every = "${psi.statistics.refresh-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Snapshot s = refresh();
        LOG.infof("Contribution statistics refreshed in %d ms: %d cells through %s, %d withheld", s.tookMillis(),
                s.cells(), s.throughMonth(), s.suppressed());
    }

    /** Computes a new snapshot and returns it; refreshes run one at a time. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Snapshot refresh() {
        SnapshotRun run = SnapshotRun.start(stats.snapshots(), ContributionStatisticsStore.CONTRIBUTIONS, config, clock);
        stats.firstMonth().filter(first -> !first.isAfter(run.through())).ifPresent(first ->
                stats.cube(first, run.through(), (month, rows) -> {
                    StatTable.Builder table = StatTable.builder(ContributionLattice.DIMENSIONS,
                            ContributionLattice.AMOUNT, ContributionLattice.COUNTED_MONTHS);
                    rows.forEach(r -> table.put(r.key(), r.persons(), r.amountFen(), r.countedMonths()));
                    stats.insertCells(run.id(), month, run.protect(month, table.build()).cells());
                }));
        return run.finish();
    }
}
