package org.psi.common.test.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik's arbitraries as plain generators, driven by one seeded {@link Random}: the same seed gives
 * the same values, whatever ran before. {@link #next(Arbitrary)} is
 * {@code arbitrary.generator(genSize).next(random).value()}.
 *
 * <p>jqwik's generators keep memoized sub-generators in a store that exists only inside one of its
 * own lifecycles (a property, or the sampling of {@code Arbitrary.sample()}); its engine does not run
 * inside a {@code @QuarkusTest}. {@link #inJqwikContext(Supplier)} runs code inside the sampling
 * lifecycle jqwik sets up for {@code sample()} (the value of a mapped arbitrary is computed there),
 * so every value is still drawn from our seeded random, not jqwik's own.
 */
public final class Gen {

    /** jqwik's genSize: how large generated strings and collections tend to be. */
    public static final int GEN_SIZE = 1000;

    private final Random random;

    public Gen(long seed) {
        this.random = new Random(seed);
    }

    public <T> T next(Arbitrary<T> arbitrary) {
        return arbitrary.generator(GEN_SIZE).next(random).value();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Picks an index by weight. */
    public int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Runs {@code code} where jqwik's generators work outside its engine (see the class comment). */
    public static <T> T inJqwikContext(Supplier<T> code) {
        RuntimeException[] failure = new RuntimeException[1];
        Object result = Arbitraries.integers().between(0, 1).map(ignored -> {
            try {
                return (Object) code.get();
            } catch (RuntimeException e) {
                failure[0] = e;
                return null;
            }
        }).sample();
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) result;
        return t;
    }
}
