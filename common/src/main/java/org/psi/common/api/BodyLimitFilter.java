package org.psi.common.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.psi.common.i18n.Languages;

/**
 * Refuses a request body larger than {@code psi.http.max-body-bytes} with a 413 problem, before
 * anything reads it. (The HTTP server's own hard limit, set higher, catches bodies sent without a
 * length.)
 */
public class BodyLimitFilter {

    private final long maxBodyBytes;

    public BodyLimitFilter(@ConfigProperty(name = "psi.http.max-body-bytes", defaultValue = "1048576") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Optional.of(ProblemMapper.respond(ProblemException.badRequest("bad-request", "common.body.length-not-a-number"),
                    Languages.of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))));
        }
        if (bytes > maxBodyBytes) {
            return Optional.of(ProblemMapper.respond(ProblemException.payloadTooLarge("payload-too-large",
                    "common.body.too-large", bytes, maxBodyBytes), Languages.of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))));
        }
        return Optional.empty();
    }
}
