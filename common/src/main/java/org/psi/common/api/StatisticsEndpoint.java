package org.psi.common.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.security.Caller;
import org.psi.common.stats.GroupingDimension;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.StatAnswer;
import org.psi.common.stats.StatCells;
import org.psi.common.stats.StatPublication;
import org.psi.common.stats.StatQuery;
import org.psi.common.stats.StoredCell;

/**
 * What a statistics resource of any service does, for one {@link StatPublication}: the request checked
 * (who may see which region, the months, the grouping: 400 and 403 as problems), the cells read from
 * the latest snapshot, the answer as JSON or CSV ({@link StatisticsResponses#respond}), and the refresh.
 * Made by {@link StatisticsEndpoints}.
 */
public final class StatisticsEndpoint<D extends Enum<D> & GroupingDimension, R extends StoredCell> {

    /** Who sees what, for the description of every statistics operation; the way a cell is withheld follows it. */
    public static final String ACCESS = "Auditors see the whole country, or `region`; an officer sees their own region (a"
            + " province officer its cities too), or a `region` inside it. Cells of 1 to 9 workers, and cells that would let"
            + " one be worked out from this or any other answer, are withheld";
    /** Where the figures come from, the end of the description of every statistics operation. */
    public static final String FRESHNESS = " The figures come from the latest scheduled computation, at `asOf` (also the"
            + " Last-Modified header).";
    /** The description of every refresh operation. */
    public static final String REFRESH = "They are recomputed on a schedule (psi.statistics.refresh-every); this runs it at once.";

    private final StatPublication<D, R> publication;
    private final StatCells<D, R> cells;
    private final Supplier<Snapshot> refresh;
    private final StatisticsConfig config;
    private final Caller caller;
    private final Clock clock;

    StatisticsEndpoint(StatPublication<D, R> publication, StatCells<D, R> cells, Supplier<Snapshot> refresh,
                       StatisticsConfig config, Caller caller, Clock clock) {
        this.publication = publication;
        this.cells = cells;
        this.refresh = refresh;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    /** The answer of a request, as JSON or (when asked for first) CSV. */
    public Response answer(StatisticsRequest request, HttpHeaders headers) {
        StatQuery<D> q = query(request.month(), request.from(), request.to(), request.region(), request.groupBy());
        StatQuery<D> answered = publication.prepare(q);
        Snapshot s = snapshot();
        StatAnswer answer = publication.answer(s, answered, cells.cells(s.id(), answered), cells.totals(s.id(), answered));
        return StatisticsResponses.respond(headers, answer.asOf(), answer, () -> publication.csv(answer), publication.filename(q));
    }

    /**
     * A request checked: the region the caller may see and asked for (see
     * {@link StatisticsResponses#scope}), the months and the grouping.
     */
    public StatQuery<D> query(String month, String from, String to, String region, List<String> groupBy) {
        String scope = StatisticsResponses.scope(caller, region);
        return StatQuery.parse(publication.dimensions(), month, from, to, groupBy, scope, YearMonth.now(clock),
                config.maxMonths());
    }

    /** The latest snapshot; the very first query of a new installation computes one. */
    public Snapshot snapshot() {
        return cells.snapshots().latest(publication.subject()).orElseGet(refresh);
    }

    /** Computes a new snapshot now; its time and size. */
    public Response refresh() {
        return Response.ok(publication.refreshed(refresh.get())).build();
    }
}
