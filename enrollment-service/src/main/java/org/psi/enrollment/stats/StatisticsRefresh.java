package org.psi.enrollment.stats;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.SnapshotRun;
import org.psi.common.stats.StatTable;
import org.psi.enrollment.enrollment.CoveredPeriodStore;
import org.psi.enrollment.enrollment.EnrollmentRepository;
import org.psi.enrollment.enrollment.EnrollmentTimeline;

/**
 * Recomputes the statistics on a schedule ({@code psi.statistics.refresh-every}) or on request: a new
 * snapshot of the insured-worker lattice for every month from the first covered month to this one,
 * each month protected as one table. Queries read only snapshots, never the base tables.
 */
@ApplicationScoped
public class StatisticsRefresh {

    private static final Logger LOG = Logger.getLogger(StatisticsRefresh.class);

    private final InsuredStatisticsStore stats;
    private final CoveredPeriodStore coveredPeriods;
    private final EnrollmentRepository enrollments;
    private final StatisticsConfig config;
    private final Clock clock;

    public StatisticsRefresh(InsuredStatisticsStore stats, CoveredPeriodStore coveredPeriods,
                             EnrollmentRepository enrollments, StatisticsConfig config, Clock clock) {
        this.stats = stats;
        this.coveredPeriods = coveredPeriods;
        this.enrollments = enrollments;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "statistics-refresh", every = "${psi.statistics.refresh-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Snapshot s = refresh();
        LOG.infof("Statistics refreshed: %d cells through %s, %d withheld", s.cells(), s.throughMonth(), s.suppressed());
    }

    /** Computes a new snapshot and returns it; refreshes run one at a time. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Snapshot refresh() {
        SnapshotRun run = SnapshotRun.start(stats.snapshots(), InsuredStatisticsStore.INSURED, config, clock,
                this::catchUpCoveredPeriods);
        stats.firstCoveredMonth().filter(first -> !first.isAfter(run.through())).ifPresent(first ->
                stats.cube(first, run.through(), clock.getZone().getId(), (month, rows) -> {
                    StatTable.Builder table = StatTable.builder(InsuredLattice.DIMENSIONS);
                    rows.forEach(r -> table.put(r.key(), r.persons()));
                    stats.insertCells(run.id(), month, run.protect(month, table.build()).cells());
                }));
        return run.finish();
    }

    /** Writes the covered periods of enrollments made before they were kept (none once caught up). */
    private void catchUpCoveredPeriods() {
        Instant now = Instant.now(clock);
        List<UUID> ids;
        while (!(ids = coveredPeriods.notWritten(500)).isEmpty()) {
            for (EnrollmentTimeline t : enrollments.timelines(enrollments.list("id in ?1", ids))) {
                coveredPeriods.replace(t, now);
            }
        }
    }
}
