package org.psi.common.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Supplier;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.security.Caller;
import org.psi.common.stats.GroupingDimension;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.StatCells;
import org.psi.common.stats.StatPublication;
import org.psi.common.stats.StoredCell;

/** Makes the {@link StatisticsEndpoint} a service's statistics resource delegates to. */
@ApplicationScoped
public class StatisticsEndpoints {

    private final StatisticsConfig config;
    private final Caller caller;
    private final Clock clock;

    public StatisticsEndpoints(StatisticsConfig config, Caller caller, Clock clock) {
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * The endpoint of {@code publication}, answering from the latest snapshot in {@code cells}; the
     * very first query of a new installation computes one with {@code refresh}, which is also what
     * {@code POST /api/statistics/refresh} runs.
     */
    public <D extends Enum<D> & GroupingDimension, R extends StoredCell> StatisticsEndpoint<D, R> of(
            StatPublication<D, R> publication, StatCells<D, R> cells, Supplier<Snapshot> refresh) {
        return new StatisticsEndpoint<>(publication, cells, refresh, config, caller, clock);
    }
}
