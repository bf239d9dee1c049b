package org.psi.enrollment.platform;

import java.time.Instant;
import java.time.YearMonth;

/**
 * The number of workers a platform had active in a month and region, as the platform reported it;
 * {@code reportedAt} is the first report, {@code updatedAt} the last change of the figure.
 */
public record PlatformActivity(String platformCode, YearMonth month, String region, int activeWorkers,
                               Instant reportedAt, Instant updatedAt) {
}
