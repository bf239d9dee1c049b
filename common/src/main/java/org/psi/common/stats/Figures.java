package org.psi.common.stats;

import java.util.List;

/** The figures of one cell: the number of persons it counts and its sums (in the table's order of sum names). */
public record Figures(long persons, List<Long> sums) {

    public Figures {
        sums = List.copyOf(sums);
    }

    public long sum(int i) {
        return sums.get(i);
    }
}
