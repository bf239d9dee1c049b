package org.psi.contribution.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.LedgerChecks;

/**
 * Region policies: seeded with illustrative values, readable by anyone authenticated, set by an
 * admin or an officer of the region. Writes use far-future years so they never change the
 * policies other tests price with.
 */
@QuarkusTest
class PolicyResourceTest extends LedgerChecks {

    static Map<String, Object> policy(long wage) {
        Map<String, Object> p = new HashMap<>();
        p.put("averageMonthlyWageFen", wage);
        p.put("baseFloorPercent", 60);
        p.put("baseCeilingPercent", 300);
        p.put("pensionRatePercent", 20);
        p.put("pensionIndividualPercent", 8);
        p.put("medicalRatePercent", 9.5);
        p.put("injuryFeePerOrderFen", Map.of("FOOD_DELIVERY", 7, "RIDE_HAILING", 1));
        return p;
    }

    @Test
    void seededPoliciesAreMarkedIllustrative() {
        given().auth().oauth2(Tokens.newWorker()).get("/api/regions/440000/policies/2025")
                .then().statusCode(200)
                .body("region", equalTo("440000")).body("year", equalTo(2025))
                .body("illustrative", equalTo(true))
                .body("pensionRatePercent", equalTo(20)).body("pensionIndividualPercent", equalTo(8))
                .body("averageMonthlyWageFen", greaterThan(0))
                .body("injuryFeePerOrderFen.FOOD_DELIVERY", equalTo(7))
                .body("injuryFeePerOrderFen.RIDE_HAILING", equalTo(1));
        given().auth().oauth2(Tokens.auditor()).get("/api/regions/440300/policies/2025").then().statusCode(200)
                .body("medicalRatePercent", greaterThan(0f));
        given().get("/api/regions/440000/policies/2025").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anAdminSetsAndReplacesAPolicy() {
        String url = "/api/regions/310000/policies/2091";
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(policy(1_250_000)).put(url)
                .then().statusCode(201).body("version", equalTo(1)).body("illustrative", equalTo(false))
                .body("medicalRatePercent", equalTo(9.5f)).body("medicalIndividualPercent", equalTo(0));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(policy(1_300_000)).put(url)
                .then().statusCode(200).body("version", equalTo(2)).body("averageMonthlyWageFen", equalTo(1_300_000));
        given().auth().oauth2(Tokens.newWorker()).get(url).then().statusCode(200).body("averageMonthlyWageFen", equalTo(1_300_000));
    }

    @Test
    void anOfficerSetsTheirOwnRegionOnly() {
        // a province officer covers its cities
        given().auth().oauth2(Tokens.officer("440000")).contentType(ContentType.JSON).body(policy(1_100_000))
                .put("/api/regions/440300/policies/2092").then().statusCode(201);
        given().auth().oauth2(Tokens.officer("440300")).contentType(ContentType.JSON).body(policy(1_100_000))
                .put("/api/regions/440000/policies/2092").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer("310000")).contentType(ContentType.JSON).body(policy(1_100_000))
                .put("/api/regions/440300/policies/2092").then().statusCode(403);
        given().auth().oauth2(Tokens.newWorker()).contentType(ContentType.JSON).body(policy(1_100_000))
                .put("/api/regions/440300/policies/2093").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).get("/api/regions/440000/policies/2092").then().statusCode(404);
    }

    @Test
    void badPoliciesAreRefused() {
        // a policy that breaks a bound is 422 with the field; a malformed request or path is 400
        String url = "/api/regions/320000/policies/2094";
        Map<String, Object> p = policy(-1);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(p).put(url)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("averageMonthlyWageFen"));
        p = policy(1_000_000);
        p.put("pensionIndividualPercent", 25);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(p).put(url)
                .then().statusCode(422).body("errors[0].field", equalTo("pensionIndividualPercent"));
        p = policy(1_000_000);
        p.put("baseFloorPercent", 310);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(p).put(url)
                .then().statusCode(422).body("errors[0].field", equalTo("baseCeilingPercent"));
        p = policy(1_000_000);
        p.put("injuryFeePerOrderFen", Map.of("TELEPORTING", 3));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(p).put(url)
                .then().statusCode(422).body("errors[0].code", equalTo("UNKNOWN_SECTOR"));
        p = policy(1_000_000);
        p.put("pensionRatePercent", 20.125);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(p).put(url)
                .then().statusCode(422).body("errors[0].code", equalTo("TOO_PRECISE"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(policy(1_000_000))
                .put("/api/regions/440305/policies/2094").then().statusCode(400)
                .body("errors[0].code", equalTo("NOT_A_POOLING_REGION"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(policy(1_000_000))
                .put("/api/regions/320000/policies/1999").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"averageMonthlyWageFen\": \"much\"}")
                .put(url).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get(url).then().statusCode(404);
    }
}
