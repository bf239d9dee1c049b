package org.psi.transfer.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.psi.transfer.support.Db;
import org.psi.transfer.support.Fixtures;

/** Idempotency-Key on POST /api/transfers, and the one-open-case rule under concurrency. */
@QuarkusTest
class IdempotencyTest {

    @Test
    void theSameKeyAndBodyReplayTheFirstResponseEvenAfterTheCaseMovedOn() {
        Fixtures.Worker w = Fixtures.pension("440000", 100, 100);
        Response first = given().auth().oauth2(w.token()).contentType("application/json").header("Idempotency-Key", "apply-1")
                .body("{\"scheme\":\"PENSION\",\"toRegion\":\"310000\"}").post("/api/transfers");
        assertEquals(201, first.statusCode());
        String id = first.path("id");
        Fixtures.awaitHeld(id);
        Fixtures.accept(id, "310000").statusCode(200);
        // same body, written differently
        Response replay = given().auth().oauth2(w.token()).contentType("application/json").header("Idempotency-Key", "apply-1")
                .body("{ \"toRegion\": \"310000\", \"scheme\": \"PENSION\" }").post("/api/transfers");
        assertEquals(201, replay.statusCode());
        assertEquals(first.asString(), replay.asString());
        assertEquals(first.header("Location"), replay.header("Location"));
        assertEquals(1, Db.casesOf(w.workerId()));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        Fixtures.Worker w = Fixtures.pension("440000", 100, 100);
        String id = Fixtures.submit(w.token(), "PENSION", "310000", "apply-2").statusCode(201).extract().path("id");
        Fixtures.submit(w.token(), "PENSION", "320000", "apply-2").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://psi.example/problems/idempotency-key-reused"));
        assertEquals(1, Db.casesOf(w.workerId()));
        Fixtures.view(id).body("toRegion", equalTo("310000"));
    }

    @Test
    void keysAreScopedToTheCaller() {
        Fixtures.Worker a = Fixtures.pension("440000", 100, 100);
        Fixtures.Worker b = Fixtures.pension("440000", 100, 100);
        String ida = Fixtures.submit(a.token(), "PENSION", "310000", "shared-key").statusCode(201).extract().path("id");
        String idb = Fixtures.submit(b.token(), "PENSION", "310000", "shared-key").statusCode(201).extract().path("id");
        assertNotEquals(ida, idb);
    }

    @Test
    void concurrentIdenticalRequestsCreateOneCase() throws Exception {
        Fixtures.Worker w = Fixtures.pension("440000", 100, 100);
        String key = UUID.randomUUID().toString();
        List<Response> responses = race(8, i -> Fixtures.submit(w.token(), "PENSION", "310000", key).extract().response());
        Set<String> ids = new HashSet<>();
        for (Response r : responses) {
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.path("id"));
        }
        assertEquals(1, ids.size());
        assertEquals(1, Db.casesOf(w.workerId()));
        assertEquals(1, Db.count("select count(*) from transfer_event where transfer_id = ? and type = 'SUBMITTED'",
                UUID.fromString(ids.iterator().next())));
    }

    @Test
    void twoDifferentConcurrentTransfersOfTheSameWorkerAndSchemeCannotBothProceed() throws Exception {
        Fixtures.Worker w = Fixtures.pension("440000", 100, 100);
        String[] destinations = {"310000", "320000", "330000", "110000", "120000", "350000", "370000", "420000"};
        List<Response> responses = race(destinations.length,
                i -> Fixtures.submit(w.token(), "PENSION", destinations[i], UUID.randomUUID().toString()).extract().response());
        long created = responses.stream().filter(r -> r.statusCode() == 201).count();
        long conflicts = responses.stream().filter(r -> r.statusCode() == 409
                && "https://psi.example/problems/transfer-open".equals(r.path("type"))).count();
        assertEquals(1, created);
        assertEquals(destinations.length - 1, conflicts);
        assertEquals(1, Db.count("select count(*) from transfer_case where worker_id = ? and status in ('SUBMITTED','ACCEPTED','TRANSFERRED_OUT')",
                UUID.fromString(w.workerId())));
    }

    interface Request {
        Response send(int i);
    }

    private static List<Response> race(int n, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Response> call = () -> {
                    start.await();
                    return request.send(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
