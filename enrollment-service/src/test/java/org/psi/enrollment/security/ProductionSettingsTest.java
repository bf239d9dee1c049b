package org.psi.enrollment.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

/**
 * With the production settings ({@link ProductionLikeProfile}): registration only of the citizen
 * ID the identity provider verified, the 409 of a taken ID only for who holds
 * its verified claim, the registration rate limit, and the public OpenAPI document
 * without Swagger UI.
 */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class ProductionSettingsTest {

    private static Map<String, Object> body(String nationalId) {
        return Map.of("nationalId", nationalId, "name", "Wang Fang", "phone", "13800138000", "residenceRegion", "440305");
    }

    private static Response register(String token, String nationalId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(nationalId)).post("/api/workers");
    }

    @Test
    void registrationNeedsTheVerifiedIdentity() {
        String id = Fixtures.nationalId();
        String subject = UUID.randomUUID().toString();
        register(Tokens.worker(subject), id).then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("identity-not-verified")).body("detail", containsString("psi-identity"));
        register(Tokens.withVerifiedId(subject, Fixtures.nationalId()), id).then().statusCode(403)
                .body("type", containsString("identity-mismatch"));
        // a verified claim for another audience does not count
        register(Tokens.sign(Tokens.builder(subject, java.util.Set.of("worker")).claim("psi_national_id", id)), id)
                .then().statusCode(403);
        register(Tokens.withVerifiedId(subject, id), id).then().statusCode(201);
    }

    @Test
    void aTakenIdIsA409OnlyForWhoHoldsItsVerifiedClaim() {
        String id = Fixtures.nationalId();
        register(Tokens.withVerifiedId(UUID.randomUUID().toString(), id), id).then().statusCode(201);
        // anyone else: the same 403 as for a free ID, whether or not it is registered
        String free = Fixtures.nationalId();
        Response taken = register(Tokens.withVerifiedId(UUID.randomUUID().toString(), Fixtures.nationalId()), id);
        Response notTaken = register(Tokens.withVerifiedId(UUID.randomUUID().toString(), Fixtures.nationalId()), free);
        taken.then().statusCode(403);
        notTaken.then().statusCode(403);
        assertTrue(taken.jsonPath().getString("detail").equals(notTaken.jsonPath().getString("detail"))
                && taken.jsonPath().getString("type").equals(notTaken.jsonPath().getString("type")),
                "a taken and a free ID look the same to who does not hold them");
        register(Tokens.worker(UUID.randomUUID().toString()), id).then().statusCode(403);
        // the person whose ID it is, from another login: told it is registered (to recover the account)
        register(Tokens.withVerifiedId(UUID.randomUUID().toString(), id), id).then().statusCode(409)
                .body("type", containsString("national-id-registered"));
    }

    @Test
    void registrationsAreLimitedPerCaller() {
        String subject = UUID.randomUUID().toString();
        String id = Fixtures.nationalId();
        String token = Tokens.withVerifiedId(subject, id);
        register(token, id).then().statusCode(201)
                .header("RateLimit-Policy", equalTo("\"registration\";q=10;w=3600"))
                .header("RateLimit", matchesPattern("\"registration\";r=9;t=\\d+"));
        for (int i = 2; i <= 10; i++) {
            register(token, id).then().statusCode(409);
        }
        register(token, id).then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("type", containsString("too-many-requests"))
                .header("Retry-After", matchesPattern("\\d+")).header("RateLimit", matchesPattern("\"registration\";r=0;t=\\d+"))
                .header("RateLimit-Policy", notNullValue());
        // another caller has its own quota, and the other endpoints count apart
        String other = Fixtures.nationalId();
        register(Tokens.withVerifiedId(UUID.randomUUID().toString(), other), other).then().statusCode(201);
        given().auth().oauth2(token).get("/api/workers/me").then().statusCode(200)
                .header("RateLimit-Policy", containsString("\"default\""));
    }

    @Test
    void productionServesThePublicDocumentOnlyAndNoSwaggerUi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/workers"))
                .body("paths", not(hasKey("/internal/eligibility")))
                .body("paths.keySet().findAll { it.startsWith('/internal') }.size()", equalTo(0));
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().get("/q/swagger-ui").then().statusCode(404);
    }
}
