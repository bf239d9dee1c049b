package org.psi.transfer.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.psi.common.stats.StatTable;
import org.psi.transfer.calendar.Step;

/**
 * The figures of every cell of one month's {@link TransferLattice}, computed from the month's cases in
 * one pass (plain Java, no framework): distinct workers (what disclosure control counts), cases, and
 * per step the steps done, their median working days and how many were done by their due day.
 */
public final class TransferCube {

    /** The steps of the statistics, in the order of {@link Step}. */
    public static final List<Step> STEPS = List.of(Step.values());

    /** A step a case has done: the working days it took and whether by its due day (null: the step had no deadline). */
    public record StepDone(int workingDays, Boolean withinDeadline) {
    }

    /**
     * One case as statistics see it; a step is null unless done (REVIEW: accepted or refused;
     * TRANSFER_OUT: transferred out; TRANSFER_IN: completed).
     */
    public record CaseFact(YearMonth month, UUID workerId, String fromRegion, String toRegion, String scheme, String status,
                           StepDone review, StepDone transferOut, StepDone transferIn) {

        StepDone step(int i) {
            return switch (i) {
                case 0 -> review;
                case 1 -> transferOut;
                default -> transferIn;
            };
        }
    }

    /** Figures of one step in one cell: done, median working days (null when none done), with a deadline, within it. */
    public record StepFigures(int done, BigDecimal medianDays, int withDeadline, int withinDeadline) {
    }

    /** One cell: key (region, direction, scheme, status), distinct workers, cases, one {@link StepFigures} per step. */
    public record CellFigures(List<String> key, long persons, long cases, List<StepFigures> steps) {
    }

    private static final class Acc {
        long persons;
        long cases;
        final int[] done = new int[STEPS.size()];
        final int[] withDeadline = new int[STEPS.size()];
        final int[] within = new int[STEPS.size()];
        final List<TreeMap<Integer, Integer>> days = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    private TransferCube() {
    }

    /** The cells of one month from its cases, given in any order. */
    public static List<CellFigures> of(List<CaseFact> cases) {
        Map<List<String>, Acc> cells = new HashMap<>();
        Map<UUID, Set<List<String>>> keysOfWorker = new HashMap<>();
        for (CaseFact c : cases) {
            Set<List<String>> keys = keys(c);
            keysOfWorker.computeIfAbsent(c.workerId(), w -> new LinkedHashSet<>()).addAll(keys);
            for (List<String> key : keys) {
                Acc a = cells.computeIfAbsent(key, k -> new Acc());
                a.cases++;
                for (int i = 0; i < STEPS.size(); i++) {
                    StepDone s = c.step(i);
                    if (s != null) {
                        a.done[i]++;
                        a.days.get(i).merge(s.workingDays(), 1, Integer::sum);
                        if (s.withinDeadline() != null) {
                            a.withDeadline[i]++;
                            if (s.withinDeadline()) {
                                a.within[i]++;
                            }
                        }
                    }
                }
            }
        }
        for (Set<List<String>> keys : keysOfWorker.values()) {
            for (List<String> key : keys) {
                cells.get(key).persons++;
            }
        }
        List<CellFigures> out = new ArrayList<>(cells.size());
        cells.forEach((key, a) -> {
            List<StepFigures> steps = new ArrayList<>(STEPS.size());
            for (int i = 0; i < STEPS.size(); i++) {
                steps.add(new StepFigures(a.done[i], median(a.days.get(i), a.done[i]), a.withDeadline[i], a.within[i]));
            }
            out.add(new CellFigures(key, a.persons, a.cases, List.copyOf(steps)));
        });
        return out;
    }

    /** Every lattice cell a case counts in (see {@link TransferLattice}). */
    static Set<List<String>> keys(CaseFact c) {
        Set<List<String>> regionDirection = new LinkedHashSet<>();
        for (String region : regionNodes(c.fromRegion())) {
            regionDirection.add(List.of(region, TransferLattice.OUT));
            regionDirection.add(List.of(region, StatTable.ALL));
        }
        for (String region : regionNodes(c.toRegion())) {
            regionDirection.add(List.of(region, TransferLattice.IN));
            regionDirection.add(List.of(region, StatTable.ALL));
        }
        Set<List<String>> keys = new LinkedHashSet<>();
        for (List<String> rd : regionDirection) {
            for (String scheme : List.of(c.scheme(), StatTable.ALL)) {
                for (String status : List.of(c.status(), StatTable.ALL)) {
                    keys.add(List.of(rd.get(0), rd.get(1), scheme, status));
                }
            }
        }
        return keys;
    }

    private static List<String> regionNodes(String poolingRegion) {
        return List.of(poolingRegion, poolingRegion.substring(0, 2), StatTable.ALL);
    }

    /** The median of a histogram of {@code n} values: the middle value, or the mean of the two middle ones. */
    static BigDecimal median(TreeMap<Integer, Integer> histogram, int n) {
        if (n == 0) {
            return null;
        }
        int lower = value(histogram, (n - 1) / 2);
        int upper = value(histogram, n / 2);
        return BigDecimal.valueOf((long) lower + upper).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
    }

    private static int value(TreeMap<Integer, Integer> histogram, int position) {
        int seen = 0;
        for (Map.Entry<Integer, Integer> e : histogram.entrySet()) {
            seen += e.getValue();
            if (position < seen) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("position " + position + " beyond " + seen);
    }
}
