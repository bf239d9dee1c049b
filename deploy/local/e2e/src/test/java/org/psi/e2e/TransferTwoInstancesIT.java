package org.psi.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two transfer-service instances over one database carry cases through an enrollment-service that
 * stands still for longer than the saga's claim lease, against the real enrollment- and
 * contribution-service. Six couriers move their pension from Guangdong to Beijing; their cases are
 * applied for and decided through either instance; with the enrollment-service stopped (SIGSTOP) the
 * source transfers them all out, so that every case's enrollment move waits: calls time out and are
 * retried, and the stopped service gathers repeated move calls of the same transfers. Meanwhile the
 * second instance (which runs one step at a time) stands still itself for longer than the lease, so
 * that its claims lapse, the first instance takes its steps over, and its own waiting steps are checked
 * again (and not called) when it goes on. The enrollment-service goes on (SIGCONT) after two and a
 * half leases and serves the gathered calls all at once. No case may end FAILED with the enrollment moved,
 * none may leave a hold held: every case COMPLETED, one enrollment move and one commit each, the
 * individual account moved whole, the trail intact.
 */
class TransferTwoInstancesIT {

    private static final String FROM = "440000";
    private static final String TO = "110000";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int CASES = 6;
    /** The lease of the stack's transfer-service (psi.e2e.transfer.env in the pom). */
    private static final Duration LEASE = Duration.ofSeconds(20);

    private static final List<Insured> workers = new ArrayList<>();
    private static final List<Long> accounts = new ArrayList<>();
    private static String second;
    private static boolean started;

    @BeforeAll
    static void world() {
        Stack.assumeRuns("contribution-service");
        Stack.assumeRuns("transfer-service");
        StackControl.assumeControllable("transfer-service");
        StackControl.assumeControllable("enrollment-service");
        Databases.assumeReachable();
        for (int i = 0; i < CASES; i++) {
            Insured w = Insured.enrolled("courier-" + RUN + "-" + i, FROM, "440104", LocalDate.of(1990 + i, 4, 1 + i));
            workers.add(w);
            accounts.add(w.paidMonth("TI-" + RUN + "-" + i, 30_000));
        }
        URI first = URI.create(Stack.TRANSFER);
        second = first.getScheme() + "://" + first.getHost() + ":" + (first.getPort() + 100);
        StackControl.startInstance("transfer-service", 2);
        started = true;
    }

    @AfterAll
    static void stopSecond() {
        if (started) {
            StackControl.stop("transfer-service-2");
        }
    }

    /** Instance 1 or 2, as a load balancer would send the request. */
    private static RequestSpecification instance(int i, String token) {
        return (i % 2 == 0 ? Stack.at(Stack.TRANSFER) : Stack.at(second)).auth().oauth2(token);
    }

    @Test
    void noCaseFailsWithItsEnrollmentMovedAndNoHoldIsLeftWhenTheEnrollmentServiceStandsStillPastTheLease() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Insured w = workers.get(i);
            String id = instance(i, w.token()).header("Idempotency-Key", "two-" + RUN + "-" + i)
                    .body(Map.of("scheme", "PENSION", "toRegion", TO)).post("/api/transfers").then().statusCode(201)
                    .extract().path("id");
            ids.add(id);
            instance(i + 1, Tokens.staff("officer.beijing")).post("/api/transfers/" + id + "/accept").then().statusCode(200);
        }
        for (int i = 0; i < CASES; i++) {
            JsonPath held = TransferCases.await(workers.get(i).token(), ids.get(i), c -> "HELD".equals(c.getString("funds.state")),
                    "the funds held", Duration.ofMinutes(2));
            assertEquals(accounts.get(i), held.getLong("funds.individualAccountFen"));
        }

        long enrollment = StackControl.pid("enrollment-service");
        long stoppedFor;
        StackControl.freeze(enrollment);
        long frozenAt = System.nanoTime();
        try {
            for (int i = 0; i < CASES; i++) {
                instance(i, Tokens.staff("officer.guangdong")).post("/api/transfers/" + ids.get(i) + "/transfer-out").then()
                        .statusCode(200).body("status", equalTo("TRANSFERRED_OUT"));
            }
            // every case owes its enrollment move, which waits on the stopped service. The second instance
            // stands still too for longer than the lease: the claims it holds (a call in flight, steps of its
            // last poll waiting in its one-worker pool) lapse and the first instance takes them over; when it
            // goes on, its waiting steps are checked again and not called
            Databases.pause(5_000);
            long secondInstance = StackControl.pid("transfer-service-2");
            StackControl.freeze(secondInstance);
            try {
                Databases.pause(LEASE.plusSeconds(5).toMillis());
            } finally {
                StackControl.thaw(secondInstance);
            }
            // and the enrollment-service stays stopped a while longer, past twice the lease in all
            Duration atLeast = LEASE.multipliedBy(5).dividedBy(2);
            while (System.nanoTime() - frozenAt < atLeast.toNanos()) {
                Databases.pause(1_000);
            }
            for (int i = 0; i < CASES; i++) {
                JsonPath c = Stack.transfer(workers.get(i).token()).get("/api/transfers/" + ids.get(i)).then().statusCode(200)
                        .extract().jsonPath();
                assertEquals("TRANSFERRED_OUT", c.getString("status"), c.prettify());
                assertEquals("MOVE", c.getString("saga.pendingAction"), c.prettify());
            }
        } finally {
            StackControl.thaw(enrollment);
            stoppedFor = Duration.ofNanos(System.nanoTime() - frozenAt).toSeconds();
        }

        for (int i = 0; i < CASES; i++) {
            Insured w = workers.get(i);
            String id = ids.get(i);
            JsonPath done = TransferCases.await(w.token(), id, c -> !"TRANSFERRED_OUT".equals(c.getString("status")),
                    "its end", Duration.ofMinutes(5));
            assertEquals("COMPLETED", done.getString("status"), done.prettify());
            assertEquals("COMMITTED", done.getString("funds.state"));
            assertEquals(accounts.get(i), done.getLong("funds.individualAccountFen"));
            List<String> trail = types(w.token(), id);
            assertEquals(1, trail.stream().filter("ENROLLMENT_MOVED"::equals).count(), trail.toString());
            assertEquals(1, trail.stream().filter("FUNDS_COMMITTED"::equals).count(), trail.toString());
            assertEquals(0, trail.stream().filter("FAILED"::equals).count(), trail.toString());
            Stack.transfer(w.token()).get("/api/transfers/" + id + "/events").then().statusCode(200)
                    .body("integrity.valid", equalTo(true));
            // one move: the source closed, one enrollment open at the destination
            List<Map<String, Object>> pension = w.pensionEnrollments();
            assertEquals(2, pension.size(), pension.toString());
            assertEquals(List.of(TO), pension.stream().filter(e -> "ACTIVE".equals(e.get("status"))).map(e -> e.get("region")).toList(),
                    pension.toString());
            assertEquals(List.of(FROM), pension.stream().filter(e -> "CLOSED".equals(e.get("status"))).map(e -> e.get("region")).toList(),
                    pension.toString());
            // the money moved whole, once
            assertEquals(0L, w.balance(FROM));
            assertEquals(accounts.get(i), w.balance(TO));
            assertEquals(1, Databases.count("contribution", "select count(*) from posting where transfer_id = ?", UUID.fromString(id)));
            assertEquals(0, Databases.count("contribution", "select count(*) from transfer_hold where worker_id = ? and status = 'HELD'",
                    UUID.fromString(w.workerId())), "no hold left held");
            assertEquals("COMMITTED", Databases.text("contribution", "select status from transfer_hold where transfer_id = ?",
                    UUID.fromString(id)));
        }
        assertEquals(0, Databases.unbalancedPostings());
        assertEquals(0, Databases.ledgerImbalance());
        System.out.printf("[two instances] the enrollment-service stood still %d s, the second instance %d s (lease %d s); "
                        + "%d cases COMPLETED; saga lines in the logs: instance 1 %s, instance 2 %s%n", stoppedFor,
                LEASE.plusSeconds(5).toSeconds(), LEASE.toSeconds(), CASES,
                sagaLines("transfer-service"), sagaLines("transfer-service-2"));
    }

    private static List<String> types(String token, String id) {
        return Stack.transfer(token).queryParam("limit", 100).get("/api/transfers/" + id + "/events").then().statusCode(200)
                .extract().jsonPath().getList("items.type", String.class);
    }

    /** What an instance logged of the saga's retries and steps taken over (to show that both took part). */
    private static String sagaLines(String instance) {
        try {
            java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("psi.stack.data"), "logs", instance + ".log");
            try (var lines = java.nio.file.Files.lines(log)) {
                return lines.filter(l -> l.contains("failed (attempt") || l.contains("not calling")).collect(Collectors.groupingBy(
                        l -> l.contains("not calling") ? "taken over, not called" : l.contains(" MOVE ") ? "MOVE retried"
                                : l.contains(" COMMIT ") ? "COMMIT retried" : "other retried", java.util.TreeMap::new,
                        Collectors.counting())).toString();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
