package org.psi.transfer.stats;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.stats.ProtectedTable;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.SnapshotRun;
import org.psi.common.stats.StatTable;
import org.psi.transfer.calendar.CalendarService;
import org.psi.transfer.calendar.WorkingCalendar;
import org.psi.transfer.stats.TransferCube.CaseFact;
import org.psi.transfer.stats.TransferCube.CellFigures;
import org.psi.transfer.stats.TransferCube.StepDone;
import org.psi.transfer.stats.TransferStatisticsStore.CaseRow;
import org.psi.transfer.stats.TransferStatisticsStore.CellRow;
import org.psi.transfer.stats.TransferStatisticsStore.StepDates;

/**
 * Recomputes the transfer statistics on a schedule ({@code psi.statistics.refresh-every}) or on
 * request: one read of the cases, month by month of submission, into a new snapshot of the
 * {@link TransferLattice} of every month, each month protected as one table. Queries read only
 * snapshots, never the cases.
 *
 * <p>Days of a step are working days (the unit of its deadline), counted as
 * {@link WorkingCalendar#workingDaysBetween}: after the day it started, up to and including the day
 * it was done. Within deadline means done on or before its due day, as the case shows it.
 */
@ApplicationScoped
public class TransferStatisticsRefresh {

    private static final Logger LOG = Logger.getLogger(TransferStatisticsRefresh.class);

    private final TransferStatisticsStore stats;
    private final CalendarService calendars;
    private final StatisticsConfig config;
    private final Clock clock;

    public TransferStatisticsRefresh(TransferStatisticsStore stats, CalendarService calendars,
                                     StatisticsConfig config, Clock clock) {
        this.stats = stats;
        this.calendars = calendars;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "transfer-statistics-refresh", every = "${psi.statistics.refresh-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Snapshot s = refresh();
        LOG.infof("Transfer statistics refreshed: %d cells through %s, %d withheld", s.cells(), s.throughMonth(),
                s.suppressed());
    }

    /** Computes a new snapshot and returns it; refreshes run one at a time. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Snapshot refresh() {
        SnapshotRun run = SnapshotRun.start(stats.snapshots(), TransferStatisticsStore.TRANSFERS, config, clock);
        WorkingCalendar calendar = calendars.calendar();
        Map<List<LocalDate>, Integer> workingDays = new HashMap<>();
        stats.cases(clock.getZone().getId(), (month, rows) -> {
            if (month.isAfter(run.through())) {
                return;
            }
            List<CaseFact> facts = new ArrayList<>(rows.size());
            for (CaseRow r : rows) {
                facts.add(new CaseFact(month, r.workerId(), r.fromRegion(), r.toRegion(), r.scheme(), r.status(),
                        done(r.review(), calendar, workingDays), done(r.transferOut(), calendar, workingDays),
                        done(r.transferIn(), calendar, workingDays)));
            }
            List<CellFigures> cells = TransferCube.of(facts);
            StatTable.Builder table = StatTable.builder(TransferLattice.DIMENSIONS);
            cells.forEach(c -> table.put(c.key(), c.persons()));
            ProtectedTable protectedTable = run.protect(month, table.build());
            stats.insertCells(run.id(), month,
                    cells.stream().map(c -> new CellRow(month, c, protectedTable.isSuppressed(c.key()))).toList());
        });
        return run.finish();
    }

    private static StepDone done(StepDates step, WorkingCalendar calendar, Map<List<LocalDate>, Integer> memo) {
        if (step == null) {
            return null;
        }
        int days = memo.computeIfAbsent(List.of(step.startedOn(), step.doneOn()),
                k -> calendar.workingDaysBetween(k.get(0), k.get(1)));
        Boolean within = step.dueOn() == null ? null : !step.doneOn().isAfter(step.dueOn());
        return new StepDone(days, within);
    }
}
