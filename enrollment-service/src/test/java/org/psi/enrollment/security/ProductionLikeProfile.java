package org.psi.enrollment.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The production settings that the test profile relaxes: real-name binding required, the rate
 * limits as configured (not scaled), the public OpenAPI document only, no Swagger UI.
 */
public class ProductionLikeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "psi.identity.required", "true",
                "psi.rate-limit.scale", "1",
                "psi.openapi.public-only", "true",
                "quarkus.swagger-ui.enabled", "false");
    }
}
