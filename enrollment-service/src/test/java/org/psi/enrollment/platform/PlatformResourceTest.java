package org.psi.enrollment.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

@QuarkusTest
class PlatformResourceTest {

    private static Map<String, Object> platform(String code, String creditCode, String clientId, List<String> sectors) {
        return Map.of("code", code, "name", "Platform " + code, "creditCode", creditCode, "clientId", clientId, "sectors", sectors);
    }

    @Test
    void anAdminRegistersAPlatformAndThePlatformFindsItselfByItsClient() {
        String creditCode = Fixtures.creditCode();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(platform("FASTMEAL-T1", creditCode, "client-fastmeal-t1", List.of("FOOD_DELIVERY", "INSTANT_DELIVERY")))
                .post("/api/platforms")
                .then().statusCode(201)
                .body("code", equalTo("FASTMEAL-T1"))
                .body("sectors", hasItems("FOOD_DELIVERY", "INSTANT_DELIVERY"));
        given().auth().oauth2(Tokens.platform("client-fastmeal-t1")).get("/api/platforms/me")
                .then().statusCode(200).body("code", equalTo("FASTMEAL-T1")).body("creditCode", equalTo(creditCode));
        given().auth().oauth2(Tokens.platform("client-unknown")).get("/api/platforms/me")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theExamplesOfTheStandardAreValidCreditCodes() {
        String code = "EX" + System.nanoTime() % 100000;
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(platform(code, "914403001922038216", "client-" + code, List.of("RIDE_HAILING")))
                .post("/api/platforms").then().statusCode(201);
        // the same credit code cannot register twice
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(platform(code + "B", "914403001922038216", "client-" + code + "B", List.of("RIDE_HAILING")))
                .post("/api/platforms").then().statusCode(409).contentType("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y44,FOOD_DELIVERY,creditCode,INVALID_CHECK_CHARACTER",
            "91350100M000100I43,FOOD_DELIVERY,creditCode,INVALID_CHARACTERS",
            "9135010,FOOD_DELIVERY,creditCode,INVALID_LENGTH",
            "GOOD,SPACE_TRAVEL,sectors[0],UNKNOWN_SECTOR",
    })
    void rejectsInvalidPlatforms(String creditCode, String sector, String field, String errorCode) {
        String code = "BAD" + System.nanoTime() % 100000;
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(platform(code, "GOOD".equals(creditCode) ? Fixtures.creditCode() : creditCode, "client-" + code, List.of(sector)))
                .post("/api/platforms")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].code", equalTo(errorCode));
        given().auth().oauth2(Tokens.platform("client-" + code)).get("/api/platforms/me").then().statusCode(404);
    }

    @Test
    void onlyAnAdminRegistersPlatforms() {
        for (String token : List.of(Tokens.newWorker(), Tokens.platform("client-x"), Tokens.officer("440000"), Tokens.auditor())) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(platform("NOPE", Fixtures.creditCode(), "client-nope", List.of("OTHER")))
                    .post("/api/platforms").then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", "x", "sectors", List.of()))
                .post("/api/platforms").then().statusCode(400).contentType("application/problem+json");
    }
}
