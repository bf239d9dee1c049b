package org.psi.enrollment.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;

/**
 * Platforms report how many workers they had active per month and region, so that statistics can
 * set insured workers against them. One figure per platform, month and region: reporting again
 * replaces it (PUT semantics), and a platform can only ever write its own.
 */
@ApplicationScoped
public class ActivityService {

    public static final int MAX_ACTIVE_WORKERS = 100_000_000;

    private final PlatformActivityStore activity;
    private final Clock clock;

    public ActivityService(PlatformActivityStore activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
    }

    public record Reported(PlatformActivity activity, boolean created) {
    }

    @Transactional
    public Reported report(Platform platform, String rawMonth, String rawRegion, Integer activeWorkers) {
        YearMonth month = Periods.notFuture(Periods.month(rawMonth, "month"), LocalDate.now(clock), "month");
        RegionCode region = statisticsRegion(rawRegion);
        if (activeWorkers == null) {
            throw new InvalidValueException("activeWorkers", "REQUIRED", "enrollment.activity.required");
        }
        if (activeWorkers < 0 || activeWorkers > MAX_ACTIVE_WORKERS) {
            throw new InvalidValueException("activeWorkers", "OUT_OF_RANGE",
                    "enrollment.activity.range", MAX_ACTIVE_WORKERS);
        }
        var upserted = activity.upsert(platform.code, month, region.value(), activeWorkers, Instant.now(clock));
        return new Reported(upserted.activity(), upserted.created());
    }

    /** One page of the platform's reports in (month, region) order, after the given key. */
    public List<PlatformActivity> ofPlatform(Platform platform, String afterMonth, String afterRegion, int rows) {
        return activity.ofPlatform(platform.code, afterMonth, afterRegion, rows);
    }

    /**
     * A region statistics are kept for: a province (NN0000) or a prefecture-level city that is a
     * pooling region (NNNN00).
     */
    public static RegionCode statisticsRegion(String raw) {
        RegionCode region = PoolingRegions.requireKnown(raw, "region");
        if (region.level() == RegionCode.Level.COUNTY
                || region.level() == RegionCode.Level.CITY && PoolingRegions.find(region).isEmpty()) {
            throw new InvalidValueException("region", "NOT_A_STATISTICS_REGION",
                    "enrollment.activity.region", region);
        }
        return region;
    }
}
