package org.psi.common.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModularBasisTest {

    @Test
    void arithmeticMatchesBigIntegers() {
        BigInteger p = BigInteger.valueOf(ModularBasis.P);
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            long a = Math.floorMod(random.nextLong(), ModularBasis.P);
            long b = Math.floorMod(random.nextLong(), ModularBasis.P);
            assertEquals(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(p).longValueExact(), ModularBasis.mul(a, b));
            if (a != 0) {
                assertEquals(1, ModularBasis.mul(a, ModularBasis.inverse(a)));
            }
        }
        assertEquals(ModularBasis.P - 1, ModularBasis.mod(-1));
    }

    @Test
    void findsTheUnknownsTheEquationsFix() {
        // x0 + x1 = k, x1 + x2 = k', x0 + x2 = k''  -> all three fixed (odd cycle)
        ModularBasis odd = new ModularBasis();
        odd.add(ModularBasis.Row.of(Map.of(0, 1L, 1, 1L)));
        odd.add(ModularBasis.Row.of(Map.of(1, 1L, 2, 1L)));
        odd.add(ModularBasis.Row.of(Map.of(0, 1L, 2, 1L)));
        assertEquals(List.of(0, 1, 2), odd.fixed());
        // x0 - x1 = k, x1 - x2 = k' -> nothing fixed; adding x0 - x2 changes nothing
        ModularBasis chain = new ModularBasis();
        chain.add(ModularBasis.Row.of(Map.of(0, 1L, 1, -1L)));
        chain.add(ModularBasis.Row.of(Map.of(1, 1L, 2, -1L)));
        chain.add(ModularBasis.Row.of(Map.of(0, 1L, 2, -1L)));
        assertEquals(List.of(), chain.fixed());
        chain.add(ModularBasis.Row.of(Map.of(2, -1L)));
        assertEquals(List.of(0, 1, 2), chain.fixed());
    }
}
