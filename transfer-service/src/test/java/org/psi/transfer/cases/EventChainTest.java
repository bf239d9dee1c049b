package org.psi.transfer.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventChainTest {

    private static TransferCase newCase() {
        TransferCase c = new TransferCase();
        c.id = UUID.randomUUID();
        c.eventCount = 0;
        c.lastEventHash = EventChain.GENESIS;
        return c;
    }

    private static List<TransferEvent> trail(TransferCase c) {
        List<TransferEvent> events = new ArrayList<>();
        Instant t = Instant.parse("2026-03-02T02:00:00.123456789Z");
        events.add(TransferEvent.append(c, "SUBMITTED", "worker", Map.of("toRegion", "310000"), t));
        events.add(TransferEvent.append(c, "FUNDS_HELD", "saga", Map.of("individualAccountFen", 100), t.plusSeconds(1)));
        events.add(TransferEvent.append(c, "ACCEPTED", "officer:310000:x", Map.of(), t.plusSeconds(2)));
        events.add(TransferEvent.append(c, "REJECTED", "officer:310000:x", Map.of("reason", "line 1\nline 2 \\ end"), t.plusSeconds(3)));
        return events;
    }

    @Test
    void anIntactTrailVerifiesAndEachEventCarriesThePreviousHash() {
        TransferCase c = newCase();
        List<TransferEvent> events = trail(c);
        assertTrue(EventChain.verify(c.id, events, c.eventCount, c.lastEventHash).valid());
        assertEquals(EventChain.GENESIS, events.get(0).prevHash);
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i - 1).hash, events.get(i).prevHash);
        }
        assertEquals(events.get(3).hash, c.lastEventHash);
        assertEquals("line 1\nline 2 \\ end", events.get(3).dataMap().get("reason"));
    }

    @Test
    void aChangedEventIsDetected() {
        TransferCase c = newCase();
        List<TransferEvent> events = trail(c);
        events.get(1).data = "individualAccountFen=1";
        EventChain.Verification v = EventChain.verify(c.id, events, c.eventCount, c.lastEventHash);
        assertFalse(v.valid());
        assertEquals(2, v.brokenAt());
    }

    @Test
    void aChangedEventWithARecomputedHashBreaksTheNextLink() {
        TransferCase c = newCase();
        List<TransferEvent> events = trail(c);
        TransferEvent e = events.get(1);
        e.actor = "someone-else";
        e.hash = EventChain.hash(e.prevHash, c.id, e.seq, e.type, e.at, e.actor, e.data);
        EventChain.Verification v = EventChain.verify(c.id, events, c.eventCount, c.lastEventHash);
        assertFalse(v.valid());
        assertEquals(3, v.brokenAt());
    }

    @Test
    void aRemovedEventIsDetectedInTheMiddleAndAtTheEnd() {
        TransferCase c = newCase();
        List<TransferEvent> events = trail(c);
        List<TransferEvent> middle = new ArrayList<>(events);
        middle.remove(1);
        assertFalse(EventChain.verify(c.id, middle, c.eventCount, c.lastEventHash).valid());
        List<TransferEvent> last = new ArrayList<>(events);
        last.remove(3);
        EventChain.Verification v = EventChain.verify(c.id, last, c.eventCount, c.lastEventHash);
        assertFalse(v.valid());
        assertEquals(4, v.brokenAt());
    }

    @Test
    void anEventMovedToAnotherCaseDoesNotVerify() {
        TransferCase c = newCase();
        List<TransferEvent> events = trail(c);
        assertFalse(EventChain.verify(UUID.randomUUID(), events, c.eventCount, c.lastEventHash).valid());
    }
}
