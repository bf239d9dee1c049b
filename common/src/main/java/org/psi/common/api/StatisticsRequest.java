package org.psi.common.api;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of every {@code GET /api/statistics/...} endpoint. The examples, and what
 * {@code groupBy} takes, are documented from the endpoint's publication (see
 * {@link org.psi.common.stats.StatPublication}).
 */
public class StatisticsRequest {

    @Parameter(description = "One month, YYYY-MM")
    @QueryParam("month")
    String month;

    @Parameter(description = "First month of a range, YYYY-MM")
    @QueryParam("from")
    String from;

    @Parameter(description = "Last month of a range, YYYY-MM (at most 36 months)")
    @QueryParam("to")
    String to;

    @Parameter(description = "A province (NN0000, with its cities) or a city (NNNN00)", example = "530000")
    @QueryParam("region")
    String region;

    @QueryParam("groupBy")
    List<String> groupBy;

    public String month() {
        return month;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String region() {
        return region;
    }

    /** The groupBy parameters as given: each comma-separated, possibly repeated. */
    public List<String> groupBy() {
        return groupBy;
    }
}
