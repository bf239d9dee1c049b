package org.psi.common.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker, written independently of {@link Suppression}: takes every line of a protected table
 * that adds up as an equation over its withheld cells (published figures are known) and solves them
 * by Gaussian elimination in floating point. Lists the withheld cells the equations fix.
 */
final class RecoveryCheck {

    private RecoveryCheck() {
    }

    /**
     * The withheld cells of fewer persons than the threshold that can be solved exactly, with their
     * solved value. (A withheld cell of the threshold or more, solved, reveals no small group.)
     */
    static Map<List<String>, Double> exposed(ProtectedTable t) {
        Map<List<String>, Double> solved = new LinkedHashMap<>(recoverable(t));
        solved.keySet().removeIf(k -> t.table().figures(k).orElseThrow().persons() >= t.threshold());
        return solved;
    }

    /** The withheld cells that can be solved exactly, with their solved value. */
    static Map<List<String>, Double> recoverable(ProtectedTable t) {
        StatTable table = t.table();
        List<Dimension> dims = table.dimensions();
        Map<List<String>, Integer> unknowns = new LinkedHashMap<>();
        for (List<String> key : table.keys()) {
            if (t.isSuppressed(key)) {
                unknowns.put(key, unknowns.size());
            }
        }
        // every line: total -> children along one dimension
        Map<List<Object>, List<List<String>>> lines = new LinkedHashMap<>();
        for (List<String> key : table.keys()) {
            for (int d = 0; d < dims.size(); d++) {
                if (!StatTable.ALL.equals(key.get(d))) {
                    List<String> parent = new ArrayList<>(key);
                    parent.set(d, dims.get(d).parentOf(key.get(d)));
                    lines.computeIfAbsent(List.of(List.copyOf(parent), d), x -> new ArrayList<>()).add(key);
                }
            }
        }
        List<double[]> rows = new ArrayList<>();
        int n = unknowns.size();
        for (Map.Entry<List<Object>, List<List<String>>> line : lines.entrySet()) {
            @SuppressWarnings("unchecked")
            List<String> total = (List<String>) line.getKey().get(0);
            int d = (Integer) line.getKey().get(1);
            if (!addsUp(table, total, d)) {
                continue;
            }
            // total - sum(children) = 0  ->  unknown part = - known part
            double[] row = new double[n + 1];
            double known = 0;
            known += term(t, unknowns, row, total, 1);
            for (List<String> child : line.getValue()) {
                known += term(t, unknowns, row, child, -1);
            }
            row[n] = -known;
            rows.add(row);
        }
        return solve(rows, n, unknowns);
    }

    private static boolean addsUp(StatTable table, List<String> total, int d) {
        Dimension dim = table.dimensions().get(d);
        if (!table.sumNames().isEmpty() || !dim.isOverlapping()) {
            return true;
        }
        if (dim.exclusiveWhenFixed() == null) {
            return false;
        }
        return !StatTable.ALL.equals(total.get(table.dimensionIndex(dim.exclusiveWhenFixed())));
    }

    private static double term(ProtectedTable t, Map<List<String>, Integer> unknowns, double[] row,
                               List<String> key, int sign) {
        Integer u = unknowns.get(key);
        if (u != null) {
            row[u] += sign;
            return 0;
        }
        return sign * t.published(key).orElseThrow().persons();
    }

    private static Map<List<String>, Double> solve(List<double[]> rows, int n, Map<List<String>, Integer> unknowns) {
        double[][] m = rows.toArray(new double[0][]);
        int rank = 0;
        int[] pivotCol = new int[m.length];
        for (int col = 0; col < n && rank < m.length; col++) {
            int best = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][col]) > 1e-9 && (best < 0 || Math.abs(m[r][col]) > Math.abs(m[best][col]))) {
                    best = r;
                }
            }
            if (best < 0) {
                continue;
            }
            double[] tmp = m[rank];
            m[rank] = m[best];
            m[best] = tmp;
            double p = m[rank][col];
            for (int c = 0; c <= n; c++) {
                m[rank][c] /= p;
            }
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][col]) > 1e-12) {
                    double f = m[r][col];
                    for (int c = 0; c <= n; c++) {
                        m[r][c] -= f * m[rank][c];
                    }
                }
            }
            pivotCol[rank++] = col;
        }
        Map<Integer, List<String>> byIndex = new HashMap<>();
        unknowns.forEach((k, v) -> byIndex.put(v, k));
        Map<List<String>, Double> fixed = new LinkedHashMap<>();
        for (int r = 0; r < rank; r++) {
            int nonZero = 0;
            for (int c = 0; c < n; c++) {
                if (Math.abs(m[r][c]) > 1e-9) {
                    nonZero++;
                }
            }
            if (nonZero == 1) {
                fixed.put(byIndex.get(pivotCol[r]), m[r][n]);
            }
        }
        return fixed;
    }
}
