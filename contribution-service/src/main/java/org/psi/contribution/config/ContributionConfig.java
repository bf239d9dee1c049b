package org.psi.contribution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Settings of feeds and payments ({@code psi.contribution.*}). */
@ConfigMapping(prefix = "psi.contribution")
public interface ContributionConfig {

    /** Lines per batch; more is 413. */
    @WithName("max-batch-lines")
    int maxBatchLines();

    /** The largest amount of one line or payment, in fen; more is bad input. */
    @WithName("max-amount-fen")
    long maxAmountFen();

    /** The most orders of one occupational-injury line. */
    @WithName("max-orders")
    long maxOrders();

    /** Log how long each phase of every feed took (for benchmarks). */
    @WithName("log-feed-timings")
    @io.smallrye.config.WithDefault("false")
    boolean logFeedTimings();

    /** Base64 key of the keyed hash of line contents (32 bytes). */
    @WithName("line-mac-key")
    String lineMacKey();
}
