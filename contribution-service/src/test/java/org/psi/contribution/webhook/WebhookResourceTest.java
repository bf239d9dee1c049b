package org.psi.contribution.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * Webhooks end to end with a receiver on loopback (the test profile allows it): signed deliveries
 * checked with the reference implementation of Standard Webhooks, a retry after a 500 with the same
 * id, both secrets after a rotation, a consent event with the link id only, and the refusals.
 */
@QuarkusTest
class WebhookResourceTest extends LedgerChecks {

    private static final String REGION = "440000";

    @Inject
    ObjectMapper json;

    /** What the receiver got: body and headers of each request. */
    record Received(String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void receiver() throws IOException {
        Fixtures.testPolicy(REGION);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, new HashMap<>(ex.getRequestHeaders())));
            int status = failFirst.getAndDecrement() > 0 ? 500 : 204;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static io.restassured.response.ValidatableResponse subscribe(Platform p, Object body) {
        return given().auth().oauth2(p.token()).contentType(ContentType.JSON).body(body).put("/api/platforms/me/webhook").then();
    }

    private List<Received> await(int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < count && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertEquals(count, received.size(), "deliveries received: " + received);
        return new ArrayList<>(received);
    }

    private static void verify(String secret, Received r) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        for (String h : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(h, List.of(r.header(h)));
        }
        new Webhook(secret).verify(r.body(), headers); // throws when no signature matches
    }

    @Test
    void aBatchIsDeliveredSignedAndRetriedAfterA500() throws Exception {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", REGION);
        String secret = subscribe(p, Map.of("url", hook(), "events", List.of(WebhookEvents.BATCH_COMPLETED)))
                .statusCode(201).body("secret", startsWith("whsec_")).extract().path("secret");
        given().auth().oauth2(p.token()).get("/api/platforms/me/webhook").then().statusCode(200)
                .body("url", equalTo(hook())).body("secret", nullValue());

        failFirst.set(1);
        String batchId = send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 30_000)))
                .then().statusCode(201).extract().path("batchId");
        List<Received> got = await(2);
        assertEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"), "a retry carries the same id");
        for (Received r : got) {
            verify(secret, r);
            assertFalse(r.body().contains(w.nationalId()), "no citizen ID in a delivery");
        }
        JsonNode event = json.readTree(got.get(1).body());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(got.get(1).header("webhook-id"), event.get("id").asText());
        UUID.fromString(event.get("id").asText());
        assertEquals(WebhookEvents.BATCH_COMPLETED, event.get("type").asText());
        assertEquals(batchId, event.get("data").get("batchId").asText());
        assertEquals(1, event.get("data").get("accepted").asInt());
        assertEquals(30_000, paidBy(p));

        given().auth().oauth2(p.token()).get("/api/platforms/me/webhook/deliveries").then().statusCode(200)
                .body("[0].eventId", equalTo(event.get("id").asText())).body("[0].state", equalTo("DELIVERED"))
                .body("[0].attempts", equalTo(2)).body("[0].lastStatus", equalTo(204));

        // a rotation: both secrets sign for 24 h
        String rotated = given().auth().oauth2(p.token()).post("/api/platforms/me/webhook/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).extract().path("secret");
        assertFalse(rotated.equals(secret));
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 1_000))).then().statusCode(201);
        Received third = await(3).get(2);
        assertEquals(2, third.header("webhook-signature").split(" ").length, third.header("webhook-signature"));
        verify(secret, third);
        verify(rotated, third);
        // a change of the subscription keeps the secret and does not show it
        subscribe(p, Map.of("url", hook(), "events", List.of(WebhookEvents.BATCH_COMPLETED, WebhookEvents.CONSENT_REVOKED)))
                .statusCode(200).body("secret", nullValue());
        assertEquals(31_000, paidBy(p));
    }

    @Test
    void aConsentEventCarriesTheLinkOnly() throws Exception {
        Platform p = Fixtures.platform();
        String secret = subscribe(p, Map.of("url", hook(), "events", List.of(WebhookEvents.CONSENT_GRANTED)))
                .statusCode(201).extract().path("secret");
        Worker w = Fixtures.worker();
        Fixtures.link(w, p);
        Received r = await(1).get(0);
        verify(secret, r);
        JsonNode event = json.readTree(r.body());
        assertEquals(WebhookEvents.CONSENT_GRANTED, event.get("type").asText());
        assertEquals("/psi/enrollment-service", event.get("source").asText());
        UUID.fromString(event.get("data").get("linkId").asText());
        assertEquals(1, event.get("data").size(), "the link id only: " + event);
        assertFalse(r.body().contains(w.nationalId()));
    }

    @Test
    void badSubscriptionsAreRefusedAndChangeNothing() {
        Platform p = Fixtures.platform();
        String ok = WebhookEvents.BATCH_COMPLETED;
        given().auth().oauth2(p.token()).contentType(ContentType.JSON).put("/api/platforms/me/webhook").then().statusCode(400)
                .contentType("application/problem+json");
        subscribe(p, Map.of("url", hook(), "events", List.of("cn.psi.nope"))).statusCode(400).body("errors[0].code", equalTo("UNKNOWN_EVENT_TYPE"));
        subscribe(p, Map.of("url", hook(), "events", List.of())).statusCode(400);
        subscribe(p, Map.of("url", "ftp://127.0.0.1/hook", "events", List.of(ok))).statusCode(400);
        subscribe(p, Map.of("url", "not a url", "events", List.of(ok))).statusCode(400);
        subscribe(p, Map.of("url", "https://" + "a".repeat(2050) + ".example", "events", List.of(ok))).statusCode(400);
        subscribe(p, Map.of("url", "https://user:pw@hooks.example/x", "events", List.of(ok))).statusCode(400);
        given().auth().oauth2(p.token()).get("/api/platforms/me/webhook").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(p.token()).post("/api/platforms/me/webhook/rotate-secret").then().statusCode(404);
        given().auth().oauth2(p.token()).get("/api/platforms/me/webhook/deliveries").then().statusCode(200).body("size()", equalTo(0));

        // another platform's subscription is not this one's
        Platform other = Fixtures.platform();
        subscribe(other, Map.of("url", hook(), "events", List.of(ok))).statusCode(201);
        given().auth().oauth2(p.token()).get("/api/platforms/me/webhook").then().statusCode(404);
        given().auth().oauth2(Tokens.worker(UUID.randomUUID().toString())).get("/api/platforms/me/webhook").then().statusCode(403);
        given().get("/api/platforms/me/webhook").then().statusCode(401);
    }

    @Test
    void outsideTheLocalProfilesOnlyHttpsToPublicAddressesIsAllowed() {
        for (String url : List.of("http://8.8.8.8/hook", "https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook",
                "https://172.16.0.1/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest", "https://[::1]/hook",
                "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
                "https://[::ffff:127.0.0.1]/hook", "https://224.0.0.1/hook")) {
            assertTrue(UrlGuard.refusal(url, false).isPresent(), url);
        }
        assertEquals(java.util.Optional.empty(), UrlGuard.refusal("https://8.8.8.8/hook", false));
        assertEquals(java.util.Optional.of("contribution.webhook.https-only"), UrlGuard.refusal("http://8.8.8.8/hook", false));
        assertEquals(java.util.Optional.empty(), UrlGuard.refusal("http://127.0.0.1:9/hook", true), "the local profiles allow loopback");
    }
}
