package org.psi.transfer.saga;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How the saga worker runs: poll loop, parallelism, claim lease and retry backoff. */
@ConfigMapping(prefix = "psi.saga")
public interface SagaSettings {

    /** Whether this instance runs saga steps (poll loop and immediate kicks after a change). */
    boolean enabled();

    /** How often the poll loop looks for due steps (scheduler syntax: {@code 1s}, {@code 500ms}). */
    String pollInterval();

    /** How long after start the first poll runs. */
    String startDelay();

    /** How many due cases one poll claims. */
    int batchSize();

    /** How many saga steps run at once. */
    int concurrency();

    /**
     * How long a claimed step belongs to the worker that claimed it. A worker that dies mid-step loses
     * its claim after this, and the step is taken again from the database. A step that waited until less
     * than half of its lease is left (a full pool, a paused process) is checked again and its lease renewed
     * before its call, or dropped if another worker has taken it over. Keep the HTTP client's connect +
     * read timeouts under half the lease, so that a live call ends before another worker may repeat it.
     */
    Duration lease();

    Retry retry();

    interface Retry {
        /** The wait after the first failure; doubled after each further failure. */
        Duration initial();

        /** The longest wait between two attempts. */
        Duration max();
    }
}
