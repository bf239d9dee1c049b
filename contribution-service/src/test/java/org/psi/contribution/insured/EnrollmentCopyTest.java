package org.psi.contribution.insured;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.events.EventConsumer;
import org.psi.common.test.ServiceProcess;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * This service's copy of who is insured where, kept from the enrollment-service's events: read
 * right after a change, complete after either side dies mid-stream, and the reason a peer down is
 * not an outage.
 */
@QuarkusTest
class EnrollmentCopyTest extends LedgerChecks {

    private static final String GD = "440000";
    private static final String SERVICE = "enrollment-service";

    @Inject
    EnrollmentCopy copy;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void policy() {
        Fixtures.testPolicy(GD);
    }

    private EventConsumer consumer() {
        return copy.consumer().orElseThrow();
    }

    private static JsonPath statement(Worker w) {
        return given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The worker's state as the enrollment-service has it now, and as this service's copy has it. */
    private void assertCopyEqualsSource(List<Worker> workers) throws Exception {
        for (Worker w : workers) {
            String source = given().baseUri(Fixtures.enrollmentUrl()).auth().oauth2(Tokens.internal("contribution-service"))
                    .get("/internal/events/workers/by-subject/" + w.subject()).then().statusCode(200).extract().asString();
            JsonNode sourceState = json.readTree(source).get("events").get(0).get("payload");
            String[] local = new String[1];
            query("select record::text from insured_worker where worker_id = '" + w.workerId() + "'", rs -> local[0] = rs.getString(1));
            assertTrue(local[0] != null, "the copy knows " + w.workerId());
            JsonNode localState = json.readTree(local[0]);
            assertEquals(sourceState.get("enrollments"), localState.get("enrollments"), "enrollments of " + w.workerId());
            assertEquals(sourceState.get("consents"), localState.get("consents"), "consents of " + w.workerId());
        }
    }

    private void awaitCaughtUp(List<Worker> workers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                assertCopyEqualsSource(workers);
                return;
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw last;
    }

    @Test
    void aWorkersChangeIsInHerNextReadEveryTime() {
        for (int i = 0; i < 100; i++) {
            Worker w = Fixtures.worker();
            Fixtures.enrol(w, "PENSION", GD, null);
            JsonPath s = statement(w);
            assertEquals(1, s.getList("months").size(), "read " + i + " sees the enrollment made just before");
            assertEquals(200_000, s.getLong("months[0].dueFen"), "read " + i + ": the month is assessed");
        }
    }

    @Test
    void aLineForAConsentJustGrantedIsAccepted() {
        Platform p = Fixtures.platform();
        for (int i = 0; i < 10; i++) {
            Worker w = Fixtures.worker();
            Fixtures.enrol(w, "PENSION", GD, null);
            Fixtures.link(w, p);
            send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 1_000))).then().statusCode(201)
                    .body("accepted", equalTo(1));
        }
    }

    @Test
    void aLoginTheCopyDoesNotKnowIsLookedUpOnceAndKept() throws Exception {
        consumer().pause(true);
        Worker w;
        try {
            w = Fixtures.worker();
            Fixtures.enrol(w, "PENSION", GD, null);
            long[] known = new long[1];
            query("select count(*) from insured_worker where worker_id = '" + w.workerId() + "'", rs -> known[0] = rs.getLong(1));
            assertEquals(0, known[0], "the copy is held still");
            assertEquals(1, statement(w).getList("months").size(), "looked up, with its enrollment, and assessed");
            query("select count(*) from insured_worker where worker_id = '" + w.workerId() + "'", rs -> known[0] = rs.getLong(1));
            assertEquals(1, known[0], "and kept");
        } finally {
            consumer().pause(false);
        }
        awaitCaughtUp(List.of(w));
    }

    @Test
    void eventsAppliedAgainChangeNothing() throws Exception {
        List<Worker> workers = new ArrayList<>();
        Platform p = Fixtures.platform();
        for (int i = 0; i < 5; i++) {
            Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
            Fixtures.revoke(w, p);
            workers.add(w);
        }
        awaitCaughtUp(workers);
        long[] before = counts();
        // as if this service had died after applying the feed and before recording how far: all of it comes again
        consumer().pause(true);
        execute("update event_position set position = 0 where source = 'enrollment-service'");
        consumer().reload();
        consumer().pause(false);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long[] position = new long[1];
        do {
            Thread.sleep(200);
            query("select position from event_position where source = 'enrollment-service'", rs -> position[0] = rs.getLong(1));
        } while (position[0] == 0 && System.nanoTime() < deadline);
        assertTrue(position[0] > 0);
        assertCopyEqualsSource(workers);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, counts(), "nothing was applied twice");
    }

    private long[] counts() throws SQLException {
        long[] v = new long[3];
        query("select (select count(*) from insured_worker), (select count(*) from month_assessment), (select count(*) from posting)",
                rs -> {
                    v[0] = rs.getLong(1);
                    v[1] = rs.getLong(2);
                    v[2] = rs.getLong(3);
                });
        return v;
    }

    @Test
    void whatTheEnrollmentServiceCommittedBeforeItDiedStillArrives() throws Exception {
        List<Worker> workers = new ArrayList<>();
        consumer().pause(true);
        try {
            for (int i = 0; i < 3; i++) {
                Worker w = Fixtures.worker();
                Fixtures.enrol(w, "MEDICAL", "440300", null);
                workers.add(w);
            }
            // committed there, not yet pulled here: the enrollment-service dies
            ServiceProcess.crash(SERVICE);
            ServiceProcess.restart(SERVICE);
        } finally {
            consumer().pause(false);
        }
        awaitCaughtUp(workers);
        awaitLookupsAnswered();
    }

    @Test
    void withTheEnrollmentServiceFrozenOrDownKnownWorkersAreServedAsUsual() throws Exception {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        statement(w);
        for (String fault : List.of("frozen", "down")) {
            if (fault.equals("frozen")) {
                ServiceProcess.freeze(SERVICE);
            } else {
                ServiceProcess.crash(SERVICE);
            }
            try {
                long t0 = System.nanoTime();
                assertEquals(1, statement(w).getList("months").size());
                given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").accept("application/json")
                        .get("/api/workers/me/certificate").then().statusCode(200);
                send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 1_000))).then().statusCode(201)
                        .body("accepted", equalTo(1));
                Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), 1_000, "P-" + ref()))
                        .then().statusCode(201);
                long known = System.nanoTime() - t0;
                // a login this service has never seen cannot be looked up: 503 at once, not a hang
                long t1 = System.nanoTime();
                given().auth().oauth2(Tokens.newWorker()).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                        .then().statusCode(503).contentType("application/problem+json");
                long unknown = System.nanoTime() - t1;
                System.out.printf("enrollment-service %s: known worker's reads and writes %d ms, unknown login %d ms%n",
                        fault, known / 1_000_000, unknown / 1_000_000);
            } finally {
                if (fault.equals("frozen")) {
                    ServiceProcess.thaw(SERVICE);
                } else {
                    ServiceProcess.restart(SERVICE);
                }
            }
        }
        // afterwards, changes flow again, and once the circuit breaker has let a trial through, lookups too
        Worker later = Fixtures.worker();
        Fixtures.enrol(later, "PENSION", GD, null);
        awaitCaughtUp(List.of(later));
        awaitLookupsAnswered();
    }

    /** After a restart of the enrollment-service: an unknown login is looked up again (404, not registered), so later tests find lookups as usual. */
    private static void awaitLookupsAnswered() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        do {
            Thread.sleep(500);
            status = given().auth().oauth2(Tokens.newWorker()).queryParam("scheme", "PENSION")
                    .get("/api/workers/me/statement").statusCode();
        } while (status == 503 && System.nanoTime() < deadline);
        assertEquals(404, status, "an unknown login is looked up again: not registered");
    }
}
