package org.psi.contribution.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The production settings that the test profile relaxes: the rate limits as configured (not
 * scaled), the public OpenAPI document only, no Swagger UI, and a proxy in front whose
 * X-Forwarded-For is trusted; the tests' own connections do not come from it.
 */
public class ProductionLikeProfile implements QuarkusTestProfile {

    /** The only address whose X-Forwarded-For is believed (TEST-NET-1: nothing of the test comes from it). */
    public static final String PROXY = "192.0.2.10";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "psi.rate-limit.scale", "1",
                "psi.openapi.public-only", "true",
                "quarkus.swagger-ui.enabled", "false",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", PROXY);
    }
}
