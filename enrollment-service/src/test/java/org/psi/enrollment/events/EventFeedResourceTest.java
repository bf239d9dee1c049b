package org.psi.enrollment.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

/**
 * The outbox and its feed: every change other services copy is an event, in commit order, each
 * reader gets only its streams, none carries a citizen ID, and concurrent changes of one worker are
 * all in the state the last event carries.
 */
@QuarkusTest
class EventFeedResourceTest {

    private static final String CONTRIBUTION = Tokens.internal("contribution-service");
    private static final String TRANSFER = Tokens.internal("transfer-service");

    private static JsonPath feed(String token, long after, int limit) {
        return given().auth().oauth2(token).queryParam("after", after).queryParam("limit", limit)
                .get("/internal/events").then().statusCode(200).extract().jsonPath();
    }

    /** Every event of the feed after {@code after}, page by page. */
    private static List<Map<String, Object>> all(String token, long after) {
        List<Map<String, Object>> out = new ArrayList<>();
        long at = after;
        while (true) {
            JsonPath page = feed(token, at, 200);
            List<Map<String, Object>> events = page.getList("events");
            out.addAll(events);
            long next = page.getLong("next");
            if (events.isEmpty() || next == at) {
                return out;
            }
            at = next;
        }
    }

    private static long head(String token) {
        long at = 0;
        while (true) {
            JsonPath page = feed(token, at, 1000);
            long next = page.getLong("next");
            if (next == at) {
                return at;
            }
            at = next;
        }
    }

    private static List<Map<String, Object>> of(List<Map<String, Object>> events, String aggregateId) {
        return events.stream().filter(e -> aggregateId.equals(e.get("aggregateId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) event.get("payload");
    }

    @Test
    void everyChangeIsAnEventInCommitOrderAndEachReaderGetsOnlyItsStreams() {
        long start = head(CONTRIBUTION);
        String platform = Fixtures.platform("FOOD_DELIVERY");
        Fixtures.Registered w = Fixtures.worker();
        String enrollmentId = Fixtures.enrol(w.token(), "PENSION", "440000", 100, null).statusCode(201).extract().path("id");
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", platform))
                .post("/api/workers/me/platform-links").then().statusCode(201);
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("baseGrade", 150))
                .patch("/api/workers/me/enrollments/" + enrollmentId).then().statusCode(200);
        given().auth().oauth2(w.token()).delete("/api/workers/me/platform-links/" + platform).then().statusCode(200);

        List<Map<String, Object>> forContribution = all(CONTRIBUTION, start);
        List<Map<String, Object>> mine = of(forContribution, w.workerId());
        assertEquals(List.of("worker.registered", "holder.registered", "enrollment.opened", "consent.granted",
                "enrollment.changed", "consent.revoked"), mine.stream().map(e -> e.get("type")).toList());
        long last = 0;
        for (Map<String, Object> e : forContribution) {
            long seq = ((Number) e.get("seq")).longValue();
            assertTrue(seq > last, "the feed is in commit order, each event once");
            last = seq;
            String json = e.toString();
            assertFalse(json.contains(w.nationalId()), "no event carries a citizen ID");
            assertFalse(List.of("person").contains(e.get("aggregateType")), "the contribution-service reads no person stream");
        }
        assertTrue(forContribution.stream().anyMatch(e -> "platform".equals(e.get("aggregateType"))
                && platform.equals(e.get("aggregateId"))), "the platform's registration is an event");
        Map<String, Object> state = payload(mine.get(mine.size() - 1));
        assertEquals(w.subject(), state.get("subject"));
        List<Map<String, Object>> enrollments = (List<Map<String, Object>>) state.get("enrollments");
        assertEquals(1, enrollments.size());
        assertEquals(2, ((List<?>) enrollments.get(0).get("grades")).size(), "the grade change is in the state");
        List<Map<String, Object>> consents = (List<Map<String, Object>>) state.get("consents");
        assertEquals(1, consents.size());
        assertTrue(consents.get(0).get("revokedAt") != null, "the revocation is in the state");
        assertTrue(consents.get(0).get("linkId") != null, "a consent carries its link id");
        Map<String, Object> holder = payload(mine.get(1));
        assertEquals("Test Worker", holder.get("name"));
        assertEquals(w.nationalId().substring(14), holder.get("nationalIdLast4"));
        assertFalse(holder.containsKey("birthDate"), "the holder stream has no birth date");

        List<Map<String, Object>> forTransfer = of(all(TRANSFER, start), w.workerId());
        assertEquals(List.of("worker.registered", "person.registered", "enrollment.opened", "consent.granted",
                "enrollment.changed", "consent.revoked"), forTransfer.stream().map(e -> e.get("type")).toList());
        Map<String, Object> person = payload(forTransfer.get(1));
        assertEquals(w.nationalId().substring(6, 10) + "-" + w.nationalId().substring(10, 12) + "-"
                + w.nationalId().substring(12, 14), person.get("birthDate"));
        assertFalse(person.containsKey("name"), "the person stream names no one");
    }

    @Test
    void concurrentChangesOfOneWorkerAllReachTheLastEvent() throws Exception {
        Fixtures.Registered w = Fixtures.worker();
        List<String> platforms = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            platforms.add(Fixtures.platform());
        }
        long start = head(CONTRIBUTION);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (String p : platforms) {
                done.add(pool.submit(() -> given().auth().oauth2(w.token()).contentType(ContentType.JSON)
                        .body(Map.of("platformCode", p)).post("/api/workers/me/platform-links").statusCode()));
            }
            for (Future<Integer> f : done) {
                assertEquals(201, f.get());
            }
        } finally {
            pool.shutdown();
        }
        List<Map<String, Object>> mine = of(all(CONTRIBUTION, start), w.workerId());
        assertEquals(8, mine.size());
        for (int i = 0; i < mine.size(); i++) {
            assertEquals(i + 1, ((List<?>) payload(mine.get(i)).get("consents")).size(),
                    "each event's state includes every change committed before it");
        }
    }

    @Test
    void aServiceMeetingAnUnknownLoginGetsTheWorkersStateOnce() {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "MEDICAL", "440300", 100, null).statusCode(201);
        long head = head(CONTRIBUTION);
        JsonPath copy = given().auth().oauth2(CONTRIBUTION).get("/internal/events/workers/by-subject/" + w.subject())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("worker", "holder"), copy.getList("events.aggregateType"));
        assertTrue(copy.getLong("events[0].seq") <= head && copy.getLong("events[0].seq") > 0,
                "the copy carries the position of the worker's latest event");
        assertEquals("MEDICAL", copy.getString("events[0].payload.enrollments[0].scheme"));
        given().auth().oauth2(CONTRIBUTION).get("/internal/events/workers/by-subject/nobody-" + w.subject())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyPsiServicesThatReadAStreamMayReadTheFeed() {
        given().get("/internal/events").then().statusCode(401);
        given().auth().oauth2(Tokens.platform("client-x")).get("/internal/events").then().statusCode(403);
        given().auth().oauth2(Tokens.internal("some-other-service")).get("/internal/events").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(CONTRIBUTION).queryParam("limit", 0).get("/internal/events").then().statusCode(400);
        given().auth().oauth2(CONTRIBUTION).queryParam("after", -1).get("/internal/events").then().statusCode(400);
        given().auth().oauth2(CONTRIBUTION).queryParam("waitSeconds", 99).get("/internal/events").then().statusCode(400);
    }

    @Test
    void aReaderWaitsForTheNextEventInsteadOfPolling() throws Exception {
        long head = head(CONTRIBUTION);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<JsonPath> waiting = pool.submit(() -> given().auth().oauth2(CONTRIBUTION).queryParam("after", head)
                    .queryParam("waitSeconds", 15).get("/internal/events").then().statusCode(200).extract().jsonPath());
            Thread.sleep(300);
            String platform = Fixtures.platform();
            JsonPath page = waiting.get();
            assertTrue(page.getList("events.aggregateId").contains(platform), "the waiting reader got the new event");
        } finally {
            pool.shutdown();
        }
    }
}
