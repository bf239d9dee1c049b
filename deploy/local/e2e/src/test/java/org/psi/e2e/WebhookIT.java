package org.psi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A platform's webhook on the real stack (the realm's tokens, the local stack allows a receiver on
 * loopback): QuickRide subscribes, sends a feed, and receives the batch's CloudEvent, signed per
 * Standard Webhooks (checked with the reference implementation) and without a citizen ID. The feed's
 * one line names a person nobody registered, so it is rejected and no money of the other stories moves.
 */
class WebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Received(String body, Map<String, List<String>> headers) {
    }

    @Test
    void aPlatformIsToldItsBatchCompleted() throws Exception {
        Stack.assumeRuns("contribution-service");
        String stranger = TestData.nationalId("440305", java.time.LocalDate.of(1991, 3, 3).plusDays(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(5000)), true);
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/quickride-hook", ex -> {
            Map<String, List<String>> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            received.add(new Received(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), headers));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try {
            String token = Tokens.platform("platform-quickride");
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/quickride-hook";
            Stack.contribution(token).body(Map.of("url", url, "events", List.of("cn.psi.contribution.batch.completed")))
                    .put("/api/platforms/me/webhook").then().statusCode(org.hamcrest.Matchers.anyOf(
                            org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
            // a fresh secret for this run (the one before also signs for a day)
            String secret = Stack.contribution(token).post("/api/platforms/me/webhook/rotate-secret").then().statusCode(200)
                    .extract().path("secret");

            String run = UUID.randomUUID().toString().substring(0, 8);
            String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
            String batchId = Stack.contribution(token).header("Idempotency-Key", "webhook-" + run)
                    .body(Map.of("lines", List.of(Map.of("ref", "WH-" + run, "nationalId", stranger, "scheme", "PENSION",
                            "period", month, "amountFen", 100))))
                    .post("/api/contribution-batches").then().statusCode(201).extract().path("batchId");

            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode event = null;
            Received delivery = null;
            while (event == null && System.nanoTime() < until) {
                for (Received r : received) {
                    JsonNode e = JSON.readTree(r.body());
                    if (batchId.equals(e.path("data").path("batchId").asText())) {
                        event = e;
                        delivery = r;
                    }
                }
                Thread.sleep(100);
            }
            assertTrue(event != null, "the batch's event was delivered: " + received);
            new Webhook(secret).verify(delivery.body(), delivery.headers());
            assertEquals("cn.psi.contribution.batch.completed", event.get("type").asText());
            assertEquals(delivery.headers().get("webhook-id").get(0), event.get("id").asText());
            assertEquals(0, event.get("data").get("accepted").asInt());
            assertEquals(1, event.get("data").get("rejected").asInt());
            assertFalse(delivery.body().contains(stranger), "no citizen ID in a delivery");
            String eventId = event.get("id").asText();
            Stack.contribution(token).get("/api/platforms/me/webhook/deliveries").then().statusCode(200)
                    .body("find { it.eventId == '%s' }.state".formatted(eventId), org.hamcrest.Matchers.equalTo("DELIVERED"));
        } finally {
            receiver.stop(0);
        }
    }
}
