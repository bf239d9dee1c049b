package org.psi.transfer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.psi.common.test.Tokens;
import org.psi.transfer.support.Db;
import org.psi.transfer.support.Fixtures;
import org.psi.transfer.support.StandIns;

/**
 * Completed transfers per second, end to end: for each of N workers, over HTTP with real signed
 * tokens, POST /api/transfers (which reads the worker from the enrollment-service), the destination
 * officer's accept, the source officer's transfer-out; the saga holds, moves and commits against the
 * stand-ins; the clock stops when all N cases are COMPLETED in the database. The baseline beside it is
 * the rate of the cheapest authenticated request of the same service (GET /api/transfers/{id}, one
 * indexed read) with the same client concurrency.
 *
 * <p>Not part of the normal build. Run:
 * {@code ./mvnw -B -q -pl transfer-service test -Dtest=TransferSagaBenchmark -Dpsi.bench.transfers=2000 -Dpsi.bench.clients=16}
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(BenchProfile.class)
@EnabledIfSystemProperty(named = "psi.bench.transfers", matches = "\\d+")
class TransferSagaBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);

    @Test
    void completedTransfersPerSecond() throws Exception {
        int n = Integer.getInteger("psi.bench.transfers");
        int clients = Integer.getInteger("psi.bench.clients", 16);
        String from = "370000";
        String to = "410000";
        String sourceOfficer = Tokens.officer(from);
        String destinationOfficer = Tokens.officer(to);

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        // warm-up: full transfers through the same concurrent path, until the JIT has compiled it
        int warmup = Integer.getInteger("psi.bench.warmup", 300);
        List<String> warm = run(pool, workers(warmup, from), to, sourceOfficer, destinationOfficer);
        awaitCompleted(warm);

        List<Fixtures.Worker> workers = workers(n, from);
        long moneyBefore = StandIns.contribution().total("PENSION", from, to);
        // -Dpsi.bench.jfr=/tmp/saga.jfr records a Java Flight Recorder profile of the measured phase
        String jfr = System.getProperty("psi.bench.jfr");
        jdk.jfr.Recording recording = jfr == null ? null : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        if (recording != null) {
            recording.start();
        }
        java.util.Map<String, Long> cpuBefore = CpuMeter.snapshotNanos();
        long start = System.nanoTime();
        List<String> ids = run(pool, workers, to, sourceOfficer, destinationOfficer);
        long requestsDone = System.nanoTime();
        awaitCompleted(ids);
        long end = System.nanoTime();
        java.util.Map<String, Long> cpu = CpuMeter.diff(cpuBefore, CpuMeter.snapshotNanos());
        if (recording != null) {
            recording.dump(Path.of(jfr));
            recording.close();
        }
        double seconds = (end - start) / 1e9;
        double rate = n / seconds;

        // baseline: the cheapest authenticated request, same concurrency
        int reads = Math.max(2000, n * 3);
        String token = workers.get(0).token();
        String path = "/api/transfers/" + ids.get(0);
        java.util.Map<String, Long> readCpuBefore = CpuMeter.snapshotNanos();
        long bStart = System.nanoTime();
        List<Future<?>> readFutures = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            readFutures.add(pool.submit(() -> get(token, path)));
        }
        for (Future<?> f : readFutures) {
            f.get();
        }
        double readRate = reads / ((System.nanoTime() - bStart) / 1e9);
        double readMs = serviceMs(CpuMeter.diff(readCpuBefore, CpuMeter.snapshotNanos()), reads);
        pool.shutdown();

        String report = String.format(Locale.ROOT,
                "transfers=%d clients=%d saga.concurrency=%s cores=%d load=%s%n"
                        + "end-to-end: %.2f s, %.1f completed transfers/s (API requests done after %.2f s)%n"
                        + "baseline GET /api/transfers/{id}: %d requests, %.0f requests/s, %.2f ms CPU (service + PostgreSQL) each%n"
                        + "CPU per completed transfer (ms): %s%n"
                        + "transfer-service + PostgreSQL: %.2f ms CPU per transfer -> %.0f transfers/s per core%n",
                n, clients, ConfigProvider.getConfig().getValue("psi.saga.concurrency", String.class),
                Runtime.getRuntime().availableProcessors(), loadAverage(), seconds, rate, (requestsDone - start) / 1e9,
                reads, readRate, readMs, perTransfer(cpu, n), serviceMs(cpu, n), 1000 / serviceMs(cpu, n));
        System.out.println("=== transfer saga benchmark ===\n" + report);
        Files.writeString(Path.of("target", "transfer-saga-benchmark.txt"), report);
        // every case COMPLETED, and the money of both regions is all still there
        assertEquals(moneyBefore, StandIns.contribution().total("PENSION", from, to));
    }

    private static List<Fixtures.Worker> workers(int n, String from) {
        List<Fixtures.Worker> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            workers.add(Fixtures.insured("PENSION", from, LocalDate.now().minusYears(30), "MALE", from, 100_000 + i, 50_000, 60));
        }
        return workers;
    }

    /** For each worker: apply, accept (destination officer), transfer out (source officer); returns the case ids. */
    private List<String> run(ExecutorService pool, List<Fixtures.Worker> workers, String to, String sourceOfficer,
                             String destinationOfficer) throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        for (Fixtures.Worker w : workers) {
            futures.add(pool.submit(() -> {
                String id = submit(w.token(), to);
                post(destinationOfficer, "/api/transfers/" + id + "/accept", 200);
                post(sourceOfficer, "/api/transfers/" + id + "/transfer-out", 200);
                return id;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : futures) {
            ids.add(f.get());
        }
        return ids;
    }

    private static void awaitCompleted(List<String> ids) throws InterruptedException {
        UUID[] uuids = ids.stream().map(UUID::fromString).toArray(UUID[]::new);
        while (Db.count("select count(*) from transfer_case where id = any(?) and status = 'COMPLETED'", (Object) uuids) < ids.size()) {
            Thread.sleep(10);
        }
    }

    private String submit(String token, String to) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/transfers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"scheme\":\"PENSION\",\"toRegion\":\"" + to + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 201) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        Matcher m = ID.matcher(r.body());
        m.find();
        return m.group(1);
    }

    private void post(String token, String path, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
    }

    private Void get(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode());
        }
        return null;
    }

    private static String perTransfer(java.util.Map<String, Long> cpu, int n) {
        StringBuilder s = new StringBuilder();
        cpu.forEach((k, v) -> s.append(k).append('=').append(String.format(Locale.ROOT, "%.2f", v / 1e6 / n)).append(' '));
        return s.toString().trim();
    }

    /** The transfer-service's own CPU (HTTP threads, saga workers, the rest of the JVM minus stand-ins and client) plus PostgreSQL. */
    private static double serviceMs(java.util.Map<String, Long> cpu, int n) {
        return (cpu.get("service http") + cpu.get("saga workers") + cpu.get("other jvm") + cpu.get("postgresql")) / 1e6 / n;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
