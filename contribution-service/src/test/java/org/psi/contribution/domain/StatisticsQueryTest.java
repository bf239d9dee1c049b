package org.psi.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.RegionCode;
import org.psi.common.stats.StatTable;

/** Parsing statistics requests, and the contribution lattice's hierarchies. */
class StatisticsQueryTest {

    private static final YearMonth NOW = YearMonth.of(2026, 5);

    private static StatisticsQuery parse(String month, String from, String to, String groupBy, String scope) {
        return StatisticsQuery.parse(month, from, to, groupBy == null ? null : List.of(groupBy), scope, NOW, 36);
    }

    @Test
    void aMonthOrARange() {
        StatisticsQuery one = parse("2025-03", null, null, null, "*");
        assertEquals(List.of(YearMonth.of(2025, 3)), one.months());
        StatisticsQuery range = parse(null, "2025-11", "2026-02", null, "*");
        assertEquals(4, range.months().size());
        assertEquals("FUTURE_PERIOD", assertThrows(InvalidValueException.class,
                () -> parse("2026-06", null, null, null, "*")).code());
        assertEquals("OUT_OF_RANGE", assertThrows(InvalidValueException.class,
                () -> parse(null, "2023-01", "2026-01", null, "*")).code());
        assertEquals("REQUIRED", assertThrows(InvalidValueException.class, () -> parse(null, "2025-01", null, null, "*")).code());
    }

    @Test
    void platformBringsPayerKindWithIt() {
        assertEquals(List.of(StatDimension.REGION, StatDimension.PLATFORM, StatDimension.PAYER_KIND, StatDimension.SCHEME),
                parse("2025-03", null, null, "region,platform,scheme", "*").groupBy());
        assertEquals(List.of(StatDimension.PAYER_KIND, StatDimension.PLATFORM),
                parse("2025-03", null, null, "payerKind,platform", "*").groupBy());
        assertEquals("UNKNOWN_DIMENSION", assertThrows(InvalidValueException.class,
                () -> parse("2025-03", null, null, "sex", "*")).code());
        assertEquals("CONFLICTING_DIMENSIONS", assertThrows(InvalidValueException.class,
                () -> parse("2025-03", null, null, "province", "530100")).code());
    }

    @Test
    void theLatticeNestsRegionsAndPayers() {
        assertEquals("53", ContributionLattice.node(new RegionCode("530000")));
        assertEquals("530100", ContributionLattice.node(new RegionCode("530100")));
        assertEquals("530000", ContributionLattice.code("53"));
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
