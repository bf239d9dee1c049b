package org.psi.common.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The rate limits of a service ({@code psi.rate-limit.*} in its application.properties): a quota per
 * window for each group of endpoints, counted per caller (the verified token's subject; an
 * anonymous request by its address) or per address; every endpoint that no group names shares the
 * {@code default} quota of its caller.
 *
 * <pre>
 * psi.rate-limit.default.limit=600
 * psi.rate-limit.default.window=1m
 * psi.rate-limit.groups.registration.endpoints=POST /api/workers
 * psi.rate-limit.groups.registration.limit=10
 * psi.rate-limit.groups.registration.window=1h
 * psi.rate-limit.groups.certificate-verification.endpoints=POST /api/certificates/verify
 * psi.rate-limit.groups.certificate-verification.key=address
 * </pre>
 *
 * An endpoint is {@code METHOD /path/{template}} as the resource declares it, optionally with one
 * query condition ({@code GET /api/workers/{workerId}?reveal=true}); {@code *} stands for every
 * method and a trailing {@code /**} for every path below ({@code * /internal/**}). The most specific
 * endpoint that matches decides the group (a query condition before none, an exact path before {@code /**}).
 */
@ConfigMapping(prefix = "psi.rate-limit")
public interface RateLimitConfig {

    /** Off: no limit anywhere, no headers. */
    @WithDefault("true")
    boolean enabled();

    /** Every limit is multiplied by this (tests and benchmarks raise it). */
    @WithDefault("1")
    double scale();

    /** The most callers (or addresses) whose counts are kept per group; the least recently seen go first. */
    @WithDefault("100000")
    int maxKeys();

    /** The quota of every endpoint no group names ({@code psi.rate-limit.default.*}). */
    @WithName("default")
    Policy defaults();

    Map<String, Group> groups();

    interface Policy {
        @WithDefault("600")
        long limit();

        @WithDefault("1m")
        Duration window();
    }

    interface Group extends Policy {
        List<String> endpoints();

        /** {@code caller} (the token subject, the address for anonymous requests) or {@code address}. */
        @WithDefault("caller")
        String key();
    }
}
