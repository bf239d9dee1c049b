package org.psi.enrollment.stats;

import static org.psi.enrollment.stats.StatDimension.PLATFORM;
import static org.psi.enrollment.stats.StatDimension.REGION;
import static org.psi.enrollment.stats.StatDimension.SEX;

import java.util.List;
import org.psi.common.stats.Dimension;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.StatFigure;
import org.psi.common.stats.StatPublication;
import org.psi.common.stats.StatTable;
import org.psi.enrollment.stats.InsuredStatisticsStore.CellRow;

/**
 * The one table of insured workers per month from which every statistics query is answered, so that
 * all figures any caller can see for a month are protected together (see
 * {@link org.psi.common.stats.Suppression}): every grouping of region, scheme, platform, sex and
 * age band, at every level, over the whole country.
 *
 * <p>Keys are (region, scheme, platform, sex, ageBand) with {@link StatTable#ALL} for "all". Region
 * is a hierarchy: the country ({@code *}), a province with its cities ({@code NN}, the first two
 * digits), and the pooling region of an enrollment ({@code NNNNNN}: a province for PENSION and
 * OCCUPATIONAL_INJURY, a city for MEDICAL). A worker counts once in every cell whose values they
 * have in that month; under several regions (one per scheme), schemes and platforms each.
 */
public final class InsuredLattice {

    public static final String ALL = StatTable.ALL;

    /** A worker has one pooling region per scheme (so region adds up once the scheme is fixed), several schemes, several platforms. */
    public static final List<Dimension> DIMENSIONS = List.of(
            Dimension.of("region").withHierarchy(RegionNodes::parent).overlappingUnlessFixed("scheme"),
            Dimension.of("scheme").overlapping(),
            Dimension.of("platform").overlapping(),
            Dimension.of("sex"),
            Dimension.of("ageBand"));

    static final String NOTE = "Counts of distinct insured workers (covered by an enrollment in the month)."
            + " A cell counting 1 to threshold-1 workers, and any cell that would let one be worked out from the"
            + " others (in this or any other query), is withheld: persons null, suppressed true. Cells not listed"
            + " count zero. A worker counts under every platform they had an active consent with during the month"
            + " and every scheme they were covered by, and, without scheme in groupBy, under each scheme's pooling"
            + " region: cells along multiValued dimensions add up to more than the total. Region is the pooling"
            + " region of the enrollment: PENSION and OCCUPATIONAL_INJURY pool in the province, MEDICAL in the city,"
            + " so a city's figures are its MEDICAL enrollments. Ages are on the last day of the month.";

    /** What GET /api/statistics/enrollments publishes of the lattice: the insured workers of each cell. */
    public static final StatPublication<StatDimension, CellRow> PUBLICATION = StatPublication
            .<StatDimension, CellRow>of(StatDimension.class, DIMENSIONS)
            .subject(InsuredStatisticsStore.INSURED)
            .path("/api/statistics/enrollments")
            .schemas("InsuredWorker", "StatisticsRefresh")
            .about("insured workers", "worker")
            .examples("2025-03", List.of(REGION, SEX), List.of(PLATFORM))
            .figure(StatFigure.count("persons", CellRow::persons, "null when withheld", 127, 4210))
            .zero(month -> new CellRow(month, List.of(), 0, false))
            .note(NOTE)
            .csvExample("month,region,sex,persons\r\n2025-03,530000,FEMALE,14\r\n2025-03,530000,MALE,12\r\n"
                    + "2025-03,530100,FEMALE,x\r\n2025-03,530100,MALE,x\r\n2025-03,TOTAL,TOTAL,26\r\n")
            .build();

    private InsuredLattice() {
    }
}
