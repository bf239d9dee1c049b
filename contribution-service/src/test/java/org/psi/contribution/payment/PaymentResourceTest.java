package org.psi.contribution.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.pay;
import static org.psi.contribution.support.Fixtures.payment;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/** A worker's self-payments: split, idempotent by key and by paymentRef, bounded by what is due. */
@QuarkusTest
class PaymentResourceTest extends LedgerChecks {

    private static final String GD = "440000";
    private static final long DUE = Fixtures.WAGE_FEN * 20 / 100;

    @BeforeEach
    void policies() {
        Fixtures.testPolicy(GD);
        Fixtures.testPolicy("440300");
    }

    @Test
    void aTopUpCompletesTheMonthBesideAPlatform() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 150_000))).then().statusCode(201);

        pay(w, key(), payment("PENSION", thisMonth().toString(), DUE - 150_000, "PAY-" + ref()))
                .then().statusCode(201)
                .body("amountFen", equalTo((int) (DUE - 150_000)))
                .body("individualAccountFen", equalTo(20_000)).body("pooledFundFen", equalTo(30_000))
                .body("monthDueFen", equalTo((int) DUE)).body("monthPaidFen", equalTo((int) DUE))
                .body("monthStatus", equalTo("PAID")).body("region", equalTo(GD));

        assertEquals(DUE * 8 / 20, individual(w.workerId(), Scheme.PENSION, GD));
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(200)
                .body("months[0].status", equalTo("PAID"))
                .body("months[0].payers.payer", equalTo(java.util.List.of(p.code(), "SELF")))
                .body("months[0].payers.payerType", equalTo(java.util.List.of("PLATFORM", "WORKER")));

        // nothing more is due this month
        pay(w, key(), payment("PENSION", thisMonth().toString(), 1, "PAY-" + ref()))
                .then().statusCode(422).contentType("application/problem+json").body("type", containsString("exceeds-due"));
    }

    @Test
    void aPaymentIsIdempotentByKeyAndByPaymentRef() throws SQLException {
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "MEDICAL", "440300", null);
        String k = key();
        String paymentRef = "PAY-" + ref();
        Map<String, Object> body = payment("MEDICAL", thisMonth().toString(), 45_000, paymentRef);
        Response first = pay(w, k, body);
        first.then().statusCode(201).body("region", equalTo("440300"))
                // medical: 9% of the base; 2 of the 9 points to the individual account (the test policy)
                .body("individualAccountFen", equalTo(10_000)).body("pooledFundFen", equalTo(35_000))
                .body("monthStatus", equalTo("PARTIAL"));
        Snapshot before = snapshot();

        pay(w, k, body).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("postedAt", equalTo(first.path("postedAt")));
        pay(w, key(), body).then().statusCode(200).body("paymentRef", equalTo(paymentRef));
        assertEquals(before, snapshot(), "retries post nothing");

        pay(w, k, payment("MEDICAL", thisMonth().toString(), 45_001, paymentRef)).then().statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        pay(w, key(), payment("MEDICAL", thisMonth().toString(), 45_001, paymentRef)).then().statusCode(409)
                .body("type", containsString("ref-conflict"));
        assertEquals(before, snapshot());
        assertEquals(10_000, individual(w.workerId(), Scheme.MEDICAL, "440300"));
    }

    @Test
    void badPaymentsAreRefusedAndChangeNothing() throws SQLException {
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", GD, null);
        Snapshot before = snapshot();
        pay(w, key(), payment("OCCUPATIONAL_INJURY", thisMonth().toString(), 100, "x")).then().statusCode(400)
                .body("errors[0].code", equalTo("NOT_APPLICABLE"));
        pay(w, key(), payment("PENSION", thisMonth().plusMonths(1).toString(), 100, "x")).then().statusCode(400)
                .body("errors[0].code", equalTo("FUTURE_PERIOD"));
        pay(w, key(), payment("PENSION", thisMonth().toString(), -5, "x")).then().statusCode(400)
                .body("errors[0].code", equalTo("AMOUNT_OUT_OF_RANGE"));
        pay(w, key(), payment("PENSION", thisMonth().toString(), DUE + 1, "x")).then().statusCode(422);
        pay(w, key(), payment("MEDICAL", thisMonth().toString(), 100, "x")).then().statusCode(422)
                .body("type", containsString("not-enrolled"));
        pay(w, key(), payment("PENSION", "2026-1", 100, "x")).then().statusCode(400);
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body("{\"scheme\":\"PENSION\",\"month\":\"" + thisMonth() + "\",\"amountFen\":\"lots\",\"paymentRef\":\"x\"}")
                .post("/api/workers/me/payments").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(w.token()).contentType(ContentType.JSON)
                .body(payment("PENSION", thisMonth().toString(), 100, "x"))
                .post("/api/workers/me/payments").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(Tokens.newWorker()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body(payment("PENSION", thisMonth().toString(), 100, "x"))
                .post("/api/workers/me/payments").then().statusCode(404);
        given().auth().oauth2(Fixtures.platform().token()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body(payment("PENSION", thisMonth().toString(), 100, "x"))
                .post("/api/workers/me/payments").then().statusCode(403);
        assertEquals(before, snapshot());
    }
}
