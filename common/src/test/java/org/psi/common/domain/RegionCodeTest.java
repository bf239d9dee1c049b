package org.psi.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void levelsAndContainment() {
        RegionCode guangdong = new RegionCode("440000");
        RegionCode shenzhen = new RegionCode("440300");
        RegionCode nanshan = new RegionCode("440305");
        assertEquals(RegionCode.Level.PROVINCE, guangdong.level());
        assertEquals(RegionCode.Level.CITY, shenzhen.level());
        assertEquals(RegionCode.Level.COUNTY, nanshan.level());
        assertTrue(guangdong.covers(shenzhen));
        assertTrue(guangdong.covers(nanshan));
        assertTrue(shenzhen.covers(nanshan));
        assertFalse(shenzhen.covers(guangdong));
        assertFalse(shenzhen.covers(new RegionCode("440100")));
        assertEquals(shenzhen, nanshan.city());
        assertEquals(guangdong, nanshan.province());
    }

    @Test
    void poolingRegionsFollowTheScheme() {
        assertTrue(PoolingRegions.pools(new RegionCode("440000"), Scheme.PENSION));
        assertTrue(PoolingRegions.pools(new RegionCode("440300"), Scheme.MEDICAL));
        assertFalse(PoolingRegions.pools(new RegionCode("440300"), Scheme.PENSION));
        assertFalse(PoolingRegions.pools(new RegionCode("440000"), Scheme.MEDICAL));
        assertEquals("NOT_A_POOLING_REGION", assertThrows(InvalidValueException.class,
                () -> PoolingRegions.requirePooling("440300", Scheme.PENSION, "region")).code());
        assertTrue(assertThrows(InvalidValueException.class, () -> PoolingRegions.requirePooling("440300", Scheme.PENSION, "region"))
                .getMessage().endsWith("(try 440000)"), "a city names its province for PENSION");
        assertTrue(assertThrows(InvalidValueException.class, () -> PoolingRegions.requirePooling("440000", Scheme.MEDICAL, "region"))
                .getMessage().endsWith("(give the code of a city in it)"), "a province is not told to try itself for MEDICAL");
        assertEquals("UNKNOWN_REGION", assertThrows(InvalidValueException.class,
                () -> PoolingRegions.requireKnown("990000", "region")).code());
        assertEquals("INVALID_REGION_CODE", assertThrows(InvalidValueException.class,
                () -> PoolingRegions.requireKnown("44030", "region")).code());
    }
}
