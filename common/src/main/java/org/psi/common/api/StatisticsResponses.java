package org.psi.common.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.StatCsv;

/**
 * What every {@code /api/statistics/...} endpoint does the same way: who may see which region, and
 * the answer as JSON or as CSV ({@code Accept: text/csv}) with its freshness in {@code Last-Modified}.
 */
public final class StatisticsResponses {

    private StatisticsResponses() {
    }

    /**
     * The region node the caller may see and asked for: an auditor the country or any {@code region};
     * an officer their own region (a province with its cities), or a {@code region} inside it (403
     * otherwise; a county officer has none, statistics being kept by province and city).
     */
    public static String scope(Caller caller, String region) {
        RegionCode filter = region == null ? null : PoolingRegions.requireKnown(region, "region");
        if (caller.is(Roles.AUDITOR)) {
            return RegionNodes.scopeOf(filter);
        }
        RegionCode own = caller.officerRegion();
        if (own.level() == RegionCode.Level.COUNTY) {
            throw ProblemException.forbidden("common.stats.county-officer");
        }
        RegionCode target = filter == null ? own : filter;
        if (!own.covers(target)) {
            throw ProblemException.forbidden("common.stats.own-region-only", own);
        }
        return RegionNodes.scopeOf(target);
    }

    /** JSON, or CSV when the client asks for CSV before JSON; {@code Last-Modified} = when the figures were computed. */
    public static Response respond(HttpHeaders headers, Instant asOf, Object json, Supplier<String> csv, String filename) {
        Response.ResponseBuilder r = wantsCsv(headers)
                ? Response.ok(csv.get(), StatCsv.MEDIA_TYPE + ";charset=UTF-8")
                        .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                : Response.ok(json, MediaType.APPLICATION_JSON_TYPE);
        return r.lastModified(Date.from(asOf)).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        MediaType csv = MediaType.valueOf(StatCsv.MEDIA_TYPE);
        for (MediaType m : AcceptHeader.acceptable(headers)) {
            if (m.isWildcardType() || m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (m.isCompatible(csv)) {
                return true;
            }
        }
        return false;
    }
}
