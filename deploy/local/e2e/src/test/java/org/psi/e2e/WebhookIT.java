package org.psi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
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
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A platform's webhook and feed job on the real stack (the realm's tokens, the local stack allows a
 * receiver on loopback): QuickRide subscribes, sends a batch, and receives the batch's CloudEvent,
 * signed per Standard Webhooks (checked with the reference implementation) and without a citizen ID;
 * then it sends a feed job (gzip NDJSON), follows its progress until the service's scheduler has
 * applied it, reads its rejected lines, and receives the job's CloudEvent. The lines name people nobody
 * registered, so they are rejected and no money of the other stories moves.
 */
class WebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Received(String body, Map<String, List<String>> headers) {
    }

    /** A webhook receiver on loopback, subscribed for QuickRide with a fresh secret. */
    private static final class Receiver implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final HttpServer server;
        final String secret;
        final String token = Tokens.platform("platform-quickride");

        Receiver(String... events) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/quickride-hook", ex -> {
                Map<String, List<String>> headers = new HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
                received.add(new Received(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), headers));
                ex.sendResponseHeaders(204, -1);
                ex.close();
            });
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/quickride-hook";
            Stack.contribution(token).body(Map.of("url", url, "events", List.of(events)))
                    .put("/api/platforms/me/webhook").then().statusCode(org.hamcrest.Matchers.anyOf(
                            org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
            // a fresh secret for this run (the one before also signs for a day)
            secret = Stack.contribution(token).post("/api/platforms/me/webhook/rotate-secret").then().statusCode(200)
                    .extract().path("secret");
        }

        /** The first delivery whose event matches, verified with the reference implementation of Standard Webhooks. */
        JsonNode await(Predicate<JsonNode> which) throws Exception {
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < until) {
                for (Received r : received) {
                    JsonNode e = JSON.readTree(r.body());
                    if (which.test(e)) {
                        new Webhook(secret).verify(r.body(), r.headers());
                        assertEquals(r.headers().get("webhook-id").get(0), e.get("id").asText());
                        return e;
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no such event was delivered: " + received);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String stranger() {
        return TestData.nationalId("440305", java.time.LocalDate.of(1991, 3, 3).plusDays(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(5000)), true);
    }

    @Test
    void aPlatformIsToldItsBatchCompleted() throws Exception {
        Stack.assumeRuns("contribution-service");
        String stranger = stranger();
        try (Receiver receiver = new Receiver("cn.psi.contribution.batch.completed")) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
            String batchId = Stack.contribution(receiver.token).header("Idempotency-Key", "webhook-" + run)
                    .body(Map.of("lines", List.of(Map.of("ref", "WH-" + run, "nationalId", stranger, "scheme", "PENSION",
                            "period", month, "amountFen", 100))))
                    .post("/api/contribution-batches").then().statusCode(201).extract().path("batchId");

            JsonNode event = receiver.await(e -> batchId.equals(e.path("data").path("batchId").asText()));
            assertEquals("cn.psi.contribution.batch.completed", event.get("type").asText());
            assertEquals(0, event.get("data").get("accepted").asInt());
            assertEquals(1, event.get("data").get("rejected").asInt());
            assertFalse(event.toString().contains(stranger), "no citizen ID in a delivery");
            String eventId = event.get("id").asText();
            Stack.contribution(receiver.token).get("/api/platforms/me/webhook/deliveries").then().statusCode(200)
                    .body("find { it.eventId == '%s' }.state".formatted(eventId), org.hamcrest.Matchers.equalTo("DELIVERED"));
        }
    }

    @Test
    void aPlatformsFeedJobRunsAndItIsToldWhenItIsDone() throws Exception {
        Stack.assumeRuns("contribution-service");
        String stranger = stranger();
        try (Receiver receiver = new Receiver("cn.psi.contribution.feed.completed")) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String day = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            int lines = 25_000;
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
                for (int i = 0; i < lines; i++) {
                    z.write(("{\"ref\":\"FJ-" + run + "-" + i + "\",\"nationalId\":\"" + stranger
                            + "\",\"scheme\":\"OCCUPATIONAL_INJURY\",\"period\":\"" + day + "\",\"orders\":1,\"sector\":\"RIDE_HAILING\"}\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            String id = Stack.contribution(receiver.token).contentType("application/x-ndjson").header("Content-Encoding", "gzip")
                    .header("Idempotency-Key", "feed-job-" + run).body(gz.toByteArray()).post("/api/contribution-feeds")
                    .then().statusCode(202).body("lines", org.hamcrest.Matchers.equalTo(lines)).extract().path("id");

            JsonPath job = null;
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < until) {
                job = Stack.contribution(receiver.token).get("/api/contribution-feeds/" + id).then().statusCode(200).extract().jsonPath();
                System.out.printf("[feed job] %s: %d of %d lines read (%d%%), eta %s s%n", job.getString("status"),
                        job.getInt("linesRead"), lines, job.getInt("percent"), job.getString("etaSeconds"));
                if ("DONE".equals(job.getString("status"))) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals("DONE", job.getString("status"));
            assertEquals(lines, job.getInt("rejected"), "nobody registered these people: every line is rejected");
            assertEquals(0, job.getInt("accepted"));
            String errors = Stack.contribution(receiver.token).accept("application/x-ndjson").get("/api/contribution-feeds/" + id + "/errors")
                    .then().statusCode(200).extract().asString();
            assertEquals(lines, errors.lines().count());
            assertTrue(errors.lines().allMatch(l -> l.contains("NOT_AUTHORISED")));
            assertFalse(errors.contains(stranger), "no citizen ID in the error file");

            JsonNode event = receiver.await(e -> id.equals(e.path("data").path("feedId").asText()));
            assertEquals("cn.psi.contribution.feed.completed", event.get("type").asText());
            assertEquals(lines, event.get("data").get("rejected").asInt());
            assertFalse(event.toString().contains(stranger), "no citizen ID in a delivery");
        }
    }
}
