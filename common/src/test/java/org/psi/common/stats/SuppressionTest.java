package org.psi.common.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final String ALL = StatTable.ALL;
    private static final Dimension ROW = Dimension.of("row");
    private static final Dimension COL = Dimension.of("col");

    /** A two-dimensional table with its margins, built by adding up the inner cells. */
    private static StatTable grid(long[][] inner) {
        StatTable.Builder b = StatTable.builder(List.of(ROW, COL));
        for (int r = 0; r < inner.length; r++) {
            for (int c = 0; c < inner[r].length; c++) {
                if (inner[r][c] > 0) {
                    b.rollUp(List.of("r" + r, "c" + c), inner[r][c]);
                }
            }
        }
        return b.build();
    }

    private static List<String> cell(int r, int c) {
        return List.of("r" + r, "c" + c);
    }

    @Test
    void cellsUnderTheThresholdAreWithheldAndZeroAndLargeOnesAreNot() {
        StatTable.Builder b = StatTable.builder(List.of(Dimension.of("sex")));
        b.put(List.of(ALL), 40).put(List.of("MALE"), 40).put(List.of("FEMALE"), 0);
        ProtectedTable t = new Suppression().protect(b.build());
        assertFalse(t.isSuppressed(List.of("FEMALE")), "zero is published");
        assertEquals(40, t.published(List.of("MALE")).orElseThrow().persons());

        StatTable.Builder small = StatTable.builder(List.of(Dimension.of("sex")));
        small.put(List.of(ALL), 9).put(List.of("MALE"), 9);
        ProtectedTable s = new Suppression().protect(small.build());
        assertEquals(SuppressionReason.PRIMARY, s.reason(List.of("MALE")).orElseThrow());
        assertEquals(SuppressionReason.PRIMARY, s.reason(List.of(ALL)).orElseThrow());
        assertTrue(s.published(List.of("MALE")).isEmpty());
        assertEquals(0, s.published(List.of("UNKNOWN")).orElseThrow().persons(), "a cell the table lacks counts zero");
    }

    @Test
    void theThresholdIsConfigurable() {
        StatTable.Builder b = StatTable.builder(List.of(Dimension.of("sex")));
        b.put(List.of(ALL), 30).put(List.of("MALE"), 10).put(List.of("FEMALE"), 20);
        assertFalse(new Suppression().protect(b.build()).isSuppressed(List.of("MALE")), "10 persons are published at 10");
        ProtectedTable t = new Suppression(11).protect(b.build());
        assertEquals(SuppressionReason.PRIMARY, t.reason(List.of("MALE")).orElseThrow());
        assertEquals(11, t.threshold());
        assertThrows(IllegalArgumentException.class, () -> new Suppression(0));
    }

    @Test
    void aLineWithOneWithheldCellGetsItsSmallestOtherCellWithheld() {
        StatTable.Builder b = StatTable.builder(List.of(Dimension.of("ageBand")));
        b.put(List.of(ALL), 60).put(List.of("16-24"), 3).put(List.of("25-34"), 12).put(List.of("35-44"), 45);
        ProtectedTable t = new Suppression().protect(b.build());
        assertEquals(SuppressionReason.PRIMARY, t.reason(List.of("16-24")).orElseThrow());
        assertEquals(SuppressionReason.SECONDARY_LINE, t.reason(List.of("25-34")).orElseThrow(), "the next smallest");
        assertFalse(t.isSuppressed(List.of("35-44")));
        assertFalse(t.isSuppressed(List.of(ALL)), "the total stays published");
        assertTrue(RecoveryCheck.exposed(t).isEmpty());
    }

    @Test
    void aWithheldTotalIsNotLeftAloneAmongPublishedCells() {
        // rows: r0 = {3, 20}, r1 = {30, 40}. The 3 takes 20 along its row and 30 along its column;
        // then column c1 (20 withheld) takes 40, and the totals stay published.
        ProtectedTable t = new Suppression().protect(grid(new long[][] {{3, 20}, {30, 40}}));
        assertEquals(SuppressionReason.PRIMARY, t.reason(cell(0, 0)).orElseThrow());
        assertTrue(t.isSuppressed(cell(0, 1)));
        assertTrue(t.isSuppressed(cell(1, 0)));
        assertTrue(t.isSuppressed(cell(1, 1)));
        assertTrue(RecoveryCheck.exposed(t).isEmpty());
        assertNoLineHoldsExactlyOne(t);

        // a total with a single cell below it: when one is withheld, so is the other
        Dimension region = Dimension.of("region").withHierarchy(r -> r.length() == 6 ? r.substring(0, 2) : null);
        StatTable.Builder b = StatTable.builder(List.of(region, Dimension.of("sex")));
        b.rollUp(List.of("530000", "MALE"), 4);
        b.rollUp(List.of("530000", "FEMALE"), 30);
        b.rollUp(List.of("620000", "MALE"), 25);
        b.rollUp(List.of("620000", "FEMALE"), 26);
        ProtectedTable h = new Suppression().protect(b.build());
        assertTrue(h.isSuppressed(List.of("530000", "MALE")));
        assertTrue(h.isSuppressed(List.of("53", "MALE")), "the province equals its only pooling region");
        assertTrue(h.isSuppressed(List.of("53", "FEMALE")));
        assertTrue(RecoveryCheck.exposed(h).isEmpty());
        assertNoLineHoldsExactlyOne(h);
    }

    @Test
    void aCellBridgingTwoProtectedGroupsIsCaughtByTheAudit() {
        // Nine small cells: two 2x2 blocks and one cell (r1, c2) linking them. Every row and column
        // holds two or more withheld cells, so the line rule is content, yet (r1, c2) equals
        // row r0 + row r1 - column c0 - column c1 of published figures.
        long[][] inner = new long[6][6];
        for (long[] row : inner) {
            java.util.Arrays.fill(row, 50);
        }
        int[][] small = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 2}, {2, 3}, {3, 2}, {3, 3}};
        for (int[] s : small) {
            inner[s[0]][s[1]] = 2 + s[0];
        }
        ProtectedTable t = new Suppression().protect(grid(inner));
        for (int[] s : small) {
            assertEquals(SuppressionReason.PRIMARY, t.reason(cell(s[0], s[1])).orElseThrow());
        }
        assertTrue(t.counts().get(SuppressionReason.SECONDARY_AUDIT) > 0, "the audit withheld more");
        assertEquals(Map.of(), RecoveryCheck.exposed(t));
        assertNoLineHoldsExactlyOne(t);
        assertTrue(t.fullyAudited());
    }

    @Test
    void withoutTheAuditTheBridgeWouldBeSolved() {
        // the same pattern judged by the attacker directly: it is what the line rule alone leaves
        long[][] inner = new long[6][6];
        for (long[] row : inner) {
            java.util.Arrays.fill(row, 50);
        }
        int[][] small = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 2}, {2, 3}, {3, 2}, {3, 3}};
        for (int[] s : small) {
            inner[s[0]][s[1]] = 2 + s[0];
        }
        ProtectedTable lineRuleOnly = new Suppression(10, 0).protect(grid(inner));
        assertFalse(lineRuleOnly.fullyAudited());
        assertEquals(Map.of(cell(1, 2), 3.0), RecoveryCheck.exposed(lineRuleOnly));
    }

    @Test
    void randomTablesNeverExposeASmallCell() {
        Dimension region = Dimension.of("region").withHierarchy(r -> r.length() == 6 ? r.substring(0, 2) : null);
        List<String> regions = List.of("530000", "530100", "530300", "620000", "620100");
        List<String> sexes = List.of("MALE", "FEMALE");
        List<String> bands = AgeBand.labels();
        Random random = new Random(6);
        for (int round = 0; round < 40; round++) {
            StatTable.Builder b = StatTable.builder(List.of(region, Dimension.of("sex"), Dimension.of("ageBand")));
            for (String r : regions) {
                for (String s : sexes) {
                    for (String a : bands) {
                        int draw = random.nextInt(10);
                        long n = draw < 3 ? 0 : draw < 6 ? 1 + random.nextInt(9) : 10 + random.nextInt(40);
                        if (n > 0) {
                            b.rollUp(List.of(r, s, a), n);
                        }
                    }
                }
            }
            ProtectedTable t = new Suppression().protect(b.build());
            for (ProtectedTable.Cell c : t.cells()) {
                if (c.figures().persons() > 0 && c.figures().persons() < 10) {
                    assertTrue(c.suppressed(), "round " + round + ": " + c.key());
                }
            }
            assertNoLineHoldsExactlyOne(t);
            assertEquals(Map.of(), RecoveryCheck.exposed(t), "round " + round);
        }
    }

    @Test
    void overlappingDimensionsAreProtectedByLinesAndSumsAddUpEverywhere() {
        // workers counted under each platform they work for: platform cells exceed the total
        Dimension platform = Dimension.of("platform").overlapping();
        StatTable.Builder b = StatTable.builder(List.of(platform));
        b.put(List.of(ALL), 30).put(List.of("FASTMEAL"), 25).put(List.of("QUICKRIDE"), 18).put(List.of("TINY"), 4);
        ProtectedTable t = new Suppression().protect(b.build());
        assertTrue(t.isSuppressed(List.of("TINY")));
        assertEquals(SuppressionReason.SECONDARY_LINE, t.reason(List.of("QUICKRIDE")).orElseThrow());
        assertFalse(t.isSuppressed(List.of("FASTMEAL")));

        // with a sum (amounts in fen), the line adds up and the audit treats it as an equation
        StatTable.Builder withSums = StatTable.builder(List.of(platform), "amountFen");
        withSums.put(List.of(ALL), 30, 90_000).put(List.of("FASTMEAL"), 25, 50_000)
                .put(List.of("QUICKRIDE"), 18, 36_000).put(List.of("TINY"), 4, 4_000);
        ProtectedTable s = new Suppression().protect(withSums.build());
        assertTrue(s.published(List.of("TINY")).isEmpty(), "a withheld cell hides its sums too");
        assertEquals(50_000, s.published(List.of("FASTMEAL")).orElseThrow().sum(0));
        assertTrue(RecoveryCheck.exposed(s).isEmpty());
    }

    @Test
    void regionIsExclusiveOnceTheSchemeIsFixed() {
        Dimension region = Dimension.of("region").withHierarchy(r -> r.length() == 6 ? r.substring(0, 2) : null)
                .overlappingUnlessFixed("scheme");
        Dimension scheme = Dimension.of("scheme").overlapping();
        StatTable.Builder b = StatTable.builder(List.of(region, scheme));
        // 20 workers: all in PENSION at 530000, 5 of them also in MEDICAL at 530100
        b.put(List.of(ALL, ALL), 20).put(List.of("53", ALL), 20).put(List.of("530000", ALL), 20)
                .put(List.of("530100", ALL), 5)
                .put(List.of(ALL, "PENSION"), 20).put(List.of("53", "PENSION"), 20).put(List.of("530000", "PENSION"), 20)
                .put(List.of(ALL, "MEDICAL"), 5).put(List.of("53", "MEDICAL"), 5).put(List.of("530100", "MEDICAL"), 5);
        ProtectedTable t = new Suppression().protect(b.build());
        assertTrue(t.isSuppressed(List.of("530100", "MEDICAL")));
        assertTrue(t.isSuppressed(List.of("530100", ALL)));
        assertTrue(t.isSuppressed(List.of(ALL, "MEDICAL")));
        assertNoLineHoldsExactlyOne(t);
        assertEquals(Map.of(), RecoveryCheck.exposed(t));
    }

    @Test
    void thePatternDependsOnTheFiguresOnlyNotOnTheOrderTheyCameIn() {
        long[][] inner = {{3, 20, 14}, {30, 2, 40}, {11, 12, 13}};
        List<long[]> entries = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                entries.add(new long[] {r, c, inner[r][c]});
            }
        }
        Set<List<String>> first = null;
        Random random = new Random(1);
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(entries, random);
            StatTable.Builder b = StatTable.builder(List.of(ROW, COL));
            for (long[] e : entries) {
                b.rollUp(List.of("r" + e[0], "c" + e[1]), e[2]);
            }
            ProtectedTable t = new Suppression().protect(b.build());
            Set<List<String>> pattern = t.cells().stream().filter(ProtectedTable.Cell::suppressed)
                    .map(ProtectedTable.Cell::key).collect(Collectors.toSet());
            if (first == null) {
                first = pattern;
            }
            assertEquals(first, pattern);
        }
    }

    @Test
    void aTableMustHoldEveryTotal() {
        StatTable.Builder b = StatTable.builder(List.of(ROW, COL));
        b.put(List.of("r0", "c0"), 12).put(List.of("r0", ALL), 12).put(List.of(ALL, ALL), 12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("[*, c0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> StatTable.builder(List.of(ROW)).put(List.of("r0"), 1).put(List.of("r0"), 2));
        assertThrows(IllegalArgumentException.class, () -> StatTable.builder(List.of(ROW)).put(List.of("r0", "x"), 1));
        assertThrows(IllegalArgumentException.class, () -> StatTable.builder(List.of(ROW)).put(List.of("r0"), -1));
        assertThrows(IllegalStateException.class,
                () -> StatTable.builder(List.of(Dimension.of("platform").overlapping())).rollUp(List.of("A"), 1));
    }

    @Test
    void rollUpFillsEveryLevelOfAHierarchy() {
        Dimension region = Dimension.of("region").withHierarchy(r -> r.length() == 6 ? r.substring(0, 2) : null);
        StatTable.Builder b = StatTable.builder(List.of(region, Dimension.of("sex")), "amountFen");
        b.rollUp(List.of("530000", "MALE"), 12, 100);
        b.rollUp(List.of("530100", "MALE"), 3, 50);
        StatTable t = b.build();
        assertEquals(15, t.figures(List.of("53", "MALE")).orElseThrow().persons());
        assertEquals(150, t.figures(List.of(ALL, ALL)).orElseThrow().sum(0));
        assertEquals(8, t.size(), "2 pooling regions, their province and the total, by sex and both: " + t.keys());
    }

    private static void assertNoLineHoldsExactlyOne(ProtectedTable t) {
        StatTable table = t.table();
        List<Dimension> dims = table.dimensions();
        Map<List<Object>, List<List<String>>> lines = new java.util.HashMap<>();
        for (List<String> key : table.keys()) {
            for (int d = 0; d < dims.size(); d++) {
                if (!ALL.equals(key.get(d))) {
                    List<String> parent = new ArrayList<>(key);
                    parent.set(d, dims.get(d).parentOf(key.get(d)));
                    lines.computeIfAbsent(List.of(List.copyOf(parent), d), x -> new ArrayList<>()).add(key);
                }
            }
        }
        Set<String> bad = new HashSet<>();
        lines.forEach((line, children) -> {
            @SuppressWarnings("unchecked")
            List<String> total = (List<String>) line.get(0);
            long withheld = children.stream().filter(t::isSuppressed).count() + (t.isSuppressed(total) ? 1 : 0);
            if (withheld == 1) {
                bad.add(total + " along " + dims.get((Integer) line.get(1)));
            }
        });
        assertEquals(Set.of(), bad, "lines holding exactly one withheld figure");
    }
}
