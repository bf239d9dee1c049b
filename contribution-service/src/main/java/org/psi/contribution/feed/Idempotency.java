package org.psi.contribution.feed;

import org.psi.common.api.ProblemException;

/** The {@code Idempotency-Key} header of mutating POSTs: 1 to 255 characters, scoped to the caller. */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a response that answers a retry with the first response. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** The longest key. */
    public static final int MAX_LENGTH = 255;

    private Idempotency() {
    }

    public static String require(String key) {
        if (key == null || key.isEmpty()) {
            throw ProblemException.invalid(HEADER, "REQUIRED", "contribution.idempotency.required");
        }
        if (key.length() > MAX_LENGTH) {
            throw ProblemException.invalid(HEADER, "INVALID_SIZE", "contribution.idempotency.size");
        }
        return key;
    }
}
