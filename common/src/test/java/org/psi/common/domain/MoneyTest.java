package org.psi.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void baseIsRoundedHalfUpToTheYuan() {
        // 60% of 8,123.45 yuan = 4,874.07 yuan -> 4,874 yuan
        assertEquals(487_400, Money.baseFen(812_345, 60));
        // 100% of 1,000.50 yuan -> 1,001 yuan (half-up)
        assertEquals(100_100, Money.baseFen(100_050, 100));
        // 300% of 10,000 yuan
        assertEquals(3_000_000, Money.baseFen(1_000_000, 300));
    }

    @Test
    void percentIsRoundedHalfUpToTheFen() {
        assertEquals(97_480, Money.percentOf(487_400, new BigDecimal("20")));
        // 9.5% of 1,234.57 yuan = 117.28415 -> 117.28
        assertEquals(11_728, Money.percentOf(123_457, new BigDecimal("9.5")));
        // 0.5 fen rounds up
        assertEquals(1, Money.percentOf(5, new BigDecimal("10")));
    }

    @Test
    void shareAndRemainderConserveEveryFen() {
        long amount = 97_481;
        long individual = Money.share(amount, 8, 20);
        long pooled = amount - individual;
        assertEquals(38_992, individual);
        assertEquals(amount, individual + pooled);
    }

    @Test
    void formatsYuan() {
        assertEquals("123.45", Money.yuan(12_345));
        assertEquals("0.07", Money.yuan(7));
    }
}
