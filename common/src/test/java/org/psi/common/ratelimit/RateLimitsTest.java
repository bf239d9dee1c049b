package org.psi.common.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Groups, quotas and keys, without Quarkus. */
class RateLimitsTest {

    @Path("/api/workers/")
    static class Workers {
        @POST
        public void register() {
        }

        @GET
        @Path("{workerId: [0-9a-f-]+}")
        public void byId() {
        }

        @GET
        @Path("/me")
        public void me() {
        }
    }

    @Path("/internal")
    static class Internal {
        @POST
        @Path("eligibility")
        public void eligibility() {
        }
    }

    record TestPolicy(long limit, Duration window) implements RateLimitConfig.Policy {
    }

    record TestGroup(List<String> endpoints, long limit, Duration window, String key) implements RateLimitConfig.Group {
    }

    static RateLimitConfig config(double scale, Map<String, RateLimitConfig.Group> groups) {
        return new RateLimitConfig() {
            public boolean enabled() {
                return true;
            }

            public double scale() {
                return scale;
            }

            public int maxKeys() {
                return 1000;
            }

            public RateLimitConfig.Policy defaults() {
                return new TestPolicy(5, Duration.ofMinutes(1));
            }

            public Map<String, RateLimitConfig.Group> groups() {
                return groups;
            }
        };
    }

    private static final Map<String, RateLimitConfig.Group> GROUPS = Map.of(
            "registration", new TestGroup(List.of("POST /api/workers"), 2, Duration.ofHours(1), "caller"),
            "reveal", new TestGroup(List.of("GET /api/workers/{workerId}?reveal=true"), 3, Duration.ofHours(1), "caller"),
            "internal", new TestGroup(List.of("* /internal/**"), 100, Duration.ofMinutes(1), "caller"));

    @Test
    void endpointsFindTheirGroupMostSpecificFirst() throws Exception {
        RateLimits limits = new RateLimits(config(1, GROUPS));
        assertEquals("/api/workers/{workerId}", RateLimits.template(Workers.class.getMethod("byId")));
        assertEquals("/api/workers", RateLimits.template(Workers.class.getMethod("register")));
        assertEquals("registration", limits.groupOf("POST", Workers.class.getMethod("register"), q -> null).name());
        assertEquals("reveal", limits.groupOf("GET", Workers.class.getMethod("byId"), q -> "true").name());
        assertEquals("default", limits.groupOf("GET", Workers.class.getMethod("byId"), q -> null).name());
        assertEquals("default", limits.groupOf("GET", Workers.class.getMethod("me"), q -> null).name());
        assertEquals("internal", limits.groupOf("POST", Internal.class.getMethod("eligibility"), q -> null).name());
    }

    @Test
    void aCallerGetsItsQuotaPerWindowAndOthersTheirOwn() throws Exception {
        RateLimits limits = new RateLimits(config(1, GROUPS));
        RateLimits.Group g = limits.groupOf("POST", Workers.class.getMethod("register"), q -> null);
        RateLimits.Outcome first = limits.consume(g, "s:a");
        assertTrue(first.allowed());
        assertEquals(1, first.remaining());
        assertTrue(first.resetSeconds() > 3500 && first.resetSeconds() <= 3600);
        assertTrue(limits.consume(g, "s:a").allowed());
        RateLimits.Outcome third = limits.consume(g, "s:a");
        assertFalse(third.allowed());
        assertTrue(third.retryAfterSeconds() > 0);
        assertTrue(limits.consume(g, "s:b").allowed(), "another caller");
        RateLimits scaled = new RateLimits(config(10, GROUPS));
        assertEquals(20, scaled.groupOf("POST", Workers.class.getMethod("register"), q -> null).quota());
        assertEquals("\"registration\";q=2;w=3600", RateLimitHeaders.policy("registration", 2, 3600));
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertEquals("203.0.113.7", RateLimitFilter.address(SocketAddress.inetSocketAddress(1, "203.0.113.7")));
        assertEquals(RateLimitFilter.address(SocketAddress.inetSocketAddress(1, "2001:db8:1:2::1")),
                RateLimitFilter.address(SocketAddress.inetSocketAddress(1, "2001:db8:1:2:ffff::9")));
        assertFalse(RateLimitFilter.address(SocketAddress.inetSocketAddress(1, "2001:db8:1:2::1"))
                .equals(RateLimitFilter.address(SocketAddress.inetSocketAddress(1, "2001:db8:1:3::1"))));
    }

    @Test
    void aBadKeyOrEndpointStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(config(1,
                Map.of("x", new TestGroup(List.of("POST /a"), 1, Duration.ofMinutes(1), "everyone")))));
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(config(1,
                Map.of("x", new TestGroup(List.of("/a"), 1, Duration.ofMinutes(1), "caller")))));
    }

    /** What a group writes into every answer's RateLimit headers is bounded: its name, its window, its quota. */
    @Test
    void aNameWindowOrQuotaOutOfBoundsStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(config(1,
                Map.of("Not A Name", new TestGroup(List.of("POST /a"), 1, Duration.ofMinutes(1), "caller")))));
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(config(1,
                Map.of("x".repeat(33), new TestGroup(List.of("POST /a"), 1, Duration.ofMinutes(1), "caller")))));
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(config(1,
                Map.of("x", new TestGroup(List.of("POST /a"), 1, Duration.ofDays(2), "caller")))));
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(config(1,
                Map.of("x", new TestGroup(List.of("POST /a"), 1, Duration.ofMillis(500), "caller")))));
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(config(10_000,
                Map.of("x", new TestGroup(List.of("POST /a"), 1_000_000, Duration.ofMinutes(1), "caller")))));
        new RateLimits(config(1, Map.of("certificate-verification", new TestGroup(List.of("POST /a"), 60, Duration.ofDays(1), "address"))));
    }
}
