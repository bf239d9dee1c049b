package org.psi.transfer.saga.sim;

import java.util.List;
import java.util.UUID;

/**
 * The simulation's only source of chance: SplitMix64 (Steele, Lea and Flood), written out here so that
 * a seed means the same run on every JDK. Everything the simulation leaves to chance (faults, timings,
 * orderings, people's decisions, ids) is drawn from one of these, seeded from the run's seed.
 */
public final class Prng {

    private long state;

    public Prng(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A number in {@code [0, bound)}; {@code bound > 0}. */
    public long below(long bound) {
        return Math.floorMod(nextLong(), bound);
    }

    public int below(int bound) {
        return (int) below((long) bound);
    }

    /** A number in {@code [min, max]}. */
    public long between(long min, long max) {
        return min + below(max - min + 1);
    }

    public int between(int min, int max) {
        return (int) between((long) min, (long) max);
    }

    /** A number in {@code [0, 1)}. */
    public double unit() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean chance(double p) {
        return p > 0 && unit() < p;
    }

    /** A probability for one run (swarm testing): often none at all, otherwise up to {@code max}. */
    public double ratio(double max) {
        return chance(0.3) ? 0 : unit() * max;
    }

    public <T> T pick(List<T> items) {
        return items.get(below(items.size()));
    }

    /** A random (version 4) UUID from this generator. */
    public UUID uuid() {
        long msb = (nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (nextLong() & ~(3L << 62)) | (1L << 63);
        return new UUID(msb, lsb);
    }

    /** An independent generator, so that one part of the run drawing more does not shift the others. */
    public Prng fork() {
        return new Prng(nextLong());
    }
}
