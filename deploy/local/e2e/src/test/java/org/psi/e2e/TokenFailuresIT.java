package org.psi.e2e;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens that PSI must refuse, each a real token from the stack's Keycloak (or one made from it):
 * 401 for no token, an expired one, a tampered one, a foreign signature, another issuer, another
 * audience; 403 for a valid token with the wrong role; 404 for a platform client that PSI does not
 * know. Every refusal is problem+json.
 */
class TokenFailuresIT {

    private static final String PLATFORM_ME = "/api/platforms/me";

    @BeforeAll
    static void stack() {
        Stack.assumeRuns("enrollment-service");
        Demo.platforms();
    }

    @Test
    void noTokenIs401() {
        Stack.enrollment(null).get("/api/regions").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        Stack.enrollment("not-a-jwt").get("/api/regions").then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() throws InterruptedException {
        // psi-test-short-lived: a platform client of the realm whose access tokens live 5 seconds
        String token = Tokens.fresh("psi-test-short-lived", "short-lived-local-secret");
        long exp = Long.parseLong(Tokens.payload(token).replaceAll(".*\"exp\":(\\d+).*", "$1"));
        Stack.enrollment(token).get("/api/regions").then().statusCode(200);
        Thread.sleep(Math.max(0, exp * 1000 - System.currentTimeMillis()) + 1500);
        Stack.enrollment(token).get("/api/regions").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tamperedTokenIs401() {
        // a worker who makes themselves admin: the payload changes, the signature no longer matches
        String token = Tokens.worker("zhao.lei");
        String payload = Tokens.payload(token);
        String forged = Tokens.withPayload(token, payload.replace("\"roles\":[\"worker\"]", "\"roles\":[\"worker\",\"admin\"]"));
        org.junit.jupiter.api.Assertions.assertNotEquals(token, forged, "the roles claim was found and changed");
        Stack.enrollment(token).get("/api/regions").then().statusCode(200);
        Stack.enrollment(forged).body(Map.of("code", "FORGED", "name", "Forged", "creditCode", TestData.creditCode(),
                        "clientId", "forged", "sectors", java.util.List.of("OTHER")))
                .post("/api/platforms").then().statusCode(401);
        // a valid header and payload with the signature of another token
        String other = Tokens.platform("platform-fastmeal");
        String spliced = token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
        Stack.enrollment(spliced).get("/api/regions").then().statusCode(401);
    }

    @Test
    void tokenOfAnotherIssuerIs401() {
        // a real token of Keycloak's master realm: signed, but not by the psi realm
        Stack.enrollment(Tokens.otherIssuer()).get("/api/regions").then().statusCode(401);
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        // outside-app: a client of the psi realm, with the platform role, but its tokens are not for psi-api
        String token = Tokens.client("outside-app", "outside-app-local-secret");
        org.junit.jupiter.api.Assertions.assertFalse(Tokens.payload(token).contains("psi-api"), "no psi-api audience");
        Stack.enrollment(token).get(PLATFORM_ME).then().statusCode(401).contentType("application/problem+json");
        // the same request with a token for psi-api passes authentication
        Stack.enrollment(Tokens.platform("platform-fastmeal")).get(PLATFORM_ME).then().statusCode(200);
    }

    @Test
    void wrongRoleIs403() {
        String platform = Tokens.platform("platform-fastmeal");
        String worker = Tokens.worker("zhao.lei");
        String officer = Tokens.staff("officer.beijing");
        String auditor = Tokens.staff("auditor");
        // a platform is not a worker
        Stack.enrollment(platform).body(Map.of("nationalId", TestData.nationalId("110105", java.time.LocalDate.of(1990, 1, 1), true),
                        "name", "Nobody", "phone", "13800000000", "residenceRegion", "110105"))
                .post("/api/workers").then().statusCode(403).contentType("application/problem+json");
        // a worker is not an admin, a platform, nor one of PSI's services
        Stack.enrollment(worker).body(Map.of("code", "SELFMADE", "name", "Self-made", "creditCode", TestData.creditCode(),
                        "clientId", "selfmade", "sectors", java.util.List.of("OTHER")))
                .post("/api/platforms").then().statusCode(403);
        Stack.enrollment(worker).get(PLATFORM_ME).then().statusCode(403);
        Stack.enrollment(worker).get("/internal/workers/by-subject/00000000-0000-4000-8000-000000000101").then().statusCode(403);
        Stack.enrollment(platform).get("/internal/workers/by-subject/00000000-0000-4000-8000-000000000101").then().statusCode(403);
        // an officer has no worker profile of their own; an auditor reads no individual
        Stack.enrollment(officer).get("/api/workers/me").then().statusCode(403);
        Stack.enrollment(auditor).get("/api/regions/110000/enrollments").then().statusCode(403);
        // PSI's own service accounts may call the internal API
        Demo.Worker rider = Demo.rider();
        Stack.enrollment(Tokens.service("contribution-service"))
                .get("/internal/workers/by-subject/00000000-0000-4000-8000-000000000101").then().statusCode(200)
                .body("workerId", equalTo(rider.workerId()));
    }

    @Test
    void platformClientThatPsiDoesNotKnowIs404() {
        // platform-swiftparcel has the platform role in the realm, but no admin registered it in PSI
        Stack.enrollment(Tokens.platform("platform-swiftparcel")).get(PLATFORM_ME).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
