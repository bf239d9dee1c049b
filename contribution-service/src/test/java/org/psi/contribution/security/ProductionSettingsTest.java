package org.psi.contribution.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * With the production settings ({@link ProductionLikeProfile}): the public certificate
 * verification is limited per address, and an X-Forwarded-For from anyone but the trusted proxy
 * does not get a client a fresh quota; the public OpenAPI document without
 * /internal and no Swagger UI.
 */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class ProductionSettingsTest {

    @Test
    void certificateVerificationsAreLimitedPerAddressWhateverXForwardedForSays() {
        for (int i = 1; i <= 60; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).contentType("application/jose").body("a.b.c".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/certificates/verify").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"certificate-verification\";q=60;w=60"))
                    .header("RateLimit", matchesPattern("\"certificate-verification\";r=" + (60 - i) + ";t=\\d+"));
        }
        given().header("X-Forwarded-For", "198.51.100.7").contentType("application/jose").body("a.b.c".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/certificates/verify").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9]\\d*")).body("detail", containsString("from this address"));
        // a token does not buy another quota on a per-address endpoint
        given().auth().oauth2(org.psi.common.test.Tokens.newWorker()).contentType("application/jose").body("a.b.c".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/certificates/verify").then().statusCode(429);
    }

    @Test
    void productionServesThePublicDocumentOnlyAndNoSwaggerUi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/contribution-batches"))
                .body("paths", not(hasKey("/internal/transfers/{transferId}/hold")))
                .body("paths.keySet().findAll { it.startsWith('/internal') }.size()", equalTo(0));
        given().get("/q/swagger-ui/").then().statusCode(404);
    }
}
