package org.psi.transfer.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The production settings that the test profile relaxes (the rate limits as configured, the public
 * OpenAPI document only, no Swagger UI), behind a proxy that the tests' own connections come from
 * (127.0.0.1, trusted): its X-Forwarded-For names the client. The default quota is 5 a minute here,
 * so that it shows in a few requests, and GET /api/transfers/me counts by address.
 */
public class ProductionLikeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("psi.rate-limit.scale", "1"),
                Map.entry("psi.rate-limit.default.limit", "5"),
                // one endpoint counted by address here, to show whose address counts
                Map.entry("psi.rate-limit.groups.by-address.endpoints", "GET /api/transfers/me"),
                Map.entry("psi.rate-limit.groups.by-address.limit", "5"),
                Map.entry("psi.rate-limit.groups.by-address.window", "1m"),
                Map.entry("psi.rate-limit.groups.by-address.key", "address"),
                Map.entry("psi.openapi.public-only", "true"),
                Map.entry("quarkus.swagger-ui.enabled", "false"),
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"));
    }
}
