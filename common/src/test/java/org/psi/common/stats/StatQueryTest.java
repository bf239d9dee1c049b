package org.psi.common.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.RegionCode;

/** Parsing statistics requests, and the region nodes every statistics table shares. */
class StatQueryTest {

    private static final YearMonth NOW = YearMonth.of(2026, 5);

    enum Dim implements GroupingDimension {
        REGION("region"), PROVINCE("province"), SCHEME("scheme");

        private final String apiName;

        Dim(String apiName) {
            this.apiName = apiName;
        }

        @Override
        public String apiName() {
            return apiName;
        }
    }

    private static StatQuery<Dim> parse(String month, String from, String to, String groupBy, String scope) {
        return StatQuery.parse(Dim.class, month, from, to, groupBy == null ? null : List.of(groupBy), scope, NOW, 36);
    }

    private static String refused(Runnable r) {
        return assertThrows(InvalidValueException.class, r::run).code();
    }

    @Test
    void aMonthOrARange() {
        assertEquals(List.of(YearMonth.of(2025, 3)), parse("2025-03", null, null, null, "*").months());
        assertEquals(4, parse(null, "2025-11", "2026-02", null, "*").months().size());
        assertEquals(1, parse("2026-05", null, null, null, "*").months().size(), "this month is there");
        assertEquals("FUTURE_PERIOD", refused(() -> parse("2026-06", null, null, null, "*")));
        assertEquals("FUTURE_PERIOD", refused(() -> parse(null, "2026-01", "2026-06", null, "*")));
        assertEquals("OUT_OF_RANGE", refused(() -> parse(null, "2023-01", "2026-01", null, "*")));
        assertEquals(36, parse(null, "2023-06", "2026-05", null, "*").months().size(), "36 months is the limit, not over it");
        assertEquals("OUT_OF_RANGE", refused(() -> parse(null, "2026-02", "2026-01", null, "*")));
        assertEquals("REQUIRED", refused(() -> parse(null, "2025-01", null, null, "*")));
        assertEquals("REQUIRED", refused(() -> parse(null, null, null, null, "*")));
        assertEquals("CONFLICTING_PARAMETERS", refused(() -> parse("2025-01", "2025-01", null, null, "*")));
        assertEquals("INVALID_MONTH", refused(() -> parse("2025-13", null, null, null, "*")));
    }

    @Test
    void groupByKeepsTheCallersOrder() {
        assertEquals(List.of(Dim.SCHEME, Dim.REGION), parse("2025-03", null, null, "scheme,region", "*").groupBy());
        assertEquals(List.of(Dim.SCHEME, Dim.PROVINCE), StatQuery.parse(Dim.class, "2025-03", null, null,
                List.of("scheme", "province"), "*", NOW, 36).groupBy(), "repeated parameters");
        assertEquals("UNKNOWN_DIMENSION", refused(() -> parse("2025-03", null, null, "sex", "*")));
        assertEquals("UNKNOWN_DIMENSION", refused(() -> parse("2025-03", null, null, "", "*")));
        assertEquals("DUPLICATE_DIMENSION", refused(() -> parse("2025-03", null, null, "scheme,scheme", "*")));
        assertEquals("CONFLICTING_DIMENSIONS", refused(() -> parse("2025-03", null, null, "region,province", "*")));
        assertEquals("CONFLICTING_DIMENSIONS", refused(() -> parse("2025-03", null, null, "province", "530100")));
    }

    @Test
    void regionNodes() {
        assertEquals("53", RegionNodes.node(new RegionCode("530000")));
        assertEquals("530100", RegionNodes.node(new RegionCode("530100")));
        assertEquals("530000", RegionNodes.code("53"));
        assertEquals("530100", RegionNodes.code("530100"));
        assertEquals("53", RegionNodes.parent("530100"));
        assertEquals(StatTable.ALL, RegionNodes.parent("53"));
        assertEquals(RegionNodes.ALL, RegionNodes.scopeOf(null));
        assertEquals("NOT_A_STATISTICS_REGION", refused(() -> RegionNodes.scopeOf(new RegionCode("530102"))));
    }
}
