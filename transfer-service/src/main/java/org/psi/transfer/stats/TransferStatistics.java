package org.psi.transfer.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.StatQuery;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.stats.TransferCube.CellFigures;
import org.psi.transfer.stats.TransferCube.StepFigures;
import org.psi.transfer.stats.TransferStatisticsStore.CellRow;

/**
 * Answers transfer statistics queries from the latest snapshot only (see
 * {@link TransferStatisticsRefresh}): every figure is a cell of that month's protected lattice,
 * whatever the grouping or region scope.
 */
@ApplicationScoped
public class TransferStatistics {

    private final TransferStatisticsStore stats;
    private final TransferStatisticsRefresh refresh;

    public TransferStatistics(TransferStatisticsStore stats, TransferStatisticsRefresh refresh) {
        this.stats = stats;
        this.refresh = refresh;
    }

    /** The cells and the per-month totals of a query, and the snapshot they come from. */
    public record Result(Snapshot snapshot, StatQuery<TransferStatDimension> query, List<CellRow> cells, List<CellRow> totals) {
    }

    /**
     * A step's figures as they may be published: withheld (both null) when the cell is withheld or when
     * 1 to threshold - 1 steps are done, or 1 to threshold - 1 had a deadline (a median or share of a few
     * cases tells about those few); median null when none is done, share null when none had a deadline.
     */
    public record PublishedStep(Step step, BigDecimal medianDays, BigDecimal withinDeadlineShare, boolean withheld) {
    }

    /** The step figures of a stored cell as they may be published, in the order of {@link Step}. */
    public static List<PublishedStep> publish(CellFigures cell, boolean cellWithheld, int threshold) {
        List<PublishedStep> out = new ArrayList<>(TransferCube.STEPS.size());
        for (int i = 0; i < TransferCube.STEPS.size(); i++) {
            Step step = TransferCube.STEPS.get(i);
            StepFigures f = cell.steps().get(i);
            boolean few = f.done() > 0 && f.done() < threshold || f.withDeadline() > 0 && f.withDeadline() < threshold;
            if (cellWithheld || few) {
                out.add(new PublishedStep(step, null, null, true));
            } else {
                BigDecimal share = f.withDeadline() == 0 ? null : BigDecimal.valueOf(f.withinDeadline())
                        .divide(BigDecimal.valueOf(f.withDeadline()), 3, RoundingMode.HALF_UP);
                out.add(new PublishedStep(step, f.medianDays(), share, false));
            }
        }
        return out;
    }

    public Result transfers(StatQuery<TransferStatDimension> q) {
        Snapshot s = snapshot();
        return new Result(s, q, stats.cells(s.id(), q), stats.totals(s.id(), q));
    }

    /** The latest snapshot; the very first query of a new installation computes one. */
    private Snapshot snapshot() {
        return stats.latest(TransferStatisticsStore.TRANSFERS).orElseGet(refresh::refresh);
    }
}
