package org.psi.contribution.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/** The worker's inbox: each kind of notification, told once, in her language, paged, marked read, and hers alone. */
@QuarkusTest
class InboxResourceTest extends LedgerChecks {

    private static final String REGION = "440000";
    private static final long DUE = Fixtures.WAGE_FEN * 20 / 100;

    @Inject
    UnpaidMonths unpaid;

    @BeforeEach
    void policy() {
        Fixtures.testPolicy(REGION);
    }

    private static JsonPath inbox(Worker w, String language) {
        return given().auth().oauth2(w.token()).header("Accept-Language", language).get("/api/workers/me/notifications")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> ofKind(Worker w, String kind) {
        return inbox(w, "en").<Map<String, Object>>getList("items").stream().filter(n -> kind.equals(n.get("kind"))).toList();
    }

    @Test
    void aMonthNotPaidInFullIsToldFromThe20thOnce() throws SQLException {
        Worker partly = Fixtures.worker();
        Fixtures.enrol(partly, "PENSION", REGION, null);
        Fixtures.pay(partly, key(), Fixtures.payment("PENSION", thisMonth().toString(), DUE / 4, "P-" + ref())).then().statusCode(201);
        Worker fully = Fixtures.worker();
        Fixtures.enrol(fully, "PENSION", REGION, null);
        Fixtures.pay(fully, key(), Fixtures.payment("PENSION", thisMonth().toString(), DUE, "P-" + ref())).then().statusCode(201);

        assertEquals(0, unpaid.check(thisMonth().atDay(19)), "nothing before the 20th");
        assertEquals(0, ofKind(partly, "MONTH_UNPAID").size());
        unpaid.check(thisMonth().atDay(20));
        unpaid.check(thisMonth().atDay(21));

        List<Map<String, Object>> told = ofKind(partly, "MONTH_UNPAID");
        assertEquals(1, told.size(), "once per month: " + told);
        Map<?, ?> data = (Map<?, ?>) told.get(0).get("data");
        assertEquals("PENSION", data.get("scheme"));
        assertEquals(thisMonth().toString(), data.get("month"));
        assertEquals(DUE, ((Number) data.get("dueFen")).longValue());
        assertEquals(DUE / 4, ((Number) data.get("paidFen")).longValue());
        assertEquals(DUE / 4, paidToward(partly.workerId(), Scheme.PENSION, thisMonth()), "the ledger agrees");
        assertEquals("PENSION for " + thisMonth() + " is not paid in full", told.get(0).get("title"));
        assertEquals(0, ofKind(fully, "MONTH_UNPAID").size(), "a month paid in full is not told");

        given().auth().oauth2(partly.token()).header("Accept-Language", "zh-CN").get("/api/workers/me/notifications")
                .then().statusCode(200).header("Content-Language", "zh-CN")
                .body("items.find { it.kind == 'MONTH_UNPAID' }.title", containsString("养老保险"))
                .body("items.find { it.kind == 'MONTH_UNPAID' }.body", containsString("¥500.00"));
    }

    @Test
    void consentsAndRevokedCredentialsAreTold() throws Exception {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", REGION, null);
        Fixtures.link(w, p);
        Map<String, Object> granted = eventually(w, "CONSENT_CHANGED", 1).get(0);
        Map<?, ?> data = (Map<?, ?>) granted.get("data");
        assertEquals(p.code(), data.get("platformCode"));
        assertEquals("GRANTED", data.get("status"));
        assertNotNull(UUID.fromString((String) data.get("linkId")));
        assertEquals("Platform " + p.code() + " may now contribute for you", granted.get("title"));

        // a credential, then a payment that changes what it states: it is revoked, and she is told
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("scheme", "PENSION"))
                .post("/api/workers/me/credentials/insurance").then().statusCode(201);
        assertEquals(0, ofKind(w, "CREDENTIAL_REVOKED").size());
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 12_000))).then().statusCode(201);
        List<Map<String, Object>> revoked = ofKind(w, "CREDENTIAL_REVOKED");
        assertEquals(1, revoked.size());
        assertEquals("PENSION", ((Map<?, ?>) revoked.get(0).get("data")).get("scheme"));
        assertEquals(12_000, paidBy(p));

        Fixtures.revoke(w, p);
        List<Map<String, Object>> consents = eventually(w, "CONSENT_CHANGED", 2);
        assertEquals("REVOKED", ((Map<?, ?>) consents.get(0).get("data")).get("status"), "newest first");
    }

    private static List<Map<String, Object>> eventually(Worker w, String kind, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Map<String, Object>> found = ofKind(w, kind);
        while (found.size() < count && System.nanoTime() < until) {
            Thread.sleep(100);
            found = ofKind(w, kind);
        }
        assertEquals(count, found.size(), kind + ": " + found);
        return found;
    }

    @Test
    void pagedMarkedReadAndHersAlone() throws Exception {
        Platform a = Fixtures.platform();
        Platform b = Fixtures.platform();
        Platform c = Fixtures.platform();
        Worker w = Fixtures.worker();
        Worker other = Fixtures.worker();
        for (Platform p : List.of(a, b, c)) {
            Fixtures.link(w, p);
        }
        eventually(w, "CONSENT_CHANGED", 3);

        JsonPath first = given().auth().oauth2(w.token()).queryParam("limit", 2).get("/api/workers/me/notifications")
                .then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        assertNotNull(cursor);
        JsonPath second = given().auth().oauth2(w.token()).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/workers/me/notifications").then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertNull(second.getString("nextCursor"));
        String oldest = second.getString("items[0].id");
        assertNotEquals(first.getString("items[1].id"), oldest);
        assertEquals(a.code(), second.getString("items[0].data.platformCode"), "newest first: the first consent is last");

        assertEquals(false, second.getBoolean("items[0].read"));
        given().auth().oauth2(other.token()).post("/api/workers/me/notifications/" + oldest + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, inbox(other, "en").getList("items").size(), "another worker sees none of hers");
        given().auth().oauth2(w.token()).post("/api/workers/me/notifications/" + oldest + "/read")
                .then().statusCode(200).body("id", equalTo(oldest)).body("read", equalTo(true));
        given().auth().oauth2(w.token()).post("/api/workers/me/notifications/" + oldest + "/read")
                .then().statusCode(200).body("read", equalTo(true));
        assertEquals(true, inbox(w, "en").<Map<String, Object>>getList("items").stream()
                .filter(n -> oldest.equals(n.get("id"))).findFirst().orElseThrow().get("read"));

        given().auth().oauth2(w.token()).post("/api/workers/me/notifications/" + UUID.randomUUID() + "/read").then().statusCode(404);
        given().auth().oauth2(w.token()).post("/api/workers/me/notifications/not-a-uuid/read").then().statusCode(404);
        given().auth().oauth2(w.token()).queryParam("cursor", "bm90IG91cnM").get("/api/workers/me/notifications")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(w.token()).queryParam("cursor", "%%%").get("/api/workers/me/notifications").then().statusCode(400);
        given().auth().oauth2(w.token()).queryParam("limit", 0).get("/api/workers/me/notifications").then().statusCode(400);
        given().get("/api/workers/me/notifications").then().statusCode(401);
        given().auth().oauth2(a.token()).get("/api/workers/me/notifications").then().statusCode(403);
        given().auth().oauth2(Tokens.worker(UUID.randomUUID().toString())).get("/api/workers/me/notifications").then().statusCode(404);
    }
}
