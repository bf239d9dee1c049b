package org.psi.enrollment.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.eclipse.microprofile.config.ConfigProvider;
import org.psi.common.test.OidcServerResource;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

/**
 * The hardening of the enrollment-service that the test profile shows:
 * personal data is never cached, only access tokens (typ Bearer) are taken and never introspected,
 * a verified identity claim that disagrees is refused, every answer tells its rate limit and the
 * OpenAPI document says every operation may answer 429.
 */
@QuarkusTest
class HardeningTest {

    @Test
    void personalDataIsNeverStoredByACache() {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "MEDICAL", "440300", 100, null).statusCode(201);
        given().auth().oauth2(w.token()).get("/api/workers/me").then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(w.token()).get("/api/workers/me/enrollments").then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(Tokens.officer("440300")).queryParam("reveal", true).queryParam("reason", "case 2026-118")
                .get("/api/workers/" + w.workerId())
                .then().statusCode(200).body("nationalId", equalTo(w.nationalId())).header("Cache-Control", "no-store");
        // errors too (a problem may name what the caller asked for)
        given().auth().oauth2(Tokens.newWorker()).get("/api/workers/me").then().statusCode(404).header("Cache-Control", "no-store");
        given().auth().oauth2(Tokens.officer("440300")).get("/api/regions").then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void onlyAccessTokensAreAccepted() {
        String subject = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.worker(subject)).get("/api/workers/me").then().statusCode(404);
        given().auth().oauth2(Tokens.idToken(subject)).get("/api/workers/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(Tokens.refreshToken(subject)).get("/api/workers/me").then().statusCode(401);
        given().auth().oauth2(Tokens.untyped(subject)).get("/api/workers/me").then().statusCode(401);
    }

    @Test
    void tokensAreNeverIntrospected() {
        // the identity provider's introspection endpoint would call both tokens active
        String keycloak = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        String opaque = "opaque-" + UUID.randomUUID();
        OidcServerResource.activeOnIntrospection(keycloak, opaque, UUID.randomUUID().toString());
        given().auth().oauth2(opaque).get("/api/workers/me").then().statusCode(401).contentType("application/problem+json");
        // a JWT signed by a key the realm does not publish is refused, not looked up
        String unknownKey = Tokens.badSignature(UUID.randomUUID().toString()).replaceFirst("^[^.]+",
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"other\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        OidcServerResource.activeOnIntrospection(keycloak, unknownKey, UUID.randomUUID().toString());
        given().auth().oauth2(unknownKey).get("/api/workers/me").then().statusCode(401);
    }

    @Test
    void aVerifiedIdentityThatDisagreesIsRefusedBeforeAnythingIsLookedUp() {
        String taken = Fixtures.worker().nationalId();
        String mine = Fixtures.nationalId();
        String subject = UUID.randomUUID().toString();
        // the token's verified ID is someone else's: 403, and not the 409 that would tell the body's ID is registered
        given().auth().oauth2(Tokens.withVerifiedId(subject, mine)).contentType(ContentType.JSON)
                .body(Map.of("nationalId", taken, "name", "Li Na", "phone", "13800138000", "residenceRegion", "440305"))
                .post("/api/workers").then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("identity-mismatch")).body("detail", org.hamcrest.Matchers.not(containsString(taken)));
        given().auth().oauth2(Tokens.withVerifiedId(subject, mine)).contentType(ContentType.JSON)
                .body(Map.of("nationalId", mine.toLowerCase(), "name", "Li Na", "phone", "13800138000", "residenceRegion", "440305"))
                .post("/api/workers").then().statusCode(201);
    }

    @Test
    void everyAnswerTellsItsRateLimitAndTheDocumentSaysEveryOperationMayAnswer429() {
        given().auth().oauth2(Tokens.newWorker()).get("/api/workers/me").then().statusCode(404)
                .header("RateLimit-Policy", startsWith("\"default\";q=")).header("RateLimit", startsWith("\"default\";r="));
        given().auth().oauth2(Tokens.newWorker()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/workers").then().statusCode(400).header("RateLimit-Policy", startsWith("\"registration\";q="));
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (op.get("responses") instanceof Map<?, ?> responses) {
                assertTrue(responses.containsKey("429"), method + " " + path + " documents its 429");
            }
        }));
        given().accept("application/json").get("/q/openapi").then()
                .body("paths.'/api/workers'.post.responses.'429'.headers", hasKey("Retry-After"))
                .body("paths.'/api/workers'.post.responses.'429'.headers", hasKey("RateLimit"));
    }
}
