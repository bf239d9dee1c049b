package org.psi.common.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.api.ProblemMapper;
import org.psi.common.i18n.Languages;
import org.psi.common.i18n.Message;

/**
 * Counts every API request against its group's quota ({@link RateLimitConfig}) for its caller: the
 * subject of the verified token, or the client's address for an anonymous request (to a public
 * endpoint: a request without a valid token to any other is refused with 401 before it is counted)
 * and for groups counted by address. The address is the connection's, or the {@code X-Forwarded-For} of a proxy
 * listed in {@code quarkus.http.proxy.trusted-proxies} (Quarkus applies it; any other client's
 * header is ignored); IPv6 addresses count by their /64. Over quota: 429 problem with
 * {@code Retry-After}; every counted answer carries {@code RateLimit} and {@code RateLimit-Policy}.
 */
public class RateLimitFilter {

    private static final String OUTCOME = RateLimitFilter.class.getName() + ".outcome";

    private final RateLimits limits;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimits limits, CurrentIdentityAssociation identities) {
        this.limits = limits;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!limits.enabled() || resource.getResourceMethod() == null) {
            return Uni.createFrom().nullItem();
        }
        RateLimits.Group group = limits.groupOf(request.getMethod(), resource.getResourceMethod(),
                name -> request.getUriInfo().getQueryParameters().getFirst(name));
        String address = "a:" + address(http.remoteAddress());
        if (group.byAddress()) {
            return Uni.createFrom().item(() -> count(request, group, address));
        }
        // the caller as the token proves it; a token that does not verify counts as its address
        // (the endpoint refuses it afterwards, or ignores it if it is public)
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> count(request, group, callerKey(identity, address)));
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(OUTCOME) instanceof RateLimits.Outcome o) {
            response.getHeaders().putSingle(RateLimitHeaders.RATE_LIMIT_POLICY,
                    RateLimitHeaders.policy(o.group().name(), o.group().quota(), o.group().windowSeconds()));
            response.getHeaders().putSingle(RateLimitHeaders.RATE_LIMIT,
                    RateLimitHeaders.remaining(o.group().name(), o.remaining(), o.resetSeconds()));
            if (!o.allowed()) {
                response.getHeaders().putSingle(RateLimitHeaders.RETRY_AFTER, String.valueOf(o.retryAfterSeconds()));
            }
        }
    }

    private Response count(ContainerRequestContext request, RateLimits.Group group, String key) {
        RateLimits.Outcome o = limits.consume(group, key);
        request.setProperty(OUTCOME, o);
        if (o.allowed()) {
            return null;
        }
        return ProblemMapper.builder(new ProblemException(429, "too-many-requests", Message.of("common.title.too-many-requests"),
                        Message.of(group.byAddress() ? "common.rate-limit.address" : "common.rate-limit.caller",
                                group.quota(), group.windowSeconds(), group.name(), o.retryAfterSeconds())),
                        Languages.of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)))
                .header(RateLimitHeaders.RETRY_AFTER, String.valueOf(o.retryAfterSeconds()))
                .build();
    }

    private static String callerKey(SecurityIdentity identity, String address) {
        if (identity == null || identity.isAnonymous()) {
            return address;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return "s:" + jwt.getSubject();
        }
        return "p:" + identity.getPrincipal().getName();
    }

    /** The address a quota is counted by: IPv4 as it is, IPv6 by its /64 (one host can hold a whole /64). */
    static String address(SocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        String host = remote.hostAddress() != null ? remote.hostAddress() : remote.host();
        if (host == null) {
            return "unknown";
        }
        if (host.indexOf(':') < 0) {
            return host;
        }
        try {
            byte[] b = InetAddress.getByName(host).getAddress();
            if (b.length != 16) {
                return host;
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                s.append(String.format("%02x%02x:", b[i], b[i + 1]));
            }
            return s.append(":/64").toString();
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
