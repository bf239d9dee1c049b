package org.psi.contribution.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;

class LateContributionRuleTest {

    static final UUID WORKER = UUID.randomUUID();
    static final YearMonth MONTH = YearMonth.of(2026, 3);
    static final Instant T1 = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2026-09-01T00:00:00Z");

    static LateContributionRule.Transfer committed(String from, String to, Instant at) {
        return new LateContributionRule.Transfer(WORKER, Scheme.PENSION, from, to, at);
    }

    static PostingDraft payment(long amount, String region) {
        PostingDraft d = new PostingDraft(PostingKind.CONTRIBUTION, "platform:A", "r" + amount, null, null, 1, WORKER,
                Scheme.PENSION, region, MONTH.toString(), MONTH, amount, amount * 8 / 20, amount - amount * 8 / 20, null,
                null, null, Instant.now());
        d.baseFen = 1_000_000L;
        d.dueFen = 200_000L;
        return d;
    }

    record History(Map<YearMonth, Long> paid, Map<YearMonth, Long> moved) implements LateContributionRule.History {
        @Override
        public Map<YearMonth, Long> paidSoFar(UUID workerId, Scheme scheme, Set<YearMonth> months) {
            return paid;
        }

        @Override
        public Map<YearMonth, Long> movedPooled(UUID workerId, Scheme scheme, String region) {
            return moved;
        }
    }

    @Test
    void theDestinationIsWhereTheFundsMovedLast() {
        assertEquals(Optional.empty(), LateContributionRule.destination(List.of(), "440000"));
        assertEquals(Optional.of("310000"), LateContributionRule.destination(List.of(committed("440000", "310000", T1)), "440000"));
        // moved on again: forwarded straight to the current region
        assertEquals(Optional.of("320000"), LateContributionRule.destination(
                List.of(committed("310000", "320000", T2), committed("440000", "310000", T1)), "440000"));
        // back where the month was: nothing to forward
        assertEquals(Optional.empty(), LateContributionRule.destination(
                List.of(committed("440000", "310000", T1), committed("310000", "440000", T2)), "440000"));
        // a hold not yet committed moves nothing yet
        assertEquals(Optional.empty(), LateContributionRule.destination(
                List.of(new LateContributionRule.Transfer(WORKER, Scheme.PENSION, "440000", "310000", null)), "440000"));
        // a region never left through a transfer
        assertEquals(Optional.empty(), LateContributionRule.destination(List.of(committed("440000", "310000", T1)), "500000"));
    }

    @Test
    void theIndividualPartFollowsAtOnceAndTwelvePercentOnceTheMonthIsPaidInFull() {
        PostingDraft first = payment(150_000, "440000");
        PostingDraft second = payment(50_000, "440000");
        LateContributionRule.apply(List.of(first, second), List.of(committed("440000", "310000", T1)),
                new History(new HashMap<>(), new HashMap<>()));
        assertEquals("310000", first.forwardedTo);
        assertEquals(60_000, first.forwardedIndividualFen);
        assertEquals(0, first.forwardedPooledFen, "150,000 of 200,000: not yet paid in full");
        assertEquals(20_000, second.forwardedIndividualFen);
        assertEquals(120_000, second.forwardedPooledFen, "12% of the 1,000,000 base");
        assertEquals(1, second.movedMonths.size());
        // the posting still balances
        long debits = second.legs().stream().filter(Leg::debit).mapToLong(Leg::amountFen).sum();
        long credits = second.legs().stream().filter(l -> !l.debit()).mapToLong(Leg::amountFen).sum();
        assertEquals(debits, credits);
    }

    @Test
    void aMonthMovedByTheTransferIsNotMovedAgainAndAReversalTakesItBack() {
        PostingDraft overpaid = payment(10_000, "440000");
        LateContributionRule.apply(List.of(overpaid), List.of(committed("440000", "310000", T1)),
                new History(Map.of(MONTH, 200_000L), Map.of(MONTH, 120_000L)));
        assertEquals(4_000, overpaid.forwardedIndividualFen);
        assertEquals(0, overpaid.forwardedPooledFen);
        assertTrue(overpaid.movedMonths.isEmpty());

        PostingDraft reversal = new PostingDraft(PostingKind.REVERSAL, "platform:A", "rev", null, null, 1, WORKER,
                Scheme.PENSION, "440000", MONTH.toString(), MONTH, -100_000, -40_000, -60_000, null, null, null, Instant.now());
        reversal.baseFen = 1_000_000L;
        reversal.dueFen = 200_000L;
        LateContributionRule.apply(List.of(reversal), List.of(committed("440000", "310000", T1)),
                new History(Map.of(MONTH, 200_000L), Map.of(MONTH, 120_000L)));
        assertEquals(-40_000, reversal.forwardedIndividualFen);
        assertEquals(-120_000, reversal.forwardedPooledFen, "no longer paid in full: the 12% comes back");
    }

    @Test
    void contributionsWhereTheWorkerIsAreNotTouched() {
        PostingDraft here = payment(100_000, "310000");
        LateContributionRule.apply(List.of(here), List.of(committed("440000", "310000", T1)),
                new History(Map.of(), Map.of()));
        assertNull(here.forwardedTo);
        assertEquals(3, here.legs().size());
    }
}
