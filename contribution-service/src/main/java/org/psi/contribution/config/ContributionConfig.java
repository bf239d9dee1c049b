package org.psi.contribution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Settings of feeds and payments ({@code psi.contribution.*}). */
@ConfigMapping(prefix = "psi.contribution")
public interface ContributionConfig {

    /** The ceilings of the three limits below, which the OpenAPI document states. */
    int MAX_BATCH_LINES = 50_000;
    long MAX_AMOUNT_FEN = 10_000_000;
    long MAX_ORDERS = 100_000;

    /** Lines per batch; more is 413. At most {@value #MAX_BATCH_LINES}. */
    @WithName("max-batch-lines")
    @jakarta.validation.constraints.Min(1)
    @jakarta.validation.constraints.Max(MAX_BATCH_LINES)
    int maxBatchLines();

    /** The largest amount of one line or payment, in fen; more is bad input. At most {@value #MAX_AMOUNT_FEN}. */
    @WithName("max-amount-fen")
    @jakarta.validation.constraints.Min(1)
    @jakarta.validation.constraints.Max(MAX_AMOUNT_FEN)
    long maxAmountFen();

    /** The most orders of one occupational-injury line. At most {@value #MAX_ORDERS}. */
    @WithName("max-orders")
    @jakarta.validation.constraints.Min(1)
    @jakarta.validation.constraints.Max(MAX_ORDERS)
    long maxOrders();

    /** Log how long each phase of every feed took (for benchmarks). */
    @WithName("log-feed-timings")
    @io.smallrye.config.WithDefault("false")
    boolean logFeedTimings();

    /** Base64 key of the keyed hash of line contents (32 bytes). */
    @WithName("line-mac-key")
    String lineMacKey();

    /**
     * Base64 key of the blind index of citizen IDs (32 bytes), shared with the enrollment-service:
     * a feed line's ID is matched to a worker by it.
     */
    @WithName("blind-index-key")
    String blindIndexKey();

    /** How this service keeps its copy of the enrollment-service's facts. */
    Events events();

    interface Events {
        /** Pull the enrollment-service's events (off only in tests that hold the copy still). */
        @io.smallrye.config.WithDefault("true")
        boolean enabled();

        /** How long one pull may wait at the enrollment-service for an event (long poll). */
        @io.smallrye.config.WithDefault("10s")
        java.time.Duration waitFor();
    }

    /** Feed jobs ({@code /api/contribution-feeds}). */
    @WithName("feed-jobs")
    FeedJobs feedJobs();

    interface FeedJobs {
        /** The ceiling of {@link #chunkLines}: the lines of a batch. */
        int MAX_CHUNK_LINES = MAX_BATCH_LINES;
        /** The ceiling of {@link #maxBytes} (what the OpenAPI document states). */
        long MAX_BYTES = 8L << 30;

        /** The most bytes of an upload as sent (compressed or not); more is 413, while streaming. */
        @io.smallrye.config.WithDefault("2147483648")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(MAX_BYTES)
        long maxBytes();

        /** The most bytes of an upload once decompressed (a gzip bomb is 413 too). */
        @io.smallrye.config.WithDefault("8589934592")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(MAX_BYTES)
        long maxTextBytes();

        /** Feed lines per chunk: each chunk is applied as one batch, in its own transaction. */
        @io.smallrye.config.WithDefault("50000")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(MAX_CHUNK_LINES)
        int chunkLines();

        /** The longest text line of an upload, in bytes. */
        @io.smallrye.config.WithDefault("65536")
        @jakarta.validation.constraints.Min(256)
        @jakarta.validation.constraints.Max(1 << 20)
        int maxLineBytes();

        /** How many chunks an instance applies at a time (of one job or several). */
        @io.smallrye.config.WithDefault("2")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(16)
        int workers();

        /** How often an instance looks for chunks to apply ("off": never, in tests that hold jobs still). */
        @io.smallrye.config.WithDefault("1s")
        String pollEvery();

        /** An upload still RECEIVING after this long was cut off (a crash): it is deleted. */
        @io.smallrye.config.WithDefault("1h")
        java.time.Duration abandonedAfter();
    }

    /** How often the service checks that this month has been opened (its months assessed). */
    @WithName("month-opening-check")
    @io.smallrye.config.WithDefault("10m")
    String monthOpeningCheck();
}
