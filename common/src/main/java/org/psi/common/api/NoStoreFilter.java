package org.psi.common.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Cache-Control: no-store} on every answer of the API ({@code /api}, {@code /internal}) that
 * does not set its own: they carry personal data (a profile, a revealed citizen ID, a statement, a
 * certificate, a payment, a transfer case) that no browser, proxy or app cache may keep. An
 * endpoint that may be cached says so itself (the statistics: {@code private, no-cache} with
 * {@code Last-Modified}).
 */
public class NoStoreFilter {

    public static final String NO_STORE = "no-store";

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if ((path.startsWith("/api") || path.startsWith("/internal"))
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }
}
