package org.psi.common.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disclosure control of a {@link StatTable} of counts of persons: decides which cells to withhold so
 * that no published figure reveals, alone or combined with the other figures of the table, a group of
 * fewer than {@code threshold} persons (10 by default).
 *
 * <h2>Method</h2>
 * <ol>
 *   <li><b>Primary suppression.</b> A cell counting 1 to {@code threshold - 1} persons is withheld.
 *       Zero is published: an empty cell reveals no one, and withholding zeros would mark every
 *       withheld cell as non-empty anyway.</li>
 *   <li><b>Secondary suppression by lines.</b> A <em>line</em> is a total and the cells one level
 *       below it along one dimension, every other dimension fixed (the cells of a province under the
 *       province; MALE and FEMALE under "both sexes"). A line must never hold exactly one withheld
 *       figure, counting its total: one withheld child could be solved as total minus the published
 *       children, and a withheld total as the sum of its children. When a line holds exactly one, the
 *       smallest published non-empty child is withheld too (the total when no child qualifies), and
 *       this repeats over every line, the grand total's included, until nothing changes. Lines along
 *       overlapping dimensions (a worker counted under two platforms) do not add up, yet are treated
 *       the same way: conservative.</li>
 *   <li><b>Audit of exact recovery.</b> Lines can still combine: withheld cells forming a chain
 *       between two groups can be solved from several lines together even though no single line
 *       holds one alone. Every line that adds up (along exclusive dimensions, or along any dimension
 *       when the table has sums, which add up everywhere) is an equation over the withheld cells; a
 *       withheld cell is recoverable when these equations fix it. For each group of linked withheld
 *       cells the equations are brought to reduced echelon form ({@link ModularBasis}); when a
 *       primary cell is fixed, the smallest published cell of one of its lines is withheld too (for
 *       every such cell at once), and steps 2 and 3 repeat until no primary cell is fixed. (A secondary cell counts at least
 *       {@code threshold} persons: solving it alone reveals no small group.)</li>
 * </ol>
 * Choices are deterministic (smallest count first, then key order), so the same table always gets
 * the same pattern.
 *
 * <h2>Consistency across queries</h2>
 * Protection is only as good as the table it sees. A service must protect, in one table, <em>every
 * figure any caller can obtain</em> for a period: the finest grouping and all coarser groupings (every
 * marginal, every level of a hierarchy such as province over pooling region), over the widest scope
 * any caller can see (the whole country), and then answer every query, for any grouping and any
 * region filter, by reading cells of that one protected table. A query grouped more coarsely, or
 * filtered to a province or a city that overlaps another caller's filter, then only ever returns
 * cells of the same table, all of whose relations the suppression already took into account:
 * differencing two answers gives nothing that differencing cells within the table would not, and the
 * lines and the audit rule that out.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>Only exact recovery is ruled out. Bounds remain: a withheld cell is known to hold 1 to the
 *       total of its line, and two withheld cells of a line have a known sum. Published zeros are
 *       facts too (no woman over 55 in that city).</li>
 *   <li>Relations outside the table are not seen: figures computed from other data (another
 *       service's statistics, another period, another snapshot of changing data) can be combined with
 *       these. Differences between two refreshes of the same period reveal changes in it (one
 *       worker enrolled backdated); publish closed periods, or refresh rarely, where that matters.</li>
 *   <li>Overlapping dimensions give inequalities (a platform's count is at most the total), which
 *       only the conservative line rule covers, not the audit.</li>
 *   <li>Sums (amounts) are withheld with their cell, and assumed to add up along every dimension;
 *       there is no dominance rule (one large payer in a cell of many persons is published).</li>
 *   <li>The audit runs per group of linked withheld cells up to {@code auditLimit} cells (cost grows
 *       with the cube of a group's size); a larger group keeps the line rule only, and the result says
 *       so ({@link ProtectedTable#fullyAudited()}).</li>
 *   <li>The pattern is a heuristic, not the smallest possible: it may withhold more than needed.</li>
 * </ul>
 */
public final class Suppression {

    public static final int DEFAULT_THRESHOLD = 10;
    public static final int DEFAULT_AUDIT_LIMIT = 1500;

    private final int threshold;
    private final int auditLimit;

    public Suppression() {
        this(DEFAULT_THRESHOLD, DEFAULT_AUDIT_LIMIT);
    }

    public Suppression(int threshold) {
        this(threshold, DEFAULT_AUDIT_LIMIT);
    }

    public Suppression(int threshold, int auditLimit) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The threshold is at least 1");
        }
        if (auditLimit < 0) {
            throw new IllegalArgumentException("The audit limit is not negative");
        }
        this.threshold = threshold;
        this.auditLimit = auditLimit;
    }

    public int threshold() {
        return threshold;
    }

    /** Whether a count is withheld for itself (step 1). */
    public boolean isPrimary(long persons) {
        return persons > 0 && persons < threshold;
    }

    /** Decides the withheld cells of {@code table}. */
    public ProtectedTable protect(StatTable table) {
        return new Run(table).run();
    }

    /** A line: a total and its cells one level below along one dimension. */
    private record Line(int total, int dimension, int[] children, boolean addsUp) {
    }

    private final class Run {

        private final StatTable table;
        private final SuppressionReason[] reasons;
        private final List<Line> lines = new ArrayList<>();
        private final List<List<Integer>> linesOf;
        private boolean fullyAudited = true;

        Run(StatTable table) {
            this.table = table;
            this.reasons = new SuppressionReason[table.size()];
            this.linesOf = new ArrayList<>(table.size());
            for (int i = 0; i < table.size(); i++) {
                linesOf.add(new ArrayList<>(4));
            }
            buildLines();
        }

        ProtectedTable run() {
            for (int i = 0; i < table.size(); i++) {
                if (isPrimary(table.personsAt(i))) {
                    reasons[i] = SuppressionReason.PRIMARY;
                }
            }
            Deque<Integer> queue = new ArrayDeque<>();
            for (int l = 0; l < lines.size(); l++) {
                queue.add(l);
            }
            do {
                applyLineRule(queue);
            } while (audit(queue));
            return new ProtectedTable(table, reasons, threshold, fullyAudited);
        }

        private void buildLines() {
            int dims = table.dimensions().size();
            Map<Long, List<Integer>> children = new LinkedHashMap<>();
            for (int i = 0; i < table.size(); i++) {
                List<String> key = table.keyAt(i);
                for (int d = 0; d < dims; d++) {
                    if (!StatTable.ALL.equals(key.get(d))) {
                        int parent = table.indexOf(table.parentKey(key, d));
                        children.computeIfAbsent((long) parent * dims + d, x -> new ArrayList<>()).add(i);
                    }
                }
            }
            boolean hasSums = !table.sumNames().isEmpty();
            for (Map.Entry<Long, List<Integer>> e : children.entrySet()) {
                int total = (int) (e.getKey() / dims);
                int d = (int) (e.getKey() % dims);
                int[] kids = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                Line line = new Line(total, d, kids, hasSums || exclusive(total, d));
                int id = lines.size();
                lines.add(line);
                linesOf.get(total).add(id);
                for (int k : kids) {
                    linesOf.get(k).add(id);
                }
            }
        }

        private boolean exclusive(int total, int d) {
            Dimension dim = table.dimensions().get(d);
            if (!dim.isOverlapping()) {
                return true;
            }
            if (dim.exclusiveWhenFixed() == null) {
                return false;
            }
            int other = table.dimensionIndex(dim.exclusiveWhenFixed());
            return !StatTable.ALL.equals(table.keyAt(total).get(other));
        }

        private boolean suppressed(int i) {
            return reasons[i] != null;
        }

        private boolean publishedNonEmpty(int i) {
            return reasons[i] == null && table.personsAt(i) > 0;
        }

        /** The smaller of two candidate cells: fewer persons first, then key order. */
        private int smaller(int a, int b) {
            if (a < 0) {
                return b;
            }
            long pa = table.personsAt(a);
            long pb = table.personsAt(b);
            return pa < pb || pa == pb && a < b ? a : b;
        }

        private void suppress(int i, SuppressionReason reason, Deque<Integer> queue) {
            reasons[i] = reason;
            queue.addAll(linesOf.get(i));
        }

        private void applyLineRule(Deque<Integer> queue) {
            while (!queue.isEmpty()) {
                Line line = lines.get(queue.poll());
                int withheld = suppressed(line.total()) ? 1 : 0;
                for (int c : line.children()) {
                    if (suppressed(c)) {
                        withheld++;
                    }
                }
                if (withheld != 1) {
                    continue;
                }
                int pick = -1;
                for (int c : line.children()) {
                    if (publishedNonEmpty(c)) {
                        pick = smaller(pick, c);
                    }
                }
                if (pick < 0 && publishedNonEmpty(line.total())) {
                    pick = line.total();
                }
                if (pick >= 0) {
                    suppress(pick, SuppressionReason.SECONDARY_LINE, queue);
                }
            }
        }

        /**
         * Finds withheld cells that the adding-up lines fix exactly and withholds one more cell for
         * each group that has one. Returns whether it withheld anything.
         */
        private boolean audit(Deque<Integer> queue) {
            Map<Integer, Integer> unknown = new HashMap<>();
            for (int i = 0; i < reasons.length; i++) {
                if (reasons[i] != null) {
                    unknown.put(i, unknown.size());
                }
            }
            if (unknown.isEmpty()) {
                return false;
            }
            int[] group = new int[unknown.size()];
            for (int u = 0; u < group.length; u++) {
                group[u] = u;
            }
            List<Integer> equations = new ArrayList<>();
            for (int l = 0; l < lines.size(); l++) {
                Line line = lines.get(l);
                if (!line.addsUp()) {
                    continue;
                }
                int first = -1;
                for (int m : members(line)) {
                    Integer u = unknown.get(m);
                    if (u != null) {
                        if (first < 0) {
                            first = u;
                        } else {
                            union(group, first, u);
                        }
                    }
                }
                if (first >= 0) {
                    equations.add(l);
                }
            }
            Map<Integer, List<Integer>> equationsByGroup = new LinkedHashMap<>();
            Map<Integer, Integer> sizeOfGroup = new HashMap<>();
            for (int u = 0; u < group.length; u++) {
                sizeOfGroup.merge(find(group, u), 1, Integer::sum);
            }
            for (int l : equations) {
                for (int m : members(lines.get(l))) {
                    Integer u = unknown.get(m);
                    if (u != null) {
                        equationsByGroup.computeIfAbsent(find(group, u), x -> new ArrayList<>()).add(l);
                        break;
                    }
                }
            }
            int[] cellOf = new int[unknown.size()];
            unknown.forEach((cell, u) -> cellOf[u] = cell);
            boolean added = false;
            for (Map.Entry<Integer, List<Integer>> g : equationsByGroup.entrySet()) {
                if (sizeOfGroup.get(g.getKey()) > auditLimit) {
                    fullyAudited = false;
                    continue;
                }
                ModularBasis basis = new ModularBasis();
                for (int l : g.getValue()) {
                    Line line = lines.get(l);
                    Map<Integer, Long> row = new HashMap<>();
                    if (suppressed(line.total())) {
                        row.put(unknown.get(line.total()), 1L);
                    }
                    for (int c : line.children()) {
                        if (suppressed(c)) {
                            row.put(unknown.get(c), -1L);
                        }
                    }
                    basis.add(ModularBasis.Row.of(row));
                }
                for (int u : basis.fixed()) {
                    int exposed = cellOf[u];
                    if (reasons[exposed] != SuppressionReason.PRIMARY) {
                        continue;
                    }
                    int pick = complementFor(exposed, g.getValue());
                    if (pick >= 0) {
                        suppress(pick, SuppressionReason.SECONDARY_AUDIT, queue);
                        added = true;
                    }
                }
            }
            return added;
        }

        /** The smallest published cell of a line through {@code cell}, else of any line of its group. */
        private int complementFor(int cell, List<Integer> groupLines) {
            int pick = -1;
            for (int l : linesOf.get(cell)) {
                for (int m : members(lines.get(l))) {
                    if (publishedNonEmpty(m)) {
                        pick = smaller(pick, m);
                    }
                }
            }
            if (pick >= 0) {
                return pick;
            }
            for (int l : groupLines) {
                for (int m : members(lines.get(l))) {
                    if (publishedNonEmpty(m)) {
                        pick = smaller(pick, m);
                    }
                }
            }
            return pick;
        }

        private int[] members(Line line) {
            int[] m = new int[line.children().length + 1];
            m[0] = line.total();
            System.arraycopy(line.children(), 0, m, 1, line.children().length);
            return m;
        }

        private int find(int[] parent, int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        private void union(int[] parent, int a, int b) {
            int ra = find(parent, a);
            int rb = find(parent, b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
