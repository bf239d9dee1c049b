package org.psi.common.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock every PSI rule reads "today" and "this month" from. Months and days belong to the
 * agency's time zone (China Standard Time by default), while timestamps are written in UTC. It ticks
 * in microseconds, PostgreSQL's precision, so a time is the same read back from the database as when
 * it was taken (and in the events that carry it).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "psi.time-zone", defaultValue = "Asia/Shanghai") String zone) {
        return Clock.tick(Clock.system(ZoneId.of(zone)), java.time.Duration.ofNanos(1_000));
    }
}
