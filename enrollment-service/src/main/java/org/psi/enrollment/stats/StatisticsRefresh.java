package org.psi.enrollment.stats;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.stats.ProtectedTable;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.SnapshotTally;
import org.psi.common.stats.StatTable;
import org.psi.common.stats.Suppression;
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
        stats.lock(InsuredStatisticsStore.INSURED);
        catchUpCoveredPeriods();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        YearMonth through = YearMonth.now(clock);
        long id = stats.createSnapshot(InsuredStatisticsStore.INSURED, now, through, config.threshold());
        Suppression suppression = new Suppression(config.threshold(), config.auditLimit());
        SnapshotTally tally = new SnapshotTally();
        stats.firstCoveredMonth().filter(first -> !first.isAfter(through)).ifPresent(first ->
                stats.cube(first, through, clock.getZone().getId(), (month, rows) -> {
                    StatTable.Builder table = StatTable.builder(InsuredLattice.DIMENSIONS);
                    rows.forEach(r -> table.put(r.key(), r.persons()));
                    ProtectedTable protectedTable = suppression.protect(table.build());
                    stats.insertCells(id, month, protectedTable.cells());
                    if (!tally.add(protectedTable)) {
                        LOG.warnf("Statistics of %s: a group of withheld cells exceeds the audit limit %d;"
                                + " only the line rule protects it", month, config.auditLimit());
                    }
                }));
        stats.finishSnapshot(InsuredStatisticsStore.INSURED, id, tally.cells(), tally.suppressed(), tally.fullyAudited());
        return new Snapshot(id, now, through, config.threshold(), tally.cells(), tally.suppressed(), tally.fullyAudited());
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
