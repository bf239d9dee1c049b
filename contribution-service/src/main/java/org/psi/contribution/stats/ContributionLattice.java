package org.psi.contribution.stats;

import java.util.ArrayList;
import java.util.List;
import org.psi.common.stats.Dimension;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.StatFigure;
import org.psi.common.stats.StatPublication;
import org.psi.common.stats.StatQuery;
import org.psi.common.stats.StatTable;
import org.psi.contribution.stats.ContributionStatisticsStore.CellRow;

/**
 * The one table of contributions per month from which every statistics query is answered, so that
 * all figures any caller can see for a month are protected together (see
 * {@link org.psi.common.stats.Suppression}): every grouping of region, scheme and payer, at every
 * level, over the whole country.
 *
 * <p>Keys are (region, scheme, payer) with {@link StatTable#ALL} for "all". Region is a hierarchy:
 * the country ({@code *}), a province with its cities ({@code NN}), and the region a month was
 * booked in ({@code NNNNNN}: a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL).
 * Payer is a hierarchy too: the payer kind ({@value #PLATFORM}, {@value #SELF}) and under
 * {@value #PLATFORM} each platform ({@code PLATFORM/<code>}). A worker counts once in every cell
 * whose values they have in that month: under one region per scheme, several schemes and several
 * payers. Each cell has the figures persons, {@code amountFen} and {@code countedMonths}; amounts
 * add up along every dimension.
 */
public final class ContributionLattice {

    public static final String ALL = StatTable.ALL;
    public static final String PLATFORM = "PLATFORM";
    public static final String SELF = "SELF";
    private static final String PLATFORM_PREFIX = PLATFORM + "/";

    /** The sums of every cell, in this order. */
    public static final String AMOUNT = "amountFen";
    public static final String COUNTED_MONTHS = "countedMonths";

    public static final List<Dimension> DIMENSIONS = List.of(
            Dimension.of("region").withHierarchy(RegionNodes::parent).overlappingUnlessFixed("scheme"),
            Dimension.of("scheme").overlapping(),
            Dimension.of("payer").withHierarchy(ContributionLattice::parentPayer).overlapping());

    static final String NOTE = "Contributions toward the months asked for (the month paid for, not the day it was paid),"
            + " net of reversals; transfers of funds between regions are not contributions and are left out."
            + " persons: distinct workers with a payment toward the month; amountFen: what was paid, in fen;"
            + " countedMonths: worker-months of PENSION and MEDICAL paid in full (what all payers paid reaches the"
            + " month's due, as on the worker's statement; occupational injury has no counted months)."
            + " A cell of 1 to threshold-1 workers, and any cell that would let one be worked out from the others"
            + " (in this or any other query), is withheld: all its figures null, suppressed true. Cells not listed"
            + " count zero. Region is the region the month was booked in, the pooling region of the enrollment that"
            + " covered it (PENSION and OCCUPATIONAL_INJURY pool in the province, MEDICAL in the city; a late"
            + " contribution stays in the region that covered the month). A worker counts under every scheme and"
            + " every payer of the month, and without scheme in groupBy under each scheme's region: persons and"
            + " countedMonths along multiValued dimensions add up to more than the total; amountFen always adds up."
            + " platform null with payerKind SELF is the workers' own payments.";

    /** What GET /api/statistics/contributions publishes of the lattice: persons, amount and counted months of each cell. */
    public static final StatPublication<StatDimension, CellRow> PUBLICATION = StatPublication
            .<StatDimension, CellRow>of(StatDimension.class, DIMENSIONS)
            .subject(ContributionStatisticsStore.CONTRIBUTIONS)
            .path("/api/statistics/contributions")
            .schemas("Contribution", "ContributionStatisticsRefresh")
            .about("contributions", "worker")
            .describe("asOf", "When these figures were computed; postings after it show at the next refresh")
            .describe("groupBy", "The grouping, as asked; platform brings payerKind with it")
            .describe("threshold", "The smallest count of persons published, apart from zero")
            .describe("additive", "Whether each month's persons and countedMonths add up to its total (amountFen always does)")
            .examples("2025-03", List.of(StatDimension.REGION, StatDimension.PAYER_KIND), List.of(StatDimension.PAYER_KIND))
            .figure(StatFigure.count("persons", CellRow::persons, "Distinct workers; null when withheld", 127, 4210))
            .figure(StatFigure.count(AMOUNT, CellRow::amountFen, "Paid, in fen, net of reversals; null when withheld",
                    25_400_000, 842_000_000))
            .figure(StatFigure.count(COUNTED_MONTHS, CellRow::countedMonths, "Worker-months paid in full; null when withheld",
                    120, 4100))
            .zero(month -> new CellRow(month, List.of(), 0, 0, 0, false))
            .prepare(ContributionLattice::withPayerKind)
            .timed()
            .note(NOTE)
            .csvExample("month,region,payerKind,persons,amountFen,countedMonths\r\n"
                    + "2025-03,530000,PLATFORM,14,2800000,12\r\n2025-03,530000,SELF,11,1100000,9\r\n"
                    + "2025-03,530100,PLATFORM,x,x,x\r\n2025-03,530100,SELF,x,x,x\r\n2025-03,TOTAL,TOTAL,31,4900000,27\r\n")
            .build();

    private ContributionLattice() {
    }

    private static String parentPayer(String node) {
        return node.startsWith(PLATFORM_PREFIX) ? PLATFORM : ALL;
    }

    /** The payer node of one platform. */
    public static String platformNode(String code) {
        return PLATFORM_PREFIX + code;
    }

    /** The platform code of a payer node, or null for a payer kind (or the workers' own payments). */
    public static String platformOf(String payer) {
        return payer.startsWith(PLATFORM_PREFIX) ? payer.substring(PLATFORM_PREFIX.length()) : null;
    }

    /** The payer kind of a payer node ({@value #PLATFORM} or {@value #SELF}), or null for all payers. */
    public static String kindOf(String payer) {
        if (ALL.equals(payer)) {
            return null;
        }
        return payer.startsWith(PLATFORM) ? PLATFORM : SELF;
    }

    /**
     * A payer is one hierarchy (all payers, PLATFORM or SELF, each platform), so grouping by platform
     * groups by payer kind too: {@code payerKind} is added right after {@code platform} when not asked
     * for, and the workers' own payments show as the payer kind SELF with no platform.
     */
    public static StatQuery<StatDimension> withPayerKind(StatQuery<StatDimension> q) {
        if (!q.groups(StatDimension.PLATFORM) || q.groups(StatDimension.PAYER_KIND)) {
            return q;
        }
        List<StatDimension> dims = new ArrayList<>(q.groupBy());
        dims.add(dims.indexOf(StatDimension.PLATFORM) + 1, StatDimension.PAYER_KIND);
        return q.withGroupBy(dims);
    }
}
