package org.psi.common.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of counts of persons (and optional sums, such as amounts in fen) by the values of its
 * dimensions, <em>with every marginal</em>: a cell is keyed by one value per dimension, where
 * {@link #ALL} stands for "all values" (the cell is then a total along that dimension). The cell
 * with {@code ALL} everywhere is the grand total.
 *
 * <p>The table must hold every figure the caller may publish from it: the cells of the finest
 * grouping and all their totals along every dimension and every level of a hierarchy (the lattice
 * of groupings). {@link Builder#build()} checks that every cell's totals are present. A cell absent
 * from the table counts zero persons.
 *
 * <p>When persons overlap along a dimension (a worker with two platforms), totals are not the sum
 * of their cells and must be given as counted (for example by SQL {@code GROUPING SETS} with
 * {@code count(distinct ...)}) with {@link Builder#put}. When every dimension is exclusive,
 * {@link Builder#rollUp} adds a fine cell into all its totals.
 */
public final class StatTable {

    /** The value of a dimension in a cell that totals over all its values. */
    public static final String ALL = "*";

    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final List<Dimension> dimensions;
    private final List<String> sumNames;
    private final List<List<String>> keys;
    private final Map<List<String>, Integer> index;
    private final long[] persons;
    private final long[][] sums;

    private StatTable(List<Dimension> dimensions, List<String> sumNames, Map<List<String>, long[]> cells) {
        this.dimensions = dimensions;
        this.sumNames = sumNames;
        List<List<String>> sorted = new ArrayList<>(cells.keySet());
        sorted.sort(KEY_ORDER);
        this.keys = Collections.unmodifiableList(sorted);
        this.index = new HashMap<>(sorted.size() * 2);
        this.persons = new long[sorted.size()];
        this.sums = new long[sorted.size()][];
        for (int i = 0; i < sorted.size(); i++) {
            long[] figures = cells.get(sorted.get(i));
            index.put(sorted.get(i), i);
            persons[i] = figures[0];
            sums[i] = Arrays.copyOfRange(figures, 1, figures.length);
        }
    }

    public static Builder builder(List<Dimension> dimensions, String... sumNames) {
        return new Builder(dimensions, List.of(sumNames));
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public List<String> sumNames() {
        return sumNames;
    }

    /** The position of a dimension in every key. */
    public int dimensionIndex(String name) {
        for (int i = 0; i < dimensions.size(); i++) {
            if (dimensions.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No dimension " + name);
    }

    /** Every cell's key, in a stable order (lexicographic by value). */
    public List<List<String>> keys() {
        return keys;
    }

    public int size() {
        return keys.size();
    }

    /** The figures of a cell; empty when the table does not hold it (it counts zero). */
    public Optional<Figures> figures(List<String> key) {
        Integer i = index.get(key);
        return i == null ? Optional.empty() : Optional.of(figuresAt(i));
    }

    /** The grand total's key: {@link #ALL} for every dimension. */
    public List<String> grandTotalKey() {
        return Collections.nCopies(dimensions.size(), ALL);
    }

    int indexOf(List<String> key) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
    }

    List<String> keyAt(int i) {
        return keys.get(i);
    }

    long personsAt(int i) {
        return persons[i];
    }

    Figures figuresAt(int i) {
        List<Long> s = new ArrayList<>(sums[i].length);
        for (long v : sums[i]) {
            s.add(v);
        }
        return new Figures(persons[i], List.copyOf(s));
    }

    /** The key one level up from {@code key} along dimension {@code d} (whose value is not ALL). */
    List<String> parentKey(List<String> key, int d) {
        List<String> parent = new ArrayList<>(key);
        parent.set(d, dimensions.get(d).parentOf(key.get(d)));
        return List.copyOf(parent);
    }

    /** Collects the cells of a table; see {@link StatTable}. */
    public static final class Builder {

        private final List<Dimension> dimensions;
        private final List<String> sumNames;
        private final Map<List<String>, long[]> cells = new LinkedHashMap<>();

        private Builder(List<Dimension> dimensions, List<String> sumNames) {
            if (dimensions == null || dimensions.isEmpty()) {
                throw new IllegalArgumentException("A table has at least one dimension");
            }
            if (dimensions.stream().map(Dimension::name).distinct().count() != dimensions.size()) {
                throw new IllegalArgumentException("Dimension names must differ: " + dimensions);
            }
            for (Dimension d : dimensions) {
                if (d.exclusiveWhenFixed() != null
                        && dimensions.stream().noneMatch(o -> o.name().equals(d.exclusiveWhenFixed()))) {
                    throw new IllegalArgumentException(d.name() + " refers to an unknown dimension " + d.exclusiveWhenFixed());
                }
            }
            this.dimensions = List.copyOf(dimensions);
            this.sumNames = List.copyOf(sumNames);
        }

        /**
         * Sets the figures of one cell, as counted: a fine cell or a total. A cell may be set once.
         * A cell with zero persons may be left out.
         */
        public Builder put(List<String> key, long persons, long... sums) {
            List<String> k = checkKey(key, persons, sums);
            if (cells.containsKey(k)) {
                throw new IllegalArgumentException("The cell " + k + " is set twice");
            }
            cells.put(k, figures(persons, sums));
            return this;
        }

        /**
         * Adds the figures of a fine cell (or part of one) into that cell and every total above it,
         * along every dimension and hierarchy level. Only for tables whose dimensions are all
         * exclusive: overlapping totals must be counted, not added.
         */
        public Builder rollUp(List<String> key, long persons, long... sums) {
            List<String> k = checkKey(key, persons, sums);
            for (Dimension d : dimensions) {
                if (d.isOverlapping()) {
                    throw new IllegalStateException("Totals along the overlapping dimension " + d.name()
                            + " are not sums of its cells; count them and put() them");
                }
            }
            List<List<String>> chains = new ArrayList<>();
            for (int d = 0; d < dimensions.size(); d++) {
                List<String> chain = new ArrayList<>();
                String v = k.get(d);
                chain.add(v);
                while (!ALL.equals(v)) {
                    v = dimensions.get(d).parentOf(v);
                    chain.add(v);
                }
                chains.add(chain);
            }
            addAll(chains, 0, new String[dimensions.size()], persons, sums);
            return this;
        }

        private void addAll(List<List<String>> chains, int d, String[] key, long persons, long[] sums) {
            if (d == chains.size()) {
                long[] f = cells.computeIfAbsent(List.of(key), x -> new long[1 + sumNames.size()]);
                f[0] += persons;
                for (int i = 0; i < sums.length; i++) {
                    f[1 + i] += sums[i];
                }
                return;
            }
            for (String v : chains.get(d)) {
                key[d] = v;
                addAll(chains, d + 1, key, persons, sums);
            }
        }

        /** The table; every cell's totals (one level up along each dimension) must be in it. */
        public StatTable build() {
            StatTable table = new StatTable(dimensions, sumNames, cells);
            List<String> missing = new ArrayList<>();
            for (List<String> key : table.keys) {
                for (int d = 0; d < dimensions.size(); d++) {
                    if (!ALL.equals(key.get(d))) {
                        List<String> parent = table.parentKey(key, d);
                        if (!table.index.containsKey(parent)) {
                            missing.add(parent + " (total of " + key + " along " + dimensions.get(d).name() + ")");
                        }
                    }
                }
                if (missing.size() >= 5) {
                    break;
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("The table lacks totals it must hold, e.g. " + missing);
            }
            return table;
        }

        private List<String> checkKey(List<String> key, long persons, long[] sums) {
            if (key == null || key.size() != dimensions.size()) {
                throw new IllegalArgumentException("A key has one value per dimension " + dimensions);
            }
            for (String v : key) {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException("A key has no empty values: " + key);
                }
            }
            if (persons < 0) {
                throw new IllegalArgumentException("A count of persons is not negative");
            }
            if (sums.length != sumNames.size()) {
                throw new IllegalArgumentException("This table has the sums " + sumNames);
            }
            return List.copyOf(key);
        }

        private long[] figures(long persons, long[] sums) {
            long[] f = new long[1 + sums.length];
            f[0] = persons;
            System.arraycopy(sums, 0, f, 1, sums.length);
            return f;
        }
    }
}
