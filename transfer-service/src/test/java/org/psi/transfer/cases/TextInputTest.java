package org.psi.transfer.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.common.text.TextInput;
import org.psi.transfer.support.Db;
import org.psi.transfer.support.Fixtures;

/**
 * Control characters and unpaired surrogates are refused at the edge with a 400 naming the field,
 * in a JSON body, a query parameter and a path parameter; the case is untouched.
 */
@QuarkusTest
class TextInputTest {

    @Test
    void aNulInARejectionReasonIsA400AndTheCaseIsUntouched() {
        Fixtures.Worker w = Fixtures.pension("440000", 10_000, 20_000);
        String id = Fixtures.submitted(w, "PENSION", "310000");
        Fixtures.awaitHeld(id);
        long events = Db.events(id);
        given().auth().oauth2(Tokens.officer("310000")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Household registration \u0000 not confirmed"))
                .post("/api/transfers/" + id + "/reject")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo(TextInput.CODE));
        given().auth().oauth2(Tokens.officer("310000")).contentType(ContentType.JSON)
                .body("{\"reason\":\"Not confirmed \\ud83d\"}")
                .post("/api/transfers/" + id + "/reject")
                .then().statusCode(400).body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo(TextInput.CODE));
        Fixtures.view(id).body("status", equalTo("SUBMITTED"));
        assertEquals(events, Db.events(id));
        // a whole surrogate pair (an emoji) is text like any other
        given().auth().oauth2(Tokens.officer("310000")).contentType(ContentType.JSON)
                .body("{\"reason\":\"Not confirmed \\ud83d\\ude00\"}")
                .post("/api/transfers/" + id + "/reject").then().statusCode(200);
    }

    @Test
    void parametersAreCheckedAsDecoded() {
        Fixtures.Worker w = Fixtures.pension("440000", 10_000, 20_000);
        given().auth().oauth2(w.token()).urlEncodingEnabled(false)
                .get("/api/transfers/preview?scheme=PENSION&toRegion=310000%1b")
                .then().statusCode(400).body("errors[0].field", equalTo("toRegion")).body("errors[0].code", equalTo(TextInput.CODE));
        given().auth().oauth2(w.token()).urlEncodingEnabled(false).get("/api/transfers/x%7fy")
                .then().statusCode(400).body("errors[0].field", equalTo("id")).body("errors[0].code", equalTo(TextInput.CODE));
    }
}
