package org.psi.transfer.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The tamper-evident event trail: each event's hash covers its content and the hash of the event
 * before it (SHA-256, hex). The case row keeps the count and the hash of the last event, so that a
 * changed, removed, reordered or added event breaks the chain, including the last one.
 */
public final class EventChain {

    public static final String GENESIS = "0".repeat(64);

    private EventChain() {
    }

    public static String hash(String prevHash, UUID transferId, int seq, String type, Instant at, String actor, String data) {
        String canonical = String.join("\n", prevHash, transferId.toString(), Integer.toString(seq), type,
                at.toString(), actor, data);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome of checking a trail: valid, or the first event (1-based seq) where it breaks and why. */
    public record Verification(boolean valid, Integer brokenAt, String problem) {

        static Verification ok() {
            return new Verification(true, null, null);
        }
    }

    public static Verification verify(UUID transferId, List<TransferEvent> eventsInOrder, int expectedCount, String expectedHead) {
        String prev = GENESIS;
        for (int i = 0; i < eventsInOrder.size(); i++) {
            TransferEvent e = eventsInOrder.get(i);
            int seq = i + 1;
            if (e.seq != seq) {
                return new Verification(false, seq, "Event " + seq + " is missing");
            }
            if (!e.prevHash.equals(prev)) {
                return new Verification(false, seq, "Event " + seq + " does not follow the event before it");
            }
            String recomputed = hash(prev, transferId, e.seq, e.type, e.at, e.actor, e.data);
            if (!recomputed.equals(e.hash)) {
                return new Verification(false, seq, "Event " + seq + " was changed after it was written");
            }
            prev = e.hash;
        }
        if (eventsInOrder.size() != expectedCount || !prev.equals(expectedHead)) {
            int at = Math.min(eventsInOrder.size(), expectedCount) + 1;
            return new Verification(false, at, "The trail should have " + expectedCount + " events ending in "
                    + expectedHead.substring(0, 12) + "...; it has " + eventsInOrder.size());
        }
        return Verification.ok();
    }
}
