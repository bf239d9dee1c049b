package org.psi.contribution.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.LedgerChecks;

/**
 * Policies are versioned and bounded: a change is a new version, a PUT that changes nothing is
 * none, what GET answers can be PUT back, a policy that is no policy is 422, and an existing policy
 * of a year before last is read-only except through a re-assessment. Far-future or far-past years
 * of their own, so no other test's prices change.
 */
@QuarkusTest
class PolicyVersionsTest extends LedgerChecks {

    private static Map<String, Object> policy(long wage) {
        Map<String, Object> p = new HashMap<>(PolicyResourceTest.policy(wage));
        p.put("medicalIndividualPercent", 2);
        return p;
    }

    private static io.restassured.response.ValidatableResponse put(String url, Object body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).put(url).then();
    }

    @Test
    void aChangeIsANewVersionAndNoChangeIsNone() {
        String url = "/api/regions/330000/policies/2095";
        put(url, policy(1_000_000)).statusCode(201).body("version", equalTo(1));
        put(url, policy(1_000_000)).statusCode(200).body("version", equalTo(1));
        put(url, policy(1_050_000)).statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(Tokens.newWorker()).get(url + "/versions").then().statusCode(200)
                .body("versions", hasSize(2))
                .body("versions[0].version", equalTo(2)).body("versions[0].averageMonthlyWageFen", equalTo(1_050_000))
                .body("versions[1].version", equalTo(1)).body("versions[1].averageMonthlyWageFen", equalTo(1_000_000))
                .body("versions[0].effectiveAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void whatGetAnswersCanBePutBack() {
        String url = "/api/regions/340000/policies/2096";
        put(url, policy(900_000)).statusCode(201);
        Map<String, Object> got = given().auth().oauth2(Tokens.admin()).get(url).then().statusCode(200).extract().as(Map.class);
        put(url, got).statusCode(200).body("version", equalTo(1));
        Map<String, Object> otherRegion = new HashMap<>(got);
        otherRegion.put("region", "440000");
        put(url, otherRegion).statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        Map<String, Object> otherYear = new HashMap<>(got);
        otherYear.put("year", 2001);
        put(url, otherYear).statusCode(422).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(Tokens.admin()).get(url + "/versions").then().body("versions", hasSize(1));
    }

    @Test
    void aPolicyThatIsNoPolicyIs422AndChangesNothing() {
        String url = "/api/regions/350000/policies/2097";
        put(url, policy(1_000_000)).statusCode(201);
        Map<String, Object> zero = policy(1_000_000);
        zero.put("pensionRatePercent", 0);
        zero.put("pensionIndividualPercent", 0);
        put(url, zero).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("pensionRatePercent"))
                .body("errors.field", hasItem("pensionIndividualPercent"));
        Map<String, Object> thinPool = policy(1_000_000);
        thinPool.put("pensionIndividualPercent", 10);
        put(url, thinPool).statusCode(422).body("errors[0].code", equalTo("POOLED_SHARE_TOO_SMALL"));
        Map<String, Object> tooHigh = policy(1_000_000);
        tooHigh.put("pensionRatePercent", 31);
        put(url, tooHigh).statusCode(422).body("errors[0].field", equalTo("pensionRatePercent"));
        Map<String, Object> noMedical = policy(1_000_000);
        noMedical.put("medicalRatePercent", 0);
        noMedical.put("medicalIndividualPercent", 0);
        put(url, noMedical).statusCode(422).body("errors.field", hasItem("medicalRatePercent"));
        Map<String, Object> noWage = policy(0);
        put(url, noWage).statusCode(422).body("errors[0].field", equalTo("averageMonthlyWageFen"));
        Map<String, Object> upsideDown = policy(1_000_000);
        upsideDown.put("baseFloorPercent", 300);
        upsideDown.put("baseCeilingPercent", 60);
        put(url, upsideDown).statusCode(422).body("errors[0].field", equalTo("baseCeilingPercent"));
        given().auth().oauth2(Tokens.admin()).get(url).then().statusCode(200)
                .body("version", equalTo(1)).body("pensionRatePercent", equalTo(20));
    }

    @Test
    void anExistingPolicyOfAYearBeforeLastIsReadOnlyButAMissingOneMayBeCreated() {
        int old = Year.now().getValue() - 3;
        String url = "/api/regions/360000/policies/" + old;
        put(url, policy(700_000)).statusCode(201).body("version", equalTo(1));
        put(url, policy(720_000)).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://psi.example/problems/policy-read-only"));
        put(url, policy(700_000)).statusCode(409);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", "old-" + old)
                .body(Map.of("reason", "The published wage of " + old + " was corrected", "policy", policy(720_000)))
                .post(url + "/reassessments").then().statusCode(201).body("policyVersion", equalTo(2));
        assertEquals(720_000, (int) given().auth().oauth2(Tokens.admin()).get(url).then().statusCode(200)
                .extract().path("averageMonthlyWageFen"));
        // last year's stays editable
        String lastYear = "/api/regions/360000/policies/" + (Year.now().getValue() - 1);
        put(lastYear, policy(700_000)).statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        put(lastYear, policy(710_000)).statusCode(200);
    }
}
