package org.psi.transfer.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;

/**
 * With the production settings ({@link ProductionLikeProfile}): behind the trusted proxy, each
 * client address (its X-Forwarded-For) and each caller has its own quota, and the 6th request of
 * one in a minute is a 429; the public OpenAPI document without /internal and no
 * Swagger UI.
 */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class ProductionSettingsTest {

    @Test
    void behindTheTrustedProxyEachClientAddressHasItsOwnQuota() {
        String client = "203.0.113." + (1 + (int) (Math.random() * 200));
        for (int i = 1; i <= 5; i++) {
            // a new caller each time: counted by the address the proxy names
            given().auth().oauth2(Tokens.newWorker()).header("X-Forwarded-For", client).get("/api/transfers/me").then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"by-address\";r=" + (5 - i) + ";t=\\d+"));
        }
        given().auth().oauth2(Tokens.newWorker()).header("X-Forwarded-For", client).get("/api/transfers/me").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9]\\d*"));
        // another client behind the same proxy is not held back
        given().auth().oauth2(Tokens.newWorker()).header("X-Forwarded-For", "198.51.100.9").get("/api/transfers/me").then().statusCode(200);
    }

    @Test
    void aCallerWithATokenCountsByItsSubjectWhateverItsAddress() {
        String token = Tokens.worker(UUID.randomUUID().toString());
        for (int i = 1; i <= 5; i++) {
            given().auth().oauth2(token).header("X-Forwarded-For", "203.0.113." + i).get("/api/transfers/" + UUID.randomUUID())
                    .then().statusCode(404).header("RateLimit", matchesPattern("\"default\";r=" + (5 - i) + ";t=\\d+"));
        }
        given().auth().oauth2(token).header("X-Forwarded-For", "198.51.100.10").get("/api/transfers/" + UUID.randomUUID())
                .then().statusCode(429).body("status", equalTo(429));
        given().auth().oauth2(Tokens.newWorker()).get("/api/transfers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void productionServesThePublicDocumentOnlyAndNoSwaggerUi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/transfers"))
                .body("paths.keySet().findAll { it.startsWith('/internal') }.size()", equalTo(0));
        given().get("/q/swagger-ui/").then().statusCode(404);
    }
}
