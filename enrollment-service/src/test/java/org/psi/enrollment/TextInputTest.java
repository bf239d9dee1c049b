package org.psi.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.common.text.TextInput;
import org.psi.enrollment.support.Fixtures;

/**
 * Control characters and unpaired surrogates are refused at the edge with a 400 naming the field,
 * in a JSON body (a property, a list item), a query parameter and a path
 * parameter; nothing is registered.
 */
@QuarkusTest
class TextInputTest {

    @Test
    void aRegistrationWithAControlCharacterIsA400AndRegistersNothing() {
        String token = Tokens.newWorker();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nationalId", Fixtures.nationalId(), "name", "Li\u0000Na", "phone", "13800138000",
                        "residenceRegion", "440305"))
                .post("/api/workers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo(TextInput.CODE));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + Fixtures.nationalId() + "\",\"name\":\"Li Na\",\"phone\":\"138\\ud800\","
                        + "\"residenceRegion\":\"440305\"}")
                .post("/api/workers")
                .then().statusCode(400).body("errors[0].field", equalTo("phone")).body("errors[0].code", equalTo(TextInput.CODE));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nationalId", Fixtures.nationalId(), "name", "Li\u0085Na", "phone", "13800138000",
                        "residenceRegion", "440305"))
                .post("/api/workers")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(token).get("/api/workers/me").then().statusCode(404);
    }

    @Test
    void listItemsAreCheckedToo() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", "PX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "name", "Platform",
                        "creditCode", Fixtures.creditCode(), "clientId", "client-x", "sectors", List.of("FOOD_DELIVERY", "RIDE\u001b")))
                .post("/api/platforms")
                .then().statusCode(400).body("errors[0].field", equalTo("sectors[1]")).body("errors[0].code", equalTo(TextInput.CODE));
    }

    @Test
    void parametersAreCheckedAsDecoded() {
        Fixtures.Registered w = Fixtures.worker();
        given().auth().oauth2(Tokens.officer("440000")).urlEncodingEnabled(false)
                .get("/api/workers/" + w.workerId() + "?reveal=true&reason=checking%00a%20claim")
                .then().statusCode(400).body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo(TextInput.CODE));
        given().auth().oauth2(w.token()).urlEncodingEnabled(false).delete("/api/workers/me/platform-links/FAST%0AMEAL")
                .then().statusCode(400).body("errors[0].field", equalTo("platformCode")).body("errors[0].code", equalTo(TextInput.CODE));
    }
}
