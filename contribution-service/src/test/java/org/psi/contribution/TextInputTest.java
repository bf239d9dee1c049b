package org.psi.contribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.pay;
import static org.psi.contribution.support.Fixtures.payment;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.sendRaw;
import static org.psi.contribution.support.Fixtures.thisMonth;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.psi.common.text.TextInput;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * Control characters and unpaired surrogates are refused at the edge with a 400 naming the field
 * ({@code "paymentRef": "a\u0000b"} was once a 500), in a JSON body, in every feed
 * format, in a query parameter and in a path parameter, and nothing is written.
 */
@QuarkusTest
class TextInputTest extends LedgerChecks {

    @Test
    void aNulInAPaymentRefIsA400AndWritesNothing() throws SQLException {
        Fixtures.testPolicy("440300");
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "MEDICAL", "440300", null);
        Snapshot before = snapshot();
        pay(w, key(), payment("MEDICAL", thisMonth().toString(), 1_000, "a\u0000b"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("paymentRef")).body("errors[0].code", equalTo(TextInput.CODE));
        // an unpaired surrogate, as JSON escapes it
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body("{\"scheme\":\"MEDICAL\",\"month\":\"" + thisMonth() + "\",\"amountFen\":1000,\"paymentRef\":\"x\\udc00\"}")
                .post("/api/workers/me/payments")
                .then().statusCode(400).body("errors[0].field", equalTo("paymentRef")).body("errors[0].code", equalTo(TextInput.CODE));
        pay(w, key(), payment("MEDICAL", thisMonth().toString(), 1_000, "tab\there"))
                .then().statusCode(400).body("errors[0].code", equalTo(TextInput.CODE));
        assertEquals(before, snapshot(), "nothing was written");
    }

    @Test
    void feedsOfEveryFormatRefuseControlCharacters() throws SQLException {
        Fixtures.testPolicy("440000");
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", "440000");
        Snapshot before = snapshot();
        String json = "{\"lines\":[{\"ref\":\"R\\u0000" + ref() + "\",\"nationalId\":\"" + w.nationalId()
                + "\",\"scheme\":\"PENSION\",\"period\":\"" + thisMonth() + "\",\"amountFen\":100}]}";
        sendRaw(p, key(), "application/json", json).then().statusCode(400)
                .body("errors[0].field", equalTo("ref")).body("errors[0].code", equalTo(TextInput.CODE)).body("errors[0].line", equalTo(1));
        sendRaw(p, key(), "application/x-ndjson", json.substring(10, json.length() - 2) + "\n").then().statusCode(400)
                .body("errors[0].code", equalTo(TextInput.CODE));
        sendRaw(p, key(), "text/csv", "ref,nationalId,scheme,period,amountFen\n" + ref() + "\u0007," + w.nationalId()
                + ",PENSION," + thisMonth() + ",100\n").then().statusCode(400)
                .body("errors[0].field", equalTo("ref")).body("errors[0].code", equalTo(TextInput.CODE));
        assertEquals(before, snapshot(), "nothing was written");
        // the same feed without the control character is fine
        Fixtures.send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 100))).then().statusCode(201);
    }

    @Test
    void parametersAreCheckedAsDecoded() {
        Worker w = Fixtures.worker();
        given().auth().oauth2(w.token()).urlEncodingEnabled(false)
                .get("/api/workers/me/statement?scheme=PEN%00SION")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scheme")).body("errors[0].code", equalTo(TextInput.CODE));
        Platform p = Fixtures.platform();
        given().auth().oauth2(p.token()).urlEncodingEnabled(false).get("/api/contribution-batches/a%01b")
                .then().statusCode(400).body("errors[0].field", equalTo("batchId")).body("errors[0].code", equalTo(TextInput.CODE));
    }
}
