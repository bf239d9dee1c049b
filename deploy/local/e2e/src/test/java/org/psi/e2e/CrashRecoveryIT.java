package org.psi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crashes of the real stack in the middle of writing money: the contribution-service killed (SIGKILL)
 * while a feed's transaction is half written, PostgreSQL killed (every process, SIGKILL) and started
 * again while a feed is half written and while a saga step (the commit of a transfer's funds) is half
 * written. To stop a transaction at that point, the test holds an exclusive lock on the ledger's legs
 * ({@code ledger_entry}): the feed or commit has written its postings and waits to write their legs.
 * Afterwards: every batch is applied whole or not at all, a retry with the same Idempotency-Key
 * converges (201 with the whole batch once, then the same answer), every posting balances, and each
 * transfer case completes (the commit once) or compensates (its hold released).
 *
 * <p>Runs last (ClassOrderer in the pom): after PostgreSQL restarts, the services' pools hold dead
 * connections until they meet them; the steps after a crash retry until the stack answers again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE)
class CrashRecoveryIT {

    private static final String FROM = "440000";
    private static final String TO = "110000";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int LINES = 20;
    private static final long LINE_FEN = 1_000;
    private static final Duration RECOVERY = Duration.ofMinutes(3);

    private static Insured feeder1;
    private static Insured feeder2;
    private static Insured mover;
    private static Insured quitter;
    private static Insured courier;
    private static long moverAccount;
    private static long quitterAccount;
    private static String platform;

    @BeforeAll
    static void world() {
        Stack.assumeRuns("contribution-service");
        Stack.assumeRuns("transfer-service");
        StackControl.assumeControllable("contribution-service");
        StackControl.assumePostgresControllable();
        Databases.assumeReachable();
        feeder1 = Insured.enrolled("feeder1-" + RUN, FROM, "440104", LocalDate.of(1991, 1, 11));
        feeder2 = Insured.enrolled("feeder2-" + RUN, FROM, "440104", LocalDate.of(1991, 2, 12));
        mover = Insured.enrolled("mover-" + RUN, FROM, "440104", LocalDate.of(1991, 3, 13));
        quitter = Insured.enrolled("quitter-" + RUN, FROM, "440104", LocalDate.of(1991, 4, 14));
        courier = Insured.enrolled("courier-" + RUN, FROM, "440104", LocalDate.of(1991, 5, 15));
        Stack.enrollment(courier.token()).body(Map.of("scheme", "OCCUPATIONAL_INJURY", "region", FROM))
                .post("/api/workers/me/enrollments").then().statusCode(201);
        moverAccount = mover.paidMonth("CM-" + RUN, 30_000);
        quitterAccount = quitter.paidMonth("CQ-" + RUN, 30_000);
        // every token the tests need, while Keycloak's database is up (tokens live 15 minutes)
        platform = Tokens.platform("platform-fastmeal");
        Tokens.staff("officer.beijing");
        Tokens.staff("officer.guangdong");
    }

    // ------------------------------------------------------------------ the contribution-service dies mid-feed

    @Test
    @Order(1)
    void aFeedWhoseServiceIsKilledInTheMiddleOfItsWriteIsAppliedWholeOnceWhenRetried() {
        String key = "crash-feed-" + RUN;
        String refs = "CK-" + RUN + "-%";
        Map<String, Object> feed = feed(feeder1, "CK-" + RUN);
        Connection lock = Databases.lock("contribution", "ledger_entry");
        CompletableFuture<Response> first;
        try {
            first = CompletableFuture.supplyAsync(() -> postFeed(key, feed));
            Databases.awaitWaiter("contribution", "ledger_entry", Duration.ofMinutes(2));
            // its postings are written, its legs wait: the service dies here
            StackControl.crash(StackControl.pid("contribution-service"));
        } finally {
            Databases.release(lock);
        }
        assertNoAnswer(first, "the feed's service died before answering");
        System.out.println("[crash] the contribution-service killed with a feed's postings written and its legs waiting");
        Databases.awaitNoneOn("contribution", "ledger_entry", Duration.ofMinutes(1));
        assertNothingOf(key, refs);

        StackControl.restart("contribution-service");
        assertAppliedOnceOnRetry(key, feed, refs);
    }

    // ------------------------------------------------------------------ PostgreSQL dies mid-feed

    @Test
    @Order(2)
    void aFeedWhoseDatabaseIsKilledInTheMiddleOfItsWriteIsAppliedWholeOnceWhenRetried() {
        String key = "pg-feed-" + RUN;
        String refs = "PK-" + RUN + "-%";
        Map<String, Object> feed = feed(feeder2, "PK-" + RUN);
        Connection lock = Databases.lock("contribution", "ledger_entry");
        CompletableFuture<Response> first;
        try {
            first = CompletableFuture.supplyAsync(() -> postFeed(key, feed));
            Databases.awaitWaiter("contribution", "ledger_entry", Duration.ofMinutes(2));
            StackControl.crashPostgres();
        } finally {
            Databases.release(lock);
        }
        Response failed = answer(first);
        if (failed != null) {
            assertTrue(failed.statusCode() >= 500, "the feed cannot have been applied: " + failed.statusCode() + " " + failed.asString());
        }
        System.out.println("[crash] PostgreSQL killed in the middle of a feed's write; the feed answered "
                + (failed == null ? "nothing (connection cut)" : failed.statusCode()));
        long down = System.nanoTime();
        StackControl.restart("postgres");
        // a transaction cut off by the crash is gone after recovery: nothing of the feed
        eventually(() -> {
            assertNothingOf(key, refs);
            return true;
        });
        assertAppliedOnceOnRetry(key, feed, refs);
        System.out.printf("[crash] the feed retried with its key was applied whole, once, %d s after PostgreSQL was killed%n",
                Duration.ofNanos(System.nanoTime() - down).toSeconds());
    }

    // ------------------------------------------------------------------ PostgreSQL dies mid-step of the saga

    @Test
    @Order(3)
    void casesWhoseDatabaseIsKilledInTheMiddleOfASagaStepCompleteOrCompensate() {
        String moving = apply(mover, "pg-move-" + RUN);
        String leaving = apply(quitter, "pg-quit-" + RUN);
        ok(() -> Stack.transfer(Tokens.staff("officer.beijing")).post("/api/transfers/" + moving + "/accept"));
        awaitCase(mover, moving, c -> "HELD".equals(c.getString("funds.state")), "the funds held");
        awaitCase(quitter, leaving, c -> "HELD".equals(c.getString("funds.state")), "the funds held");

        Connection lock = Databases.lock("contribution", "ledger_entry");
        try {
            ok(() -> Stack.transfer(Tokens.staff("officer.guangdong")).post("/api/transfers/" + moving + "/transfer-out"));
            // the saga moves the enrollment, then its commit posts the move and waits to write the legs
            Databases.awaitWaiter("contribution", "ledger_entry", Duration.ofMinutes(2));
            StackControl.crashPostgres();
        } finally {
            Databases.release(lock);
        }
        // while the database is down, a decision cannot be made (and nothing changes)
        Response refused = Stack.transfer(Tokens.staff("officer.beijing")).body(Map.of("reason", "Not a resident"))
                .post("/api/transfers/" + leaving + "/reject");
        assertTrue(refused.statusCode() >= 500, refused.statusCode() + " " + refused.asString());
        long down = System.nanoTime();
        StackControl.restart("postgres");
        // the decision again: it is made once (a retry after an answer lost finds it made)
        eventually(() -> {
            Response r = Stack.transfer(Tokens.staff("officer.beijing")).body(Map.of("reason", "Not a resident"))
                    .post("/api/transfers/" + leaving + "/reject");
            return r.statusCode() == 200 || r.statusCode() == 409 && "REJECTED".equals(view(quitter, leaving).getString("status"));
        });

        JsonPath done = awaitCase(mover, moving, c -> "COMPLETED".equals(c.getString("status")), "COMPLETED");
        assertEquals("COMMITTED", done.getString("funds.state"));
        assertEquals(moverAccount, done.getLong("funds.individualAccountFen"));
        List<String> trail = types(mover, moving);
        assertEquals(1, trail.stream().filter("ENROLLMENT_MOVED"::equals).count(), trail.toString());
        assertEquals(1, trail.stream().filter("FUNDS_COMMITTED"::equals).count(), trail.toString());
        assertEquals(Boolean.TRUE, ok(() -> Stack.transfer(mover.token()).get("/api/transfers/" + moving + "/events"))
                .path("integrity.valid"));
        assertEquals(1, Databases.count("contribution", "select count(*) from posting where transfer_id = ?", UUID.fromString(moving)));
        assertEquals("COMMITTED", Databases.text("contribution", "select status from transfer_hold where transfer_id = ?",
                UUID.fromString(moving)));
        assertEquals(0L, eventually(() -> mover.balance(FROM)));
        assertEquals(moverAccount, (long) eventually(() -> mover.balance(TO)));

        JsonPath left = awaitCase(quitter, leaving, c -> "RELEASED".equals(c.getString("funds.state")), "its hold released");
        assertEquals("REJECTED", left.getString("status"));
        assertEquals("RELEASED", Databases.text("contribution", "select status from transfer_hold where transfer_id = ?",
                UUID.fromString(leaving)));
        assertEquals(0, Databases.count("contribution", "select count(*) from posting where transfer_id = ?", UUID.fromString(leaving)));
        assertEquals(quitterAccount, (long) eventually(() -> quitter.balance(FROM)));
        assertEquals(0, Databases.count("contribution", "select count(*) from transfer_hold where worker_id in (?, ?) and status = 'HELD'",
                UUID.fromString(mover.workerId()), UUID.fromString(quitter.workerId())), "no hold left held");
        assertEquals(0, Databases.unbalancedPostings());
        assertEquals(0, Databases.ledgerImbalance());
        System.out.printf("[crash] PostgreSQL killed during a commit of the saga: %d s later the case COMPLETED (one commit) "
                + "and the rejected one compensated%n", Duration.ofNanos(System.nanoTime() - down).toSeconds());
    }

    // ------------------------------------------------------------------ the contribution-service dies mid-job

    @Test
    @Order(4)
    void aFeedJobWhoseServiceIsKilledInTheMiddleCompletesAfterTheRestartWithNoLineTwice() throws Exception {
        int lines = 25_000;
        String refs = "CJ-" + RUN + "-%";
        String day = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            body.append("{\"ref\":\"CJ-").append(RUN).append('-').append(i).append("\",\"nationalId\":\"").append(courier.nationalId())
                    .append("\",\"scheme\":\"OCCUPATIONAL_INJURY\",\"period\":\"").append(day)
                    .append("\",\"orders\":1,\"sector\":\"FOOD_DELIVERY\"}\n");
        }
        Connection lock = Databases.lock("contribution", "ledger_entry");
        String id;
        try {
            id = ok(() -> Stack.contribution(platform).contentType("application/x-ndjson").header("Idempotency-Key", "crash-job-" + RUN)
                    .body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/contribution-feeds"), 202).path("id");
            Databases.awaitWaiter("contribution", "ledger_entry", Duration.ofMinutes(2));
            // a chunk's postings are written, its legs wait: the service dies here
            StackControl.crash(StackControl.pid("contribution-service"));
        } finally {
            Databases.release(lock);
        }
        System.out.println("[crash] the contribution-service killed in the middle of a feed job's chunk");
        Databases.awaitNoneOn("contribution", "ledger_entry", Duration.ofMinutes(1));
        long before = Databases.count("contribution", "select count(*) from posting where ref like ?", refs);
        assertTrue(before < lines, "the job was cut off before its end");

        Duration restart = StackControl.restart("contribution-service");
        JsonPath job = eventually(() -> {
            JsonPath j = ok(() -> Stack.contribution(platform).get("/api/contribution-feeds/" + id)).jsonPath();
            return "DONE".equals(j.getString("status")) ? j : null;
        }, Duration.ofMinutes(3), "the job to complete after the restart");
        assertEquals(lines, job.getInt("accepted"), job.prettify());
        assertEquals(0, job.getInt("duplicates"));
        assertEquals(0, job.getInt("rejected"));
        assertEquals(lines, Databases.count("contribution", "select count(*) from posting where ref like ?", refs), "each line once");
        assertEquals(lines, Databases.count("contribution", "select count(distinct ref) from posting where ref like ?", refs));
        assertEquals(0, Databases.unbalancedPostings());
        assertEquals(0, Databases.ledgerImbalance());
        System.out.printf("[crash] the job completed after the restart (%d s to start): %d lines, each once%n", restart.toSeconds(), lines);
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> feed(Insured w, String refPrefix) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            lines.add(w.line(refPrefix + "-" + i, LINE_FEN));
        }
        return Map.of("lines", lines);
    }

    private static Response postFeed(String key, Map<String, Object> feed) {
        return Stack.contribution(platform).header("Idempotency-Key", key).body(feed).post("/api/contribution-batches");
    }

    /** Nothing of the feed in the ledger: no posting of its refs, no batch under its key. */
    private static void assertNothingOf(String key, String refs) {
        assertEquals(0, Databases.count("contribution", "select count(*) from posting where ref like ?", refs), "no line of it");
        assertEquals(0, Databases.count("contribution", "select count(*) from contribution_batch where idempotency_key = ?", key),
                "no batch of it");
    }

    /** A retry with the same key applies the whole feed, once; another retry answers the same batch. */
    private static void assertAppliedOnceOnRetry(String key, Map<String, Object> feed, String refs) {
        Response applied = eventually(() -> {
            Response r = postFeed(key, feed);
            return r.statusCode() == 201 ? r : null;
        });
        assertEquals(LINES, (int) applied.path("accepted"), applied.asString());
        assertEquals(0, (int) applied.path("rejected"), applied.asString());
        String batch = applied.path("batchId");
        assertEquals(LINES, Databases.count("contribution", "select count(*) from posting where ref like ? and batch_id = ?", refs,
                UUID.fromString(batch)));
        assertEquals(LINES * LINE_FEN, Databases.count("contribution", "select coalesce(sum(amount_fen), 0) from posting where ref like ?", refs));
        Response replay = eventually(() -> {
            Response r = postFeed(key, feed);
            return r.statusCode() == 201 ? r : null;
        });
        assertEquals(batch, replay.path("batchId"));
        assertEquals(LINES, (int) replay.path("accepted"));
        assertEquals(LINES, Databases.count("contribution", "select count(*) from posting where ref like ?", refs));
        assertEquals(1, Databases.count("contribution", "select count(*) from contribution_batch where idempotency_key = ?", key));
        assertEquals(0, Databases.unbalancedPostings());
        assertEquals(0, Databases.ledgerImbalance());
    }

    private static String apply(Insured w, String key) {
        return ok(() -> Stack.transfer(w.token()).header("Idempotency-Key", key).body(Map.of("scheme", "PENSION", "toRegion", TO))
                .post("/api/transfers"), 201).path("id");
    }

    private static JsonPath view(Insured w, String id) {
        return ok(() -> Stack.transfer(w.token()).get("/api/transfers/" + id)).jsonPath();
    }

    private static List<String> types(Insured w, String id) {
        return ok(() -> Stack.transfer(w.token()).queryParam("limit", 100).get("/api/transfers/" + id + "/events"))
                .jsonPath().getList("items.type", String.class);
    }

    private static JsonPath awaitCase(Insured w, String id, Predicate<JsonPath> done, String what) {
        return eventually(() -> {
            JsonPath c = view(w, id);
            return done.test(c) ? c : null;
        }, Duration.ofMinutes(5), "the case " + id + " reaching " + what);
    }

    /** The response once it has {@code status}, retried while the stack recovers (5xx, no connection). */
    private static Response ok(Supplier<Response> call, int status) {
        return eventually(() -> {
            Response r = call.get();
            if (r.statusCode() == status) {
                return r;
            }
            if (r.statusCode() < 500) {
                throw new AssertionError("answered " + r.statusCode() + ": " + r.asString());
            }
            return null;
        });
    }

    private static Response ok(Supplier<Response> call) {
        return ok(call, 200);
    }

    private static <T> T eventually(Supplier<T> attempt) {
        return eventually(attempt, RECOVERY, "the stack to recover");
    }

    /** {@code attempt} until it returns a value (not null, not false) and throws nothing but 5xx-like failures. */
    private static <T> T eventually(Supplier<T> attempt, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        Throwable last = null;
        while (true) {
            try {
                T value = attempt.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (AssertionError e) {
                if (e.getMessage() != null && e.getMessage().startsWith("answered 4")) {
                    throw e;
                }
                last = e;
            } catch (RuntimeException e) {
                last = e; // no connection yet, a dead pooled connection met
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + what, last);
            }
            Databases.pause(500);
        }
    }

    private static Response answer(CompletableFuture<Response> call) {
        try {
            return call.get(3, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            return null; // the connection was cut
        } catch (Exception e) {
            throw new AssertionError("the first request neither answered nor failed", e);
        }
    }

    private static void assertNoAnswer(CompletableFuture<Response> call, String why) {
        Response r = answer(call);
        if (r != null) {
            assertNotEquals(201, r.statusCode(), why + ": " + r.asString());
        }
    }
}
