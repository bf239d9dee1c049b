package org.psi.enrollment.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

@QuarkusTest
class PlatformLinkResourceTest {

    @Test
    void aWorkerGrantsAndRevokesConsentWithTheTimeOfEach() {
        Fixtures.Registered w = Fixtures.worker();
        String a = Fixtures.platform("FOOD_DELIVERY");
        String b = Fixtures.platform("RIDE_HAILING");
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", a))
                .post("/api/workers/me/platform-links")
                .then().statusCode(201).body("platformCode", equalTo(a)).body("active", equalTo(true))
                .body("grantedAt", notNullValue()).body("revokedAt", nullValue());
        // granting again is idempotent
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", a))
                .post("/api/workers/me/platform-links").then().statusCode(200);
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", b))
                .post("/api/workers/me/platform-links").then().statusCode(201);

        given().auth().oauth2(w.token()).delete("/api/workers/me/platform-links/" + a)
                .then().statusCode(200).body("active", equalTo(false)).body("revokedAt", notNullValue());
        given().auth().oauth2(w.token()).delete("/api/workers/me/platform-links/" + a)
                .then().statusCode(404).contentType("application/problem+json");
        // a new grant after a revocation is a new consent; the old one stays on record
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", a))
                .post("/api/workers/me/platform-links").then().statusCode(201);
        given().auth().oauth2(w.token()).get("/api/workers/me/platform-links")
                .then().statusCode(200).body("$", hasSize(3))
                .body("findAll { it.platformCode == '" + a + "' }.active", hasItems(true, false));
    }

    @Test
    void consentToAnUnknownPlatformOrAnotherWorkersLinkIsRefused() {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.Registered other = Fixtures.worker();
        String a = Fixtures.platform();
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", "NO-SUCH"))
                .post("/api/workers/me/platform-links")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].code", equalTo("UNKNOWN_PLATFORM"));
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", a))
                .post("/api/workers/me/platform-links").then().statusCode(201);
        // another worker cannot revoke it: they have no such link
        given().auth().oauth2(other.token()).delete("/api/workers/me/platform-links/" + a).then().statusCode(404);
        given().auth().oauth2(w.token()).get("/api/workers/me/platform-links")
                .then().body("$", hasSize(1)).body("[0].active", equalTo(true));
        given().auth().oauth2(other.token()).get("/api/workers/me/platform-links").then().body("$", hasSize(0));
        given().auth().oauth2(Tokens.platform("client-" + a)).get("/api/workers/me/platform-links").then().statusCode(403);
    }

    @Test
    void thePlatformOfAConsentReadsItWithTheCitizenIdAndNoOtherPlatformDoes() {
        Fixtures.Registered w = Fixtures.worker();
        String a = Fixtures.platform();
        String b = Fixtures.platform();
        String link = given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", a))
                .post("/api/workers/me/platform-links").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.platform("client-" + a)).get("/api/platforms/me/consents/" + link)
                .then().statusCode(200).body("linkId", equalTo(link)).body("status", equalTo("ACTIVE"))
                .body("nationalId", equalTo(w.nationalId())).body("revokedAt", nullValue());
        given().auth().oauth2(Tokens.platform("client-" + b)).get("/api/platforms/me/consents/" + link)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(w.token()).delete("/api/workers/me/platform-links/" + a).then().statusCode(200);
        given().auth().oauth2(Tokens.platform("client-" + a)).get("/api/platforms/me/consents/" + link)
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("revokedAt", notNullValue());
        given().auth().oauth2(Tokens.platform("client-" + a)).get("/api/platforms/me/consents/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(Tokens.platform("client-" + a)).get("/api/platforms/me/consents/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(Tokens.platform("client-unregistered")).get("/api/platforms/me/consents/" + link).then().statusCode(404);
        given().auth().oauth2(w.token()).get("/api/platforms/me/consents/" + link).then().statusCode(403);
        given().get("/api/platforms/me/consents/" + link).then().statusCode(401);
    }
}
