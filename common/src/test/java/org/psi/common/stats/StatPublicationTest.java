package org.psi.common.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One answer built from a publication's declarations: its cells, totals, multi-valued dimensions and CSV. */
class StatPublicationTest {

    private static final YearMonth MARCH = YearMonth.of(2025, 3);

    enum Dim implements GroupingDimension {
        REGION, PROVINCE, SCHEME, AGE_BAND
    }

    record Cell(YearMonth month, List<String> key, long persons, boolean suppressed) implements StoredCell {
    }

    private static final List<Dimension> LATTICE = List.of(
            Dimension.of("region").withHierarchy(RegionNodes::parent).overlappingUnlessFixed("scheme"),
            Dimension.of("scheme").overlapping(),
            Dimension.of("ageBand"));

    private static final StatPublication<Dim, Cell> PUBLICATION = StatPublication.<Dim, Cell>of(Dim.class, LATTICE)
            .subject("things").path("/api/statistics/things").schemas("Thing", "ThingRefresh").about("things", "thing")
            .examples("2025-03", List.of(Dim.REGION), List.of(Dim.SCHEME))
            .figure(StatFigure.count("persons", Cell::persons, "null when withheld", 12, 120))
            .zero(month -> new Cell(month, List.of(), 0, false)).note("a note").csvExample("month,persons\r\n")
            .build();

    private static StatQuery<Dim> query(String groupBy, String scope) {
        return StatQuery.parse(Dim.class, null, "2025-02", "2025-04", groupBy == null ? null : List.of(groupBy), scope,
                YearMonth.of(2026, 1), 36);
    }

    private static StatAnswer answer(StatQuery<Dim> q, List<Cell> cells, List<Cell> totals) {
        Snapshot s = new Snapshot(1, Instant.parse("2025-03-20T08:00:00Z"), MARCH, 10, 0, 0, true);
        return PUBLICATION.answer(s, q, cells, totals);
    }

    @Test
    void apiNamesAreTheConstantsInLowerCamelCase() {
        assertEquals(List.of("region", "province", "scheme", "ageBand"),
                List.of(Dim.values()).stream().map(GroupingDimension::apiName).toList());
        assertEquals("region", Dim.PROVINCE.latticeDimension());
        assertEquals("530000", Dim.PROVINCE.shown("53"));
    }

    @Test
    void cellsShowTheGroupedDimensionsInDeclarationOrderAndEveryMonthUpToTheSnapshotHasATotal() {
        StatAnswer a = answer(query("ageBand,province", "*"),
                List.of(new Cell(MARCH, List.of("53", "*", "25-34"), 14, false),
                        new Cell(MARCH, List.of("53", "*", "55+"), 3, true)),
                List.of(new Cell(MARCH, List.of("*", "*", "*"), 17, false)));
        assertEquals(List.of("ageBand", "province"), a.groupBy());
        assertEquals(null, a.region());
        assertEquals(List.of(Map.of("month", "2025-03", "province", "530000", "ageBand", "25-34", "persons", 14L,
                "suppressed", false)), a.cells().subList(0, 1));
        assertEquals(List.of("month", "province", "ageBand", "persons", "suppressed"), List.copyOf(a.cells().get(0).keySet()));
        assertEquals(null, a.cells().get(1).get("persons"));
        // February is covered and has no stored total: a published zero; April is after the snapshot
        assertEquals(List.of("2025-02", "2025-03"), a.totals().stream().map(t -> t.get("month")).toList());
        assertEquals(0L, a.totals().get(0).get("persons"));
        assertEquals("month,ageBand,province,persons\r\n2025-02,TOTAL,TOTAL,0\r\n2025-03,25-34,530000,14\r\n"
                + "2025-03,55+,530000,x\r\n2025-03,TOTAL,TOTAL,17\r\n", PUBLICATION.csv(a));
    }

    @Test
    void theOverlappingRuleComesFromTheLattice() {
        StatAnswer byRegion = answer(query("region", "53"), List.of(), List.of());
        assertEquals(List.of("region"), byRegion.multiValued());
        assertEquals(false, byRegion.additive());
        assertEquals("530000", byRegion.region());
        assertEquals(List.of("scheme"), answer(query("region,scheme", "*"), List.of(), List.of()).multiValued());
        assertEquals(List.of("scheme"), answer(query("scheme,province", "*"), List.of(), List.of()).multiValued());
        StatAnswer byAge = answer(query("ageBand", "*"), List.of(), List.of());
        assertEquals(List.of(), byAge.multiValued());
        assertEquals(true, byAge.additive());
    }

    @Test
    void aPublicationDeclaresWhatItShows() {
        assertThrows(IllegalArgumentException.class, () -> StatPublication.<Dim, Cell>of(Dim.class, LATTICE.subList(1, 3)));
        assertThrows(NullPointerException.class, () -> StatPublication.<Dim, Cell>of(Dim.class, LATTICE)
                .figure(StatFigure.count("persons", Cell::persons, "", 1, 1)).build());
        assertEquals("things-2025-02-2025-04.csv", PUBLICATION.filename(query(null, "*")));
        assertEquals("/api/statistics/refresh", PUBLICATION.refreshPath());
    }
}
