package org.psi.common.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.psi.common.i18n.Languages;

/**
 * Refuses a request body larger than {@code psi.http.max-body-bytes} with a 413 problem, before
 * anything reads it; a body sent without a length is cut off with a 413 by the HTTP server as soon
 * as it passes the same limit.
 *
 * <p>The paths in {@code psi.http.streamed-paths} (an upload streamed to storage, such as a feed job)
 * are left to the HTTP server's own limit, {@code quarkus.http.limits.max-body-size}, which is set to
 * what they accept; their endpoint enforces its own limit as it reads.
 */
@jakarta.inject.Singleton
public class BodyLimitFilter {

    /** The routing-context entry where the HTTP server's body readers take their limit from. */
    private static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    private final long maxBodyBytes;
    private final Set<String> streamedPaths;

    public BodyLimitFilter(@ConfigProperty(name = "psi.http.max-body-bytes", defaultValue = "1048576") long maxBodyBytes,
                           @ConfigProperty(name = "psi.http.streamed-paths") Optional<List<String>> streamedPaths) {
        this.maxBodyBytes = maxBodyBytes;
        this.streamedPaths = Set.copyOf(streamedPaths.orElse(List.of()));
    }

    /** A body without a length, on any other path, is read up to psi.http.max-body-bytes. */
    void limitUnsized(@Observes Router router) {
        Long limit = maxBodyBytes;
        router.route().order(-1).handler(ctx -> {
            if (!streamedPaths.contains(ctx.normalizedPath())) {
                ctx.put(MAX_REQUEST_SIZE, limit);
            }
            ctx.next();
        });
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || streamedPaths.contains(request.getUriInfo().getPath())) {
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
