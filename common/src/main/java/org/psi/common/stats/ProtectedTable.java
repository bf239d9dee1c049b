package org.psi.common.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StatTable} with the cells that must be withheld, as decided by {@link Suppression}. Publish
 * from it only: {@link #published} hides a withheld cell's persons and sums alike.
 */
public final class ProtectedTable {

    private final StatTable table;
    private final SuppressionReason[] reasons;
    private final int threshold;
    private final boolean fullyAudited;

    ProtectedTable(StatTable table, SuppressionReason[] reasons, int threshold, boolean fullyAudited) {
        this.table = table;
        this.reasons = reasons;
        this.threshold = threshold;
        this.fullyAudited = fullyAudited;
    }

    /** One cell with its figures and, if withheld, why. */
    public record Cell(List<String> key, Figures figures, SuppressionReason suppressedBecause) {

        public boolean suppressed() {
            return suppressedBecause != null;
        }
    }

    public StatTable table() {
        return table;
    }

    /** The smallest number of persons a published cell may count (apart from zero). */
    public int threshold() {
        return threshold;
    }

    /**
     * Whether the exact-recovery audit ran over every group of withheld cells; false when a group was
     * larger than the audit limit (the line rule still holds there).
     */
    public boolean fullyAudited() {
        return fullyAudited;
    }

    /** Whether a cell is withheld; a cell the table does not hold counts zero and is not. */
    public boolean isSuppressed(List<String> key) {
        int i = table.indexOf(key);
        return i >= 0 && reasons[i] != null;
    }

    public Optional<SuppressionReason> reason(List<String> key) {
        int i = table.indexOf(key);
        return i < 0 ? Optional.empty() : Optional.ofNullable(reasons[i]);
    }

    /**
     * The figures that may be published for a cell: empty when withheld; zero persons (and sums) for
     * a cell the table does not hold.
     */
    public Optional<Figures> published(List<String> key) {
        int i = table.indexOf(key);
        if (i < 0) {
            return Optional.of(new Figures(0, Collections.nCopies(table.sumNames().size(), 0L)));
        }
        return reasons[i] != null ? Optional.empty() : Optional.of(table.figuresAt(i));
    }

    /** Every cell of the table, in key order, with its figures and suppression. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            cells.add(new Cell(table.keyAt(i), table.figuresAt(i), reasons[i]));
        }
        return cells;
    }

    /** How many cells are withheld, by reason. */
    public Map<SuppressionReason, Integer> counts() {
        Map<SuppressionReason, Integer> counts = new EnumMap<>(SuppressionReason.class);
        for (SuppressionReason r : SuppressionReason.values()) {
            counts.put(r, 0);
        }
        for (SuppressionReason r : reasons) {
            if (r != null) {
                counts.merge(r, 1, Integer::sum);
            }
        }
        return counts;
    }
}
