package org.psi.common.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A row space kept in reduced row echelon form, with coefficients modulo the prime 2^61 - 1: enough to
 * decide which unknowns of a system of linear equations are fixed by it. An unknown is fixed exactly
 * when a row of the reduced form holds it alone.
 *
 * <p>Arithmetic modulo a prime stands in for rational arithmetic: the rank (and which unknowns are
 * fixed) can only differ when the prime divides a minor of the coefficient matrix, whose entries here
 * are 0, 1 and -1; for such matrices of any size a table can hold, the chance is negligible.
 */
final class ModularBasis {

    static final long P = (1L << 61) - 1;

    /** A sparse row: ascending columns and their non-zero coefficients. */
    record Row(int[] cols, long[] vals) {

        static Row of(Map<Integer, Long> entries) {
            int[] cols = entries.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            long[] vals = new long[cols.length];
            for (int i = 0; i < cols.length; i++) {
                vals[i] = mod(entries.get(cols[i]));
            }
            return compact(cols, vals, cols.length);
        }

        long get(int col) {
            int i = Arrays.binarySearch(cols, col);
            return i < 0 ? 0 : vals[i];
        }

        boolean isEmpty() {
            return cols.length == 0;
        }

        /** this - factor * other. */
        Row minus(long factor, Row other) {
            int[] c = new int[cols.length + other.cols.length];
            long[] v = new long[c.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < cols.length || j < other.cols.length) {
                if (j >= other.cols.length || i < cols.length && cols[i] < other.cols[j]) {
                    c[n] = cols[i];
                    v[n++] = vals[i++];
                } else if (i >= cols.length || other.cols[j] < cols[i]) {
                    c[n] = other.cols[j];
                    v[n++] = sub(0, mul(factor, other.vals[j++]));
                } else {
                    c[n] = cols[i];
                    v[n++] = sub(vals[i++], mul(factor, other.vals[j++]));
                }
            }
            return compact(c, v, n);
        }

        Row times(long factor) {
            long[] v = new long[vals.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = mul(vals[i], factor);
            }
            return new Row(cols, v);
        }

        private static Row compact(int[] c, long[] v, int n) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (v[i] != 0) {
                    c[k] = c[i];
                    v[k++] = v[i];
                }
            }
            return new Row(Arrays.copyOf(c, k), Arrays.copyOf(v, k));
        }
    }

    private final Map<Integer, Row> byPivot = new HashMap<>();
    private final List<Integer> pivots = new ArrayList<>();

    /** Adds a row (an equation's coefficients) to the space. */
    void add(Row row) {
        Row r = reduce(row);
        if (r.isEmpty()) {
            return;
        }
        int pivot = r.cols[0];
        r = r.times(inverse(r.vals[0]));
        for (Integer p : pivots) {
            Row b = byPivot.get(p);
            long f = b.get(pivot);
            if (f != 0) {
                byPivot.put(p, b.minus(f, r));
            }
        }
        byPivot.put(pivot, r);
        pivots.add(pivot);
    }

    /** The unknowns the rows fix: those a reduced row holds alone. */
    List<Integer> fixed() {
        List<Integer> fixed = new ArrayList<>();
        for (Integer p : pivots) {
            if (byPivot.get(p).cols.length == 1) {
                fixed.add(p);
            }
        }
        fixed.sort(Integer::compare);
        return fixed;
    }

    private Row reduce(Row row) {
        Row r = row;
        boolean changed = true;
        while (changed && !r.isEmpty()) {
            changed = false;
            for (int i = 0; i < r.cols.length; i++) {
                Row b = byPivot.get(r.cols[i]);
                if (b != null) {
                    r = r.minus(r.vals[i], b);
                    changed = true;
                    break;
                }
            }
        }
        return r;
    }

    static long mod(long v) {
        long m = v % P;
        return m < 0 ? m + P : m;
    }

    static long sub(long a, long b) {
        long r = a - b;
        return r < 0 ? r + P : r;
    }

    static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long r = (lo & P) + ((lo >>> 61) | (hi << 3));
        r = (r & P) + (r >>> 61);
        return r >= P ? r - P : r;
    }

    static long inverse(long a) {
        long result = 1;
        long base = a;
        long e = P - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = mul(result, base);
            }
            base = mul(base, base);
            e >>= 1;
        }
        return result;
    }
}
