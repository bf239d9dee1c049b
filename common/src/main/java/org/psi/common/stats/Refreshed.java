package org.psi.common.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The answer of {@code POST /api/statistics/refresh}: the new snapshot's time and size, and how long it
 * took where the service times its snapshots (absent otherwise).
 */
public record Refreshed(Instant asOf, String throughMonth, int cells, int suppressed, boolean fullyAudited,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long tookMillis) {

    public static Refreshed of(Snapshot s, boolean timed) {
        return new Refreshed(s.takenAt(), s.throughMonth().toString(), s.cells(), s.suppressed(), s.fullyAudited(),
                timed ? s.tookMillis() : null);
    }
}
