package org.psi.transfer.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** "Now" as the database keeps it: timestamptz has microseconds, so what is shown first is what is read back. */
public final class Times {

    private Times() {
    }

    public static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
