package org.psi.transfer.stats;

import java.util.List;
import org.psi.common.stats.Dimension;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.StatFigure;
import org.psi.common.stats.StatPublication;
import org.psi.common.stats.StatTable;
import org.psi.transfer.stats.TransferCube.CellFigures;
import org.psi.transfer.stats.TransferCube.StepFigures;
import org.psi.transfer.stats.TransferStatisticsStore.CellRow;

/**
 * The one table of transfer cases per month (the month a case was submitted, in the agency's time
 * zone) from which every statistics query is answered, so that all figures any caller can see for a
 * month are protected together (see {@link org.psi.common.stats.Suppression}).
 *
 * <p>Keys are (region, direction, scheme, status) with {@link StatTable#ALL} for "all". A case counts
 * OUT of its source region and IN to its destination region: with direction fixed, region is the
 * pooling region on that side (exclusive: one per case); with direction ALL, a case counts under both
 * its regions (once where they share a node, such as two cities of one province). Region is a
 * hierarchy: the country ({@code *}), a province with its cities ({@code NN}) and the 6-digit pooling
 * region ({@code NN0000} for PENSION, a city {@code NNNN00} for MEDICAL). The count of a cell is the
 * number of distinct workers with a case in it.
 */
public final class TransferLattice {

    public static final String ALL = StatTable.ALL;
    public static final String IN = "IN";
    public static final String OUT = "OUT";

    public static final List<Dimension> DIMENSIONS = List.of(
            Dimension.of("region").withHierarchy(RegionNodes::parent).overlappingUnlessFixed("direction"),
            Dimension.of("direction").overlapping(),
            Dimension.of("scheme"),
            Dimension.of("status"));

    static final String NOTE = "Transfer cases by the month they were submitted (Asia/Shanghai), with their status and"
            + " steps as of asOf: figures of recent months change as cases progress. A case counts OUT of its source"
            + " region and IN to its destination region (region: the pooling region on that side, a province for"
            + " PENSION, a city for MEDICAL); without direction in groupBy a region counts the cases in or out of it"
            + " once. transfers counts cases; cells are withheld by the number of distinct workers (a worker has at"
            + " most one open case per scheme, so the two differ only for a worker with a cancelled, refused or failed"
            + " case and a new one in the same month, or with cases of both schemes). A cell of 1 to threshold-1"
            + " workers, and any cell that would let one be worked out from the others (in this or any other query),"
            + " is withheld: transfers null, suppressed true, and its steps withheld too. Cells not listed count zero."
            + " Steps: REVIEW (accepted or refused by the destination), TRANSFER_OUT (released by the source),"
            + " TRANSFER_IN (completed); medianDays in working days from the day the step started to the day it was"
            + " done (the unit of its deadline); withinDeadlineShare = steps done by their due day / steps done that"
            + " had a deadline (null: none had one, e.g. a MEDICAL review). A step's figures are withheld when fewer"
            + " than threshold steps are done in the cell.";

    /** What GET /api/statistics/transfers publishes of the lattice: the cases of each cell and the figures of their steps. */
    public static final StatPublication<TransferStatDimension, CellRow> PUBLICATION = StatPublication
            .<TransferStatDimension, CellRow>of(TransferStatDimension.class, DIMENSIONS)
            .subject(TransferStatisticsStore.TRANSFERS)
            .path("/api/statistics/transfers")
            .schemas("Transfer", "TransferStatisticsRefresh")
            .about("transfer cases", "case")
            .examples("2026-03", List.of(TransferStatDimension.REGION, TransferStatDimension.DIRECTION),
                    List.of(TransferStatDimension.DIRECTION))
            .figure(StatFigure.count("transfers", c -> c.figures().cases(), "Cases; null when withheld", 127, 4210))
            .figure(TransferSteps.FIGURE)
            .schema(TransferSteps.SCHEMA, TransferSteps.DOC)
            .zero(month -> new CellRow(month, new CellFigures(List.of(), 0, 0, TransferCube.STEPS.stream()
                    .map(s -> new StepFigures(0, null, 0, 0)).toList()), false))
            .note(NOTE)
            .csvExample("month,direction,transfers,reviewMedianDays,reviewWithinDeadlineShare,"
                    + "transferOutMedianDays,transferOutWithinDeadlineShare,transferInMedianDays,transferInWithinDeadlineShare\r\n"
                    + "2026-03,IN,26,4.0,0.962,x,x,,\r\n2026-03,OUT,x,x,x,x,x,x,x\r\n2026-03,TOTAL,31,4.0,0.968,6.5,0.917,x,x\r\n")
            .build();

    private TransferLattice() {
    }
}
