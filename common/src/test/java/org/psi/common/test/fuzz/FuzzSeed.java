package org.psi.common.test.fuzz;

/**
 * The seed of the generated-input tests: {@value #DEFAULT} unless {@code -Dpsi.fuzz.seed=N} says
 * otherwise; each operation draws from its own seed derived from it and the operation's name, so
 * replaying one does not depend on which ran before. {@code -Dpsi.fuzz.tries=N} changes how many
 * requests each operation gets (default {@value #DEFAULT_TRIES}).
 */
public final class FuzzSeed {

    public static final long DEFAULT = 20_260_311L;
    public static final int DEFAULT_TRIES = 100;

    private FuzzSeed() {
    }

    public static long base() {
        String s = System.getProperty("psi.fuzz.seed");
        return s == null || s.isBlank() ? DEFAULT : Long.parseLong(s.strip());
    }

    public static int tries() {
        String s = System.getProperty("psi.fuzz.tries");
        return s == null || s.isBlank() ? DEFAULT_TRIES : Integer.parseInt(s.strip());
    }

    /** The seed of one operation: the base seed mixed with the operation's name (SplitMix64's finaliser). */
    public static long of(long base, String operation) {
        long z = base ^ (operation.hashCode() * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
