package org.psi.transfer.saga;

/**
 * A call to another PSI service that did not succeed. Transient (no answer, timeout, 5xx, 408, 429):
 * try again later; the call is idempotent. Permanent (any other 4xx): the other service refused the
 * step, and retrying the same call will not change its mind.
 */
public class RemoteCallException extends RuntimeException {

    private final boolean permanent;
    private final int status;

    public RemoteCallException(boolean permanent, int status, String message, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.status = status;
    }

    public static RemoteCallException transientFailure(String message, Throwable cause) {
        return new RemoteCallException(false, 0, message, cause);
    }

    public boolean permanent() {
        return permanent;
    }

    /** The HTTP status the other service answered, 0 when it did not answer. */
    public int status() {
        return status;
    }
}
