package org.psi.transfer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import org.psi.transfer.saga.RemoteCallException;

/**
 * Turns what a call to another service threw into a {@link RemoteCallException}. Permanent: 404, 409,
 * 410, 422, the answers by which the contract says a step cannot happen. Everything else (no answer,
 * timeout, 5xx, 408, 429, and 400/401/403, which mean a misconfiguration on one side that an operator
 * fixes) is retried. One 409 passes by itself and is retried too: the contribution-service's
 * {@code already-held}, when an earlier transfer of the same worker still holds the funds because its
 * release (after a cancel or rejection) has not run yet.
 */
final class RemoteErrors {

    /** The problem type of a conflict that resolves itself: another transfer's hold being released. */
    static final String PASSING_CONFLICT = "/problems/already-held";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RemoteErrors() {
    }

    static RemoteCallException of(String call, RuntimeException e) {
        if (e instanceof WebApplicationException w && w.getResponse() != null) {
            int status = w.getResponse().getStatus();
            String detail = detail(w);
            boolean permanent = status == 404 || status == 409 || status == 410 || status == 422;
            if (status == 409 && detail.contains(PASSING_CONFLICT)) {
                permanent = false;
            }
            return new RemoteCallException(permanent, status, call + " answered " + status + detail, e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return RemoteCallException.transientFailure(call + " failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : " " + root.getMessage()), e);
    }

    /** ": <detail> (<problem type>)" of a problem+json answer, or the start of any other body. */
    private static String detail(WebApplicationException w) {
        String body;
        try {
            body = w.getResponse().hasEntity() ? w.getResponse().readEntity(String.class) : null;
        } catch (RuntimeException ignored) {
            return "";
        }
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.hasNonNull("detail") || problem.hasNonNull("type")) {
                return ": " + problem.path("detail").asText("") + " (" + problem.path("type").asText("") + ")";
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // fall through
        }
        return ": " + (body.length() > 300 ? body.substring(0, 300) : body);
    }
}
