package org.psi.enrollment.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The service's clock in tests: the system clock, unless a test moves it to another time (then it
 * runs on from there). Statistics tests use it to let workers enrol, link platforms and suspend in a
 * month of the past that no other test touches, so their counts are exact. Every test that moves it
 * moves it back ({@link #reset()}) before it ends.
 */
@Alternative
@Priority(1)
@Singleton
public class ShiftableClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static volatile Duration shift = Duration.ZERO;

    /** From now on, the service's "now" is {@code when} (and runs on from there). */
    public static void travelTo(Instant when) {
        shift = Duration.between(Instant.now(), when);
    }

    /** Moves the clock to noon on the 15th of {@code month} (agency time zone). */
    public static void travelTo(YearMonth month) {
        travelTo(month.atDay(15).atTime(12, 0).atZone(ZONE).toInstant());
    }

    public static void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), shift);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }
}
