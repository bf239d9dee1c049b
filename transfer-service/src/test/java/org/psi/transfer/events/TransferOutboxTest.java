package org.psi.transfer.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.transfer.support.Db;
import org.psi.transfer.support.Fixtures;

/**
 * The transfer-service's outbox: every step of a case's trail is an event of the {@code transfer}
 * stream, written in the transaction of the step (so a refused request writes none), served in commit
 * order to the readers entitled to it, and thin: ids, the step and when, never a citizen ID.
 * Cases go from Liaoning (210000) to Jilin (220000), regions no other test uses.
 */
@QuarkusTest
class TransferOutboxTest {

    static final String FROM = "210000";
    static final String TO = "220000";
    static final String READER = "contribution-service";

    @Test
    void everyStepOfACaseIsOneEventInTrailOrderAndCarriesNoPersonalData() {
        Fixtures.Worker w = Fixtures.pension(FROM, 1_234_500, 2_592_000);
        String id = Fixtures.submitted(w, "PENSION", TO);
        Fixtures.awaitHeld(id);
        Fixtures.awaitSettled(id, "SUBMITTED");
        Fixtures.accept(id, TO).statusCode(200);
        Fixtures.awaitSettled(id, "ACCEPTED");
        Fixtures.transferOut(id, FROM).statusCode(200);
        Fixtures.awaitSettled(id, "COMPLETED");

        List<String> trail = given().auth().oauth2(Tokens.admin()).get("/api/transfers/" + id + "/events?limit=100")
                .then().statusCode(200).extract().path("items.type");
        List<Map<String, Object>> events = eventsOf(id);
        assertEquals(trail.size(), events.size(), "one event a step: " + trail + " vs " + events);
        for (int i = 0; i < trail.size(); i++) {
            Map<String, Object> e = events.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = (Map<String, Object>) e.get("payload");
            assertEquals("transfer", e.get("aggregateType"));
            assertEquals("transfer." + trail.get(i).toLowerCase(), e.get("type"));
            assertEquals(i + 1, payload.get("seq"), "in trail order");
            assertEquals(trail.get(i), payload.get("step"));
            assertEquals(id, payload.get("transferId"));
            assertEquals(w.workerId(), payload.get("workerId"));
            assertEquals(java.util.Set.of("transferId", "workerId", "seq", "step", "at"), payload.keySet(), "thin: " + payload);
        }
        assertEquals("transfer.completed", events.get(events.size() - 1).get("type"));
        // the table has them in commit order too
        assertEquals(trail.size(), Db.count("select count(*) from outbox_event where aggregateid = ? and seq is not null", id));
    }

    @Test
    void aRefusedRequestWritesNoEvent() {
        Fixtures.Worker w = Fixtures.pension(FROM, 1_000_000, 2_000_000);
        String id = Fixtures.submitted(w, "PENSION", TO);
        Fixtures.awaitSettled(id, "SUBMITTED");
        // (other tests' cases may go on writing their own events meanwhile: count this worker's)
        String hers = "select count(*) from outbox_event where payload->>'workerId' = ?";
        long before = Db.count(hers, w.workerId());
        Fixtures.Worker stranger = Fixtures.pension(FROM, 1_000_000, 2_000_000);
        Fixtures.act(stranger.token(), id, "cancel").statusCode(404);
        Fixtures.transferOut(id, FROM).statusCode(409);
        Fixtures.accept(id, FROM).statusCode(403);
        Fixtures.submit(w.token(), "PENSION", TO, java.util.UUID.randomUUID().toString()).statusCode(409);
        assertEquals(before, Db.count(hers, w.workerId()), "no event without a change");
        assertEquals(0, Db.count(hers, stranger.workerId()), "the stranger's refused cancel wrote nothing");
        assertEquals(1, Db.casesOf(w.workerId()));
        assertEquals("SUBMITTED", Fixtures.status(id));
    }

    @Test
    void onlyAnEntitledServiceReadsTheFeed() {
        given().get("/internal/events").then().statusCode(401);
        given().auth().oauth2(Tokens.worker("someone")).get("/internal/events").then().statusCode(403);
        given().auth().oauth2(Tokens.officer(FROM)).get("/internal/events").then().statusCode(403);
        given().auth().oauth2(Tokens.internal("enrollment-service")).get("/internal/events").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.internal(READER)).get("/internal/events?after=-1").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.internal(READER)).get("/internal/events?limit=0").then().statusCode(400);
        given().auth().oauth2(Tokens.internal(READER)).get("/internal/events?limit=1").then().statusCode(200)
                .body("events.size()", org.hamcrest.Matchers.lessThanOrEqualTo(1));
    }

    /** The events of one case, reading the whole feed page by page. */
    private static List<Map<String, Object>> eventsOf(String transferId) {
        List<Map<String, Object>> mine = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonPath page = given().auth().oauth2(Tokens.internal(READER)).queryParam("after", after).queryParam("limit", 1000)
                    .get("/internal/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> events = page.getList("events");
            for (Map<String, Object> e : events) {
                if (transferId.equals(e.get("aggregateId"))) {
                    mine.add(e);
                }
            }
            long next = page.getLong("next");
            if (events.isEmpty() || next == after) {
                assertFalse(mine.isEmpty(), "the case's events are in the feed");
                return mine;
            }
            after = next;
        }
    }
}
