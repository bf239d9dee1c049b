package org.psi.transfer.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.psi.common.stats.StatTable;
import org.psi.common.stats.Suppression;
import org.psi.transfer.stats.TransferCube.CaseFact;
import org.psi.transfer.stats.TransferCube.CellFigures;
import org.psi.transfer.stats.TransferCube.StepDone;

/** The lattice of one month computed from cases, without Quarkus. */
class TransferCubeTest {

    private static final YearMonth MONTH = YearMonth.of(2021, 3);

    private static CaseFact fact(UUID worker, String scheme, String from, String to, String status, Integer reviewDays,
                                 Boolean reviewInTime) {
        StepDone review = reviewDays == null ? null : new StepDone(reviewDays, reviewInTime);
        return new CaseFact(MONTH, worker, from, to, scheme, status, review, null, null);
    }

    private static Map<List<String>, CellFigures> cube(List<CaseFact> facts) {
        return TransferCube.of(facts).stream().collect(Collectors.toMap(CellFigures::key, Function.identity()));
    }

    @Test
    void aCaseCountsOutOfItsSourceAndIntoItsDestinationAndOnceWhereBothMeet() {
        // Kunming to Shenzhen and Guangzhou to Shenzhen: medical, city to city
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Map<List<String>, CellFigures> cells = cube(List.of(
                fact(a, "MEDICAL", "530100", "440300", "SUBMITTED", null, null),
                fact(b, "MEDICAL", "440100", "440300", "SUBMITTED", null, null)));
        assertEquals(1, cells.get(List.of("530100", "OUT", "*", "*")).persons());
        assertEquals(1, cells.get(List.of("53", "*", "*", "*")).persons());
        assertEquals(2, cells.get(List.of("440300", "IN", "*", "*")).persons());
        assertEquals(2, cells.get(List.of("44", "IN", "*", "*")).persons());
        assertEquals(1, cells.get(List.of("44", "OUT", "*", "*")).persons());
        // Guangdong: one case in and out of it counts once without a direction
        assertEquals(2, cells.get(List.of("44", "*", "*", "*")).persons());
        assertEquals(2, cells.get(List.of("*", "*", "*", "*")).persons());
        assertEquals(2, cells.get(List.of("*", "IN", "MEDICAL", "SUBMITTED")).persons());
        // every total the suppression needs is there
        StatTable.Builder table = StatTable.builder(TransferLattice.DIMENSIONS);
        cells.values().forEach(c -> table.put(c.key(), c.persons()));
        new Suppression().protect(table.build());
    }

    @Test
    void cellsCountDistinctWorkersAndCases() {
        UUID worker = UUID.randomUUID();
        // cancelled, then applied again in the same month
        Map<List<String>, CellFigures> cells = cube(List.of(
                fact(worker, "PENSION", "530000", "620000", "CANCELLED", null, null),
                fact(worker, "PENSION", "530000", "620000", "SUBMITTED", null, null)));
        CellFigures total = cells.get(List.of("*", "*", "*", "*"));
        assertEquals(1, total.persons());
        assertEquals(2, total.cases());
        assertEquals(1, cells.get(List.of("*", "*", "*", "CANCELLED")).persons());
    }

    @Test
    void mediansAndDeadlinesPerStep() {
        List<CaseFact> facts = new ArrayList<>();
        int[] days = {4, 1, 9, 2};
        for (int d : days) {
            facts.add(fact(UUID.randomUUID(), "PENSION", "530000", "620000", "ACCEPTED", d, d <= 3));
        }
        facts.add(fact(UUID.randomUUID(), "PENSION", "530000", "620000", "SUBMITTED", null, null));
        CellFigures total = cube(facts).get(List.of("*", "*", "*", "*"));
        assertEquals(new BigDecimal("3.0"), total.steps().get(0).medianDays(), "(2 + 4) / 2");
        assertEquals(4, total.steps().get(0).done());
        assertEquals(4, total.steps().get(0).withDeadline());
        assertEquals(2, total.steps().get(0).withinDeadline());
        assertNull(total.steps().get(1).medianDays());
        facts.add(fact(UUID.randomUUID(), "MEDICAL", "530100", "620100", "ACCEPTED", 8, null));
        CellFigures five = cube(facts).get(List.of("*", "*", "*", "*"));
        assertEquals(new BigDecimal("4.0"), five.steps().get(0).medianDays(), "1 2 4 8 9");
        assertEquals(5, five.steps().get(0).done());
        assertEquals(4, five.steps().get(0).withDeadline(), "a medical review has no deadline");
    }
}
