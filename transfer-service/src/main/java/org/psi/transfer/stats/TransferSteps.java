package org.psi.transfer.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.psi.common.stats.FieldDoc;
import org.psi.common.stats.StatCsv;
import org.psi.common.stats.StatFigure;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.stats.TransferCube.CellFigures;
import org.psi.transfer.stats.TransferCube.StepFigures;
import org.psi.transfer.stats.TransferStatisticsStore.CellRow;

/**
 * The figures of each step of the cases of a cell, as transfer statistics publish them: per step
 * (REVIEW, TRANSFER_OUT, TRANSFER_IN) the median working days and the share done within the deadline,
 * withheld with the cell or when too few steps are done.
 */
public final class TransferSteps {

    /** One step of the cases of a cell as published. */
    public record StepStat(Step step, BigDecimal medianDays, BigDecimal withinDeadlineShare, boolean withheld) {
    }

    /** The schema of a {@link StepStat} in the OpenAPI document. */
    static final String SCHEMA = "TransferStepFigures";

    static final FieldDoc DOC = FieldDoc.object("One step of the cases of a cell")
            .field("step", FieldDoc.ref("Step", "string").example("REVIEW"))
            .field("medianDays", FieldDoc.decimal().orNull().example(new BigDecimal("6.5"))
                    .described("Median working days taken; null when withheld or none done"))
            .field("withinDeadlineShare", FieldDoc.decimal().orNull().example(new BigDecimal("0.917"))
                    .described("Steps done by their due day / steps done with a deadline, 3 decimals; null when withheld or none had a deadline"))
            .field("withheld", FieldDoc.flag().example(false).described("true when the figures are withheld"));

    /** The steps of every cell and total, after its suppressed; in CSV two columns a step: median days and share. */
    static final StatFigure<CellRow> FIGURE = StatFigure.detail("steps",
            (cell, threshold) -> publish(cell.figures(), cell.suppressed(), threshold),
            List.of("reviewMedianDays", "reviewWithinDeadlineShare", "transferOutMedianDays", "transferOutWithinDeadlineShare",
                    "transferInMedianDays", "transferInWithinDeadlineShare"),
            (steps, suppressed) -> csv(steps), FieldDoc.listOf(SCHEMA, Step.values().length));

    private TransferSteps() {
    }

    /**
     * A cell's step figures as they may be published, in the order of {@link Step}: withheld (both null)
     * when the cell is withheld or when 1 to threshold - 1 steps are done, or 1 to threshold - 1 had a
     * deadline (a median or share of a few cases tells about those few); median null when none is done,
     * share null when none had a deadline.
     */
    public static List<StepStat> publish(CellFigures cell, boolean cellWithheld, int threshold) {
        List<StepStat> out = new ArrayList<>(TransferCube.STEPS.size());
        for (int i = 0; i < TransferCube.STEPS.size(); i++) {
            Step step = TransferCube.STEPS.get(i);
            StepFigures f = cell.steps().get(i);
            boolean few = f.done() > 0 && f.done() < threshold || f.withDeadline() > 0 && f.withDeadline() < threshold;
            if (cellWithheld || few) {
                out.add(new StepStat(step, null, null, true));
            } else {
                BigDecimal share = f.withDeadline() == 0 ? null : BigDecimal.valueOf(f.withinDeadline())
                        .divide(BigDecimal.valueOf(f.withDeadline()), 3, RoundingMode.HALF_UP);
                out.add(new StepStat(step, f.medianDays(), share, false));
            }
        }
        return out;
    }

    /** Per step its median days and share, {@code x} when withheld. */
    private static List<Object> csv(Object published) {
        List<Object> out = new ArrayList<>();
        for (Object o : (List<?>) published) {
            StepStat s = (StepStat) o;
            out.add(s.withheld() ? StatCsv.Marker.SUPPRESSED : s.medianDays());
            out.add(s.withheld() ? StatCsv.Marker.SUPPRESSED : s.withinDeadlineShare());
        }
        return out;
    }
}
