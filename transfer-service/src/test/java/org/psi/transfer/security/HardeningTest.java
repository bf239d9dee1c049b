package org.psi.transfer.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.psi.common.test.OidcServerResource;
import org.psi.common.test.Tokens;
import org.psi.transfer.support.Fixtures;

/**
 * The hardening of the transfer-service: a transfer case (personal data) is
 * never cached, only access tokens (typ Bearer) are taken and never introspected, a registration
 * token with the verified citizen ID is refused here.
 */
@QuarkusTest
class HardeningTest {

    @Test
    void transferCasesAreNeverStoredByACache() {
        Fixtures.Worker w = Fixtures.pension("440000", 10_000, 20_000);
        String id = Fixtures.submitted(w, "PENSION", "310000");
        given().auth().oauth2(w.token()).get("/api/transfers/" + id).then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(w.token()).get("/api/transfers/me").then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(w.token()).get("/api/transfers/" + id + "/events").then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(Tokens.officer("310000")).get("/api/regions/310000/transfers").then().statusCode(200)
                .header("Cache-Control", "no-store");
    }

    @Test
    void onlyAccessTokensAreAcceptedAndNeverIntrospected() {
        String subject = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.worker(subject)).get("/api/transfers/me").then().statusCode(200);
        given().auth().oauth2(Tokens.idToken(subject)).get("/api/transfers/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(Tokens.refreshToken(subject)).get("/api/transfers/me").then().statusCode(401);
        given().auth().oauth2(Tokens.untyped(subject)).get("/api/transfers/me").then().statusCode(401);
        String opaque = "opaque-" + UUID.randomUUID();
        OidcServerResource.activeOnIntrospection(ConfigProvider.getConfig().getValue("keycloak.url", String.class), opaque, subject);
        given().auth().oauth2(opaque).get("/api/transfers/me").then().statusCode(401);
    }

    @Test
    void aRegistrationTokenIsRefusedHere() {
        given().auth().oauth2(Tokens.withVerifiedId(UUID.randomUUID().toString(), "11010519491231002X"))
                .get("/api/transfers/me").then().statusCode(401).contentType("application/problem+json");
    }
}
