package org.psi.transfer.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for the saga to reach a state. The limit only stops a broken test; nothing asserts on time. */
public final class Await {

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Gave up waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
