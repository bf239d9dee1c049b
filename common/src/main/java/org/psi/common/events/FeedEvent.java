package org.psi.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of a service's outbox as its feed delivers it: {@code seq} orders events in the order
 * their transactions committed, {@code id} is unique across sources (a consumer may dedupe by it),
 * {@code aggregateType} names the stream (what a reader may be entitled to), {@code aggregateId} the
 * thing that changed, {@code type} what happened, and {@code payload} the JSON it carries.
 */
public record FeedEvent(long seq, UUID id, String aggregateType, String aggregateId, String type, Instant occurredAt,
                        String payload) {
}
