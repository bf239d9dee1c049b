package org.psi.contribution.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.sendRaw;
import static org.psi.contribution.support.Fixtures.thisMonth;
import static org.psi.contribution.support.Fixtures.today;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * Bad feeds: each is refused whole with the right 4xx and a problem+json body, and the ledger does
 * not change (not a posting, not a leg, not a batch). Every feed here also carries a good line of a
 * linked, enrolled worker, which must not be applied either.
 */
@QuarkusTest
class FeedBadInputTest extends LedgerChecks {

    private Platform platform;
    private Worker worker;

    @BeforeEach
    void registered() {
        Fixtures.testPolicy("440000");
        platform = Fixtures.platform();
        worker = Fixtures.linkedWorker(platform, "PENSION", "440000");
    }

    private String good() {
        return "{\"ref\":\"" + ref() + "\",\"nationalId\":\"" + worker.nationalId() + "\",\"scheme\":\"PENSION\",\"period\":\""
                + thisMonth() + "\",\"amountFen\":1000}";
    }

    private String json(String... lines) {
        return "{\"lines\":[" + good() + "," + String.join(",", lines) + "]}";
    }

    private String line(String scheme, String period, String rest) {
        return "{\"ref\":\"" + ref() + "\",\"nationalId\":\"" + worker.nationalId() + "\",\"scheme\":\"" + scheme
                + "\",\"period\":\"" + period + "\"" + rest + "}";
    }

    /** Sends, checks the problem, and checks that nothing changed. */
    private ValidatableResponse refused(int status, String contentType, Supplier<String> body) throws SQLException {
        Snapshot before = snapshot();
        ValidatableResponse r = sendRaw(platform, key(), contentType, body.get()).then()
                .statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("type", notNullValue()).body("title", notNullValue());
        assertEquals(before, snapshot(), "a refused feed changes nothing");
        assertEquals(0, postingsOf(worker.workerId()));
        return r;
    }

    @Test
    void malformedJsonNdjsonAndCsv() throws SQLException {
        refused(400, "application/json", () -> "{\"lines\": [" + good() + ", {\"ref\": ").body("type", containsString("malformed-body"));
        refused(400, "application/json", () -> "[" + good() + "]").body("type", containsString("malformed-body"));
        refused(400, "application/json", () -> "{\"lines\": [" + good() + "]} trailing");
        refused(400, "application/json", () -> "{\"batch\": 1}");
        refused(400, "application/x-ndjson", () -> good() + "\n{\"ref\": \"x\"\n");
        refused(400, "application/x-ndjson", () -> good() + "\n[1, 2]\n");
        refused(400, "text/csv", () -> "ref,nationalId,scheme,period,amountFen\n\"unclosed," + worker.nationalId() + ",PENSION,"
                + thisMonth() + ",100\n");
        refused(400, "text/csv", () -> "ref,nationalId,scheme,period,amountFen\n" + ref() + "," + worker.nationalId()
                + ",PENSION\n");
        refused(400, "text/csv", () -> "ref,nationalId,scheme,period,amountFen,tip\n" + ref() + "," + worker.nationalId()
                + ",PENSION," + thisMonth() + ",100,5\n").body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        refused(400, "text/csv", () -> "");
        refused(400, "application/json", () -> "{\"lines\": []}").body("errors[0].code", equalTo("REQUIRED"));
    }

    @Test
    void wrongTypesAndUnknownFields() throws SQLException {
        refused(400, "application/json", () -> json(line("PENSION", thisMonth().toString(), ",\"amountFen\":\"1000\"")))
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("amountFen"))
                .body("errors[0].code", equalTo("INVALID_TYPE"));
        refused(400, "application/json", () -> json(line("PENSION", thisMonth().toString(), ",\"amountFen\":10.5")))
                .body("errors[0].code", equalTo("INVALID_TYPE"));
        refused(400, "application/json", () -> json(line("PENSION", thisMonth().toString(), ",\"amountFen\":99999999999999999999999")))
                .body("errors[0].code", equalTo("INVALID_TYPE"));
        refused(400, "application/json", () -> json("{\"ref\":12,\"nationalId\":\"" + worker.nationalId()
                + "\",\"scheme\":\"PENSION\",\"period\":\"" + thisMonth() + "\",\"amountFen\":1}"))
                .body("errors[0].field", equalTo("ref")).body("errors[0].code", equalTo("INVALID_TYPE"));
        refused(400, "application/json", () -> json(line("PENSION", thisMonth().toString(), ",\"amountFen\":1,\"bonus\":5")))
                .body("errors[0].field", equalTo("bonus")).body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        refused(400, "text/csv", () -> "ref,nationalId,scheme,period,amountFen\n" + ref() + "," + worker.nationalId()
                + ",PENSION," + thisMonth() + ",12.50\n").body("errors[0].code", equalTo("INVALID_TYPE"));
    }

    @Test
    void negativeOrAbsurdAmountsAndOrders() throws SQLException {
        refused(400, "application/json", () -> json(line("PENSION", thisMonth().toString(), ",\"amountFen\":-100")))
                .body("errors[0].line", equalTo(2)).body("errors[0].code", equalTo("AMOUNT_OUT_OF_RANGE"));
        refused(400, "application/json", () -> json(line("PENSION", thisMonth().toString(), ",\"amountFen\":0")))
                .body("errors[0].code", equalTo("AMOUNT_OUT_OF_RANGE"));
        refused(400, "application/json", () -> json(line("MEDICAL", thisMonth().toString(), ",\"amountFen\":1000000000000")))
                .body("errors[0].code", equalTo("AMOUNT_OUT_OF_RANGE"));
        refused(400, "application/json", () -> json(line("OCCUPATIONAL_INJURY", today().toString(), ",\"orders\":-3,\"sector\":\"FOOD_DELIVERY\"")))
                .body("errors[0].code", equalTo("ORDERS_OUT_OF_RANGE"));
        refused(400, "application/json", () -> json(line("OCCUPATIONAL_INJURY", today().toString(), ",\"orders\":100000000,\"sector\":\"FOOD_DELIVERY\"")))
                .body("errors[0].code", equalTo("ORDERS_OUT_OF_RANGE"));
        refused(400, "application/json", () -> json(line("OCCUPATIONAL_INJURY", today().toString(), ",\"orders\":3,\"sector\":\"FOOD_DELIVERY\",\"amountFen\":-21")))
                .body("errors[0].code", equalTo("AMOUNT_OUT_OF_RANGE"));
        refused(400, "application/json", () -> json(line("PENSION", thisMonth().toString(), "")))
                .body("errors[0].field", equalTo("amountFen")).body("errors[0].code", equalTo("REQUIRED"));
    }

    @Test
    void periodsInTheFutureOrOfTheWrongForm() throws SQLException {
        refused(400, "application/json", () -> json(line("PENSION", thisMonth().plusMonths(1).toString(), ",\"amountFen\":100")))
                .body("errors[0].field", equalTo("period")).body("errors[0].code", equalTo("FUTURE_PERIOD"));
        refused(400, "application/json", () -> json(line("OCCUPATIONAL_INJURY", today().plusDays(1).toString(), ",\"orders\":1,\"sector\":\"FOOD_DELIVERY\"")))
                .body("errors[0].code", equalTo("FUTURE_PERIOD"));
        refused(400, "application/json", () -> json(line("PENSION", "2026-13", ",\"amountFen\":100")))
                .body("errors[0].code", equalTo("INVALID_MONTH"));
        refused(400, "application/json", () -> json(line("OCCUPATIONAL_INJURY", thisMonth().toString(), ",\"orders\":1,\"sector\":\"FOOD_DELIVERY\"")))
                .body("errors[0].code", equalTo("INVALID_DAY"));
        refused(400, "application/json", () -> json(line("PENSION", today().toString(), ",\"amountFen\":100")))
                .body("errors[0].code", equalTo("INVALID_MONTH"));
    }

    @Test
    void unknownSchemeOrSector() throws SQLException {
        refused(400, "application/json", () -> json(line("UNEMPLOYMENT", thisMonth().toString(), ",\"amountFen\":100")))
                .body("errors[0].field", equalTo("scheme")).body("errors[0].code", equalTo("UNKNOWN_SCHEME"));
        refused(400, "application/json", () -> json(line("OCCUPATIONAL_INJURY", today().toString(), ",\"orders\":1,\"sector\":\"SPACE_TRAVEL\"")))
                .body("errors[0].code", equalTo("UNKNOWN_SECTOR"));
        refused(400, "application/json", () -> json("{\"ref\":\"" + ref() + "\",\"scheme\":\"PENSION\"}"))
                .body("errors.code", hasItem("REQUIRED"));
    }

    @Test
    void tooManyLinesIs413() throws SQLException {
        refused(413, "application/x-ndjson", () -> {
            StringBuilder b = new StringBuilder(good()).append('\n');
            String l = "{\"ref\":\"x\"}\n";
            for (int i = 0; i < 50_000; i++) {
                b.append(l);
            }
            return b.toString();
        }).body("detail", containsString("50000"));
    }

    @Test
    void theIdempotencyKeyIsRequiredAndBounded() throws SQLException {
        Snapshot before = snapshot();
        given().auth().oauth2(platform.token()).contentType("application/json").body(json())
                .post("/api/contribution-batches")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key")).body("errors[0].code", equalTo("REQUIRED"));
        given().auth().oauth2(platform.token()).contentType("application/json").header("Idempotency-Key", "k".repeat(256))
                .body(json()).post("/api/contribution-batches")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, snapshot());
    }

    @Test
    void otherContentTypesRolesAndTokensAreRefused() throws SQLException {
        refused(415, "text/plain", () -> json());
        Snapshot before = snapshot();
        given().auth().oauth2(worker.token()).contentType("application/json").header("Idempotency-Key", key())
                .body(json()).post("/api/contribution-batches").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").header("Idempotency-Key", key())
                .body(json()).post("/api/contribution-batches").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.expired("x")).contentType("application/json").header("Idempotency-Key", key())
                .body(json()).post("/api/contribution-batches").then().statusCode(401);
        given().auth().oauth2(Tokens.wrongAudience("x")).contentType("application/json").header("Idempotency-Key", key())
                .body(json()).post("/api/contribution-batches").then().statusCode(401);
        assertEquals(before, snapshot());
    }
}
