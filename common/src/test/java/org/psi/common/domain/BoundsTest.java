package org.psi.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bounds the OpenAPI documents state of the domain's values are those of the values themselves. */
class BoundsTest {

    @Test
    void theCountsAndLongestNamesOfTheEnumsAreTheirOwn() {
        assertEquals(Sector.values().length, Sector.COUNT);
        assertEquals(Arrays.stream(Sector.values()).mapToInt(s -> s.name().length()).max().orElseThrow(), Sector.NAME_MAX);
        assertEquals(Scheme.values().length, Scheme.COUNT);
        assertEquals(Arrays.stream(Scheme.values()).mapToInt(s -> s.name().length()).max().orElseThrow(), Scheme.NAME_MAX);
    }

    @Test
    void thePoolingRegionsAreWithinTheirBounds() {
        assertTrue(PoolingRegions.all().size() <= PoolingRegions.MAX_REGIONS);
        assertTrue(PoolingRegions.all().stream().allMatch(r -> r.name().length() <= PoolingRegions.NAME_MAX));
    }

    @Test
    void thePatternsTakeWhatTheParsersTake() {
        assertTrue("11010519491231002X".matches(NationalId.PATTERN));
        assertTrue("11010519491231002x".matches(NationalId.PATTERN));
        assertTrue(NationalId.mask("11010519491231002X").matches(NationalId.MASKED_PATTERN));
        assertTrue("91350100M000100Y43".matches(CreditCode.PATTERN));
        assertTrue("91350100m000100y43".matches(CreditCode.PATTERN));
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            assertTrue(("91350100M000100Y4" + c).matches(CreditCode.PATTERN), "credit-code character " + c);
        }
        assertTrue(!"91350100I000100Y43".matches(CreditCode.PATTERN));
        assertTrue("440300".matches(RegionCode.PATTERN));
        assertTrue("2026-11".matches(Periods.MONTH_PATTERN) && !"2026-13".matches(Periods.MONTH_PATTERN));
        assertTrue("2026-11-30".matches(Periods.DAY_PATTERN));
    }
}
