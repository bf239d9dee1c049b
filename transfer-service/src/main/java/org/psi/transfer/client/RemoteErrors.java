package org.psi.transfer.client;

import jakarta.ws.rs.WebApplicationException;
import org.psi.transfer.domain.RemoteCallException;

/**
 * Turns what a call to another service threw into a {@link RemoteCallException}. Permanent: 404, 409,
 * 410, 422, the answers by which the contract says a step cannot happen. Everything else (no answer,
 * timeout, 5xx, 408, 429, and 400/401/403, which mean a misconfiguration on one side that an operator
 * fixes) is retried.
 */
final class RemoteErrors {

    private RemoteErrors() {
    }

    static RemoteCallException of(String call, RuntimeException e) {
        if (e instanceof WebApplicationException w && w.getResponse() != null) {
            int status = w.getResponse().getStatus();
            boolean permanent = status == 404 || status == 409 || status == 410 || status == 422;
            return new RemoteCallException(permanent, status, call + " answered " + status + detail(w), e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return RemoteCallException.transientFailure(call + " failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : " " + root.getMessage()), e);
    }

    private static String detail(WebApplicationException w) {
        try {
            String body = w.getResponse().hasEntity() ? w.getResponse().readEntity(String.class) : null;
            if (body == null || body.isBlank()) {
                return "";
            }
            return ": " + (body.length() > 300 ? body.substring(0, 300) : body);
        } catch (RuntimeException ignored) {
            return "";
        }
    }
}
