package org.psi.contribution.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psi.common.stats.StatQuery;
import org.psi.common.stats.StatTable;

/** The contribution lattice: regions and payers nest, and grouping by platform brings the payer kind. */
class ContributionLatticeTest {

    private static List<StatDimension> grouped(String groupBy) {
        StatQuery<StatDimension> q = StatQuery.parse(StatDimension.class, "2025-03", null, null, List.of(groupBy), "*",
                YearMonth.of(2026, 5), 36);
        return ContributionLattice.withPayerKind(q).groupBy();
    }

    @Test
    void platformBringsPayerKindWithIt() {
        assertEquals(List.of(StatDimension.REGION, StatDimension.PLATFORM, StatDimension.PAYER_KIND, StatDimension.SCHEME),
                grouped("region,platform,scheme"));
        assertEquals(List.of(StatDimension.PAYER_KIND, StatDimension.PLATFORM), grouped("payerKind,platform"));
        assertEquals(List.of(StatDimension.SCHEME), grouped("scheme"));
    }

    @Test
    void theLatticeNestsRegionsAndPayers() {
        assertEquals("53", ContributionLattice.DIMENSIONS.get(0).parentOf("530000"));
        assertEquals(StatTable.ALL, ContributionLattice.DIMENSIONS.get(0).parentOf("53"));
        String x = ContributionLattice.platformNode("SELF");
        assertEquals(ContributionLattice.PLATFORM, ContributionLattice.DIMENSIONS.get(2).parentOf(x));
        assertEquals("SELF", ContributionLattice.platformOf(x), "a platform may even be called SELF");
        assertEquals(ContributionLattice.PLATFORM, ContributionLattice.kindOf(x));
        assertEquals(StatTable.ALL, ContributionLattice.DIMENSIONS.get(2).parentOf(ContributionLattice.SELF));
        assertEquals(ContributionLattice.SELF, ContributionLattice.kindOf(ContributionLattice.SELF));
        assertEquals(null, ContributionLattice.platformOf(ContributionLattice.SELF));
    }
}
