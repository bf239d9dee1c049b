package org.psi.common.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of a service's outbox and of the feed its readers pull (every value has a default, so a
 * service without an outbox needs none of them).
 */
@ConfigMapping(prefix = "psi.events")
public interface EventSettings {

    /**
     * Who may read which streams: the OIDC client id of a reading service, mapped to the aggregate
     * types it is entitled to (need to know: the contribution-service reads what feeds and
     * certificates need, the transfer-service what the transfer rules need). A client not listed
     * reads nothing.
     */
    Map<String, List<String>> readers();

    /** How long a reader may wait in one request for events to arrive (a longer wait is cut to this). */
    @WithDefault("20s")
    Duration maxWait();

    /**
     * How long a change's response may wait for the live readers of its streams to apply it
     * (read-your-writes); a reader that has not asked for events within {@link #readerLiveness()}
     * is not waited for.
     */
    @WithDefault("1s")
    Duration readYourWritesTimeout();

    /**
     * A reader that asked for events within this time, or is waiting for them now, counts as live (a
     * waiting reader is marked seen every second).
     */
    @WithDefault("3s")
    Duration readerLiveness();

    /** Events are kept this long, then pruned once every reader has passed them. */
    @WithDefault("30d")
    Duration retention();

    /** How often old events are pruned ("off" in a service without an outbox). */
    @WithDefault("off")
    String pruneEvery();
}
