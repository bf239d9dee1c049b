package org.psi.contribution.stats;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.stats.ProtectedTable;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.SnapshotTally;
import org.psi.common.stats.StatTable;
import org.psi.common.stats.Suppression;

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
        long started = System.nanoTime();
        stats.lock(ContributionStatisticsStore.CONTRIBUTIONS);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        YearMonth through = YearMonth.now(clock);
        long id = stats.createSnapshot(ContributionStatisticsStore.CONTRIBUTIONS, now, through, config.threshold());
        Suppression suppression = new Suppression(config.threshold(), config.auditLimit());
        SnapshotTally tally = new SnapshotTally();
        stats.firstMonth().filter(first -> !first.isAfter(through)).ifPresent(first ->
                stats.cube(first, through, (month, rows) -> {
                    StatTable.Builder table = StatTable.builder(ContributionLattice.DIMENSIONS,
                            ContributionLattice.AMOUNT, ContributionLattice.COUNTED_MONTHS);
                    rows.forEach(r -> table.put(r.key(), r.persons(), r.amountFen(), r.countedMonths()));
                    ProtectedTable protectedTable = suppression.protect(table.build());
                    stats.insertCells(id, month, protectedTable.cells());
                    if (!tally.add(protectedTable)) {
                        LOG.warnf("Contribution statistics of %s: a group of withheld cells exceeds the audit limit %d;"
                                + " only the line rule protects it", month, config.auditLimit());
                    }
                }));
        long took = (System.nanoTime() - started) / 1_000_000;
        stats.finishSnapshot(ContributionStatisticsStore.CONTRIBUTIONS, id, tally.cells(), tally.suppressed(), tally.fullyAudited(),
                took);
        return new Snapshot(id, now, through, config.threshold(), tally.cells(), tally.suppressed(), tally.fullyAudited(),
                took);
    }
}
