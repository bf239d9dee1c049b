package org.psi.contribution.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.psi.common.test.PostgresResource;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;

/**
 * The read benchmark (not part of the normal test run; see docs/PERFORMANCE.md): a worker's
 * statement and profile under 16 connections (wrk, each request with the token of one of 2,000
 * workers), against {@code pgbench -S} on the same PostgreSQL in the same run; then the event lag
 * (an enrollment change until this service's copy has it) while a platform's feed runs.
 *
 * <p>Each worker has 12 PENSION months of two payments each: in the current month one by a platform
 * and one by the worker, in the earlier months two by the worker (a platform's consent covers the
 * months from its grant on, so a freshly seeded worker's earlier months can only be paid by
 * herself). The statement is served from
 * this service's own tables (no call to the enrollment-service); the profile by the
 * enrollment-service. Both services run with the production collector ({@code -XX:+UseParallelGC})
 * and the production rate limits.
 *
 * <pre>./mvnw -B -pl contribution-service verify -Pbench -Dbench.test=ReadBenchmark [-Dbench.workers=2000 -Dbench.seconds=20 -Dbench.connections=16]</pre>
 */
@QuarkusTest
@Tag("bench")
class ReadBenchmark {

    private static final int WORKERS = Integer.getInteger("bench.workers", 2_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    private static final int LAG_SAMPLES = Integer.getInteger("bench.lag-samples", 300);
    private static final int MONTHS = 12;
    private static final long PER_PAYER_FEN = 40_000;
    private static final String REGION = "440000";

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder report = new StringBuilder();

    private record Seeded(String token, String nationalId, String workerId) {
    }

    @Test
    void reads() throws Exception {
        Fixtures.testPolicy(REGION);
        Fixtures.Platform first = Fixtures.platform("FOOD_DELIVERY");
        Fixtures.Platform second = Fixtures.platform("FOOD_DELIVERY");
        log("seeding %,d workers (12 PENSION months each, two payments a month) ...", WORKERS);
        long t0 = System.nanoTime();
        List<Seeded> workers = seed(first, second);
        awaitCopy(workers.size());
        payCurrentMonth(first, workers);
        selfPay(workers);
        log("seeded in %.1f s", (System.nanoTime() - t0) / 1e9);
        JsonNode statement = get(base.resolve("/api/workers/me/statement?scheme=PENSION"), workers.get(0).token());
        assertEquals(MONTHS, statement.get("months").size(), "12 months in the statement");
        for (JsonNode m : statement.get("months")) {
            assertEquals(2 * PER_PAYER_FEN, m.get("paidFen").asLong(), "two payments each month: " + m);
        }

        Path dir = Path.of("target", "read-bench");
        Files.createDirectories(dir);
        Path tokens = dir.resolve("tokens.txt");
        Files.write(tokens, workers.stream().map(Seeded::token).toList());
        Path script = dir.resolve("tokens.lua");
        Files.writeString(script, LUA.replace("@TOKENS@", tokens.toAbsolutePath().toString()));

        String statementUrl = base.resolve("/api/workers/me/statement?scheme=PENSION").toString();
        String profileUrl = Fixtures.enrollmentUrl() + "/api/workers/me";
        log("warming up (%d s each) ...", SECONDS);
        wrk(script, statementUrl, SECONDS);
        wrk(script, profileUrl, SECONDS);

        Cpu idle0 = Cpu.now();
        Thread.sleep(SECONDS * 1000L);
        Cpu idle = Cpu.now().minus(idle0);
        double pg = pgbench();
        Cpu c0 = Cpu.now();
        Wrk st = wrk(script, statementUrl, SECONDS);
        Cpu c1 = Cpu.now();
        Wrk me = wrk(script, profileUrl, SECONDS);
        Cpu c2 = Cpu.now();
        Wrk live = wrk(script, base.resolve("/q/health/live").toString(), SECONDS);
        double pgAfter = pgbench();
        double baseline = (pg + pgAfter) / 2;
        report.append(String.format(Locale.ROOT, "pgbench -S (%d clients): %,.0f TPS before, %,.0f after, baseline %,.0f%n",
                CONNECTIONS, pg, pgAfter, baseline));
        for (Map.Entry<String, Wrk> e : List.of(Map.entry("statement (12 months, 2 payments each)", st),
                Map.entry("GET /api/workers/me (enrollment-service)", me), Map.entry("/q/health/live", live))) {
            Wrk w = e.getValue();
            report.append(String.format(Locale.ROOT, "%-42s %,9.0f req/s  %.3fx pgbench  p50 %.2f ms  p99 %.2f ms  errors %d (of %,d)%n",
                    e.getKey(), w.rps(), w.rps() / baseline, w.p50Ms(), w.p99Ms(), w.errors(), w.requests()));
        }
        report.append(String.format(Locale.ROOT, "CPU while idle for %d s: contribution-service %d ms, enrollment-service %d ms, PostgreSQL %d ms%n",
                SECONDS, idle.contributionMs(), idle.enrollmentMs(), idle.postgresMs()));
        report.append("CPU per request, statement: ").append(c1.minus(c0).per(st.requests()))
                .append("; profile: ").append(c2.minus(c1).per(me.requests())).append('\n');

        eventLag(first, workers);

        Path out = Path.of("target", "read-benchmark.txt");
        Files.writeString(out, report.toString());
        System.out.println("\n===== read benchmark =====\n" + report + "(written to " + out.toAbsolutePath() + ")");
        assertEquals(0, st.errors(), "no statement read failed");
        assertEquals(0, me.errors(), "no profile read failed");
    }

    // ------------------------------------------------------------------ event lag under a feed

    /** An enrollment change (a MEDICAL enrolment) timed until this service's copy has applied it, while a platform's feed runs. */
    private void eventLag(Fixtures.Platform platform, List<Seeded> workers) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong fed = new AtomicLong();
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        Future<?> feed = feeder.submit(() -> {
            String day = Fixtures.today().toString();
            int batch = 0;
            while (running.get()) {
                StringBuilder b = new StringBuilder(50_000 * 130);
                String run = UUID.randomUUID().toString().substring(0, 8);
                for (int i = 0; i < 50_000; i++) {
                    b.append("{\"ref\":\"lag-").append(run).append('-').append(i).append("\",\"nationalId\":\"")
                            .append(workers.get(i % workers.size()).nationalId())
                            .append("\",\"scheme\":\"OCCUPATIONAL_INJURY\",\"period\":\"").append(day)
                            .append("\",\"orders\":1,\"sector\":\"FOOD_DELIVERY\"}\n");
                }
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/contribution-batches"))
                        .header("Authorization", "Bearer " + platform.token()).header("Content-Type", "application/x-ndjson")
                        .header("Idempotency-Key", "lag-" + run + "-" + batch++).timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("feed batch: " + r.statusCode() + " " + r.body());
                }
                fed.addAndGet(json.readTree(r.body()).get("accepted").asLong());
            }
            return null;
        });
        Thread.sleep(3_000); // the first batch is being written
        long[] sent = new long[LAG_SAMPLES];
        long[] answered = new long[LAG_SAMPLES];
        String enrolment = "{\"scheme\":\"MEDICAL\",\"region\":\"440300\",\"baseGrade\":100,\"startMonth\":\""
                + Fixtures.thisMonth() + "\"}";
        long started = System.nanoTime();
        for (int i = 0; i < LAG_SAMPLES; i++) {
            Seeded w = workers.get(workers.size() - 1 - i);
            long before = seq(w.workerId());
            long t0 = System.nanoTime();
            post(URI.create(Fixtures.enrollmentUrl() + "/api/workers/me/enrollments"), w.token(), enrolment);
            long t1 = System.nanoTime();
            while (seq(w.workerId()) <= before) {
                Thread.sleep(2);
            }
            long t2 = System.nanoTime();
            sent[i] = t2 - t0;
            answered[i] = Math.max(0, t2 - t1);
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        running.set(false);
        feed.get();
        feeder.shutdown();
        Arrays.sort(sent);
        Arrays.sort(answered);
        report.append(String.format(Locale.ROOT,
                "event lag, %d MEDICAL enrolments during a feed (%,d lines accepted, %,.0f lines/s): from the request p50 %.0f ms p99 %.0f ms max %.0f ms;"
                        + " from its answer p50 %.0f ms p99 %.0f ms%n",
                LAG_SAMPLES, fed.get(), fed.get() / elapsed, ms(sent, 0.50), ms(sent, 0.99), sent[LAG_SAMPLES - 1] / 1e6,
                ms(answered, 0.50), ms(answered, 0.99)));
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private long seq(String workerId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select seq from insured_worker where worker_id = ?::uuid")) {
            s.setString(1, workerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    // ------------------------------------------------------------------ seeding

    private List<Seeded> seed(Fixtures.Platform first, Fixtures.Platform second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        URI enrollment = URI.create(Fixtures.enrollmentUrl());
        String start = Fixtures.thisMonth().minusMonths(MONTHS - 1).toString();
        List<Future<Seeded>> futures = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            futures.add(pool.submit(() -> {
                String token = Tokens.worker(UUID.randomUUID().toString());
                String nationalId = Fixtures.nationalId();
                String workerId = json.readTree(post(enrollment.resolve("/api/workers"), token, "{\"nationalId\":\"" + nationalId
                        + "\",\"name\":\"Bench Rider\",\"phone\":\"13800138000\",\"residenceRegion\":\"440305\"}")).get("workerId").asText();
                post(enrollment.resolve("/api/workers/me/enrollments"), token, "{\"scheme\":\"PENSION\",\"region\":\"" + REGION
                        + "\",\"baseGrade\":100,\"startMonth\":\"" + start + "\"}");
                post(enrollment.resolve("/api/workers/me/enrollments"), token, "{\"scheme\":\"OCCUPATIONAL_INJURY\",\"region\":\""
                        + REGION + "\",\"startMonth\":\"" + Fixtures.thisMonth() + "\"}");
                for (Fixtures.Platform p : List.of(first, second)) {
                    post(enrollment.resolve("/api/workers/me/platform-links"), token, "{\"platformCode\":\"" + p.code() + "\"}");
                }
                return new Seeded(token, nationalId, workerId);
            }));
        }
        List<Seeded> seeded = new ArrayList<>();
        for (Future<Seeded> f : futures) {
            seeded.add(f.get());
        }
        pool.shutdown();
        return seeded;
    }

    private void awaitCopy(int workers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                    "select count(*) from insured_worker where jsonb_array_length(record->'consents') >= 2")) {
                rs.next();
                if (rs.getLong(1) >= workers) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the copy did not catch up");
    }

    /** The current month's line of each worker from {@code platform} (a consent covers the months from its grant on). */
    private void payCurrentMonth(Fixtures.Platform platform, List<Seeded> workers) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < workers.size(); w++) {
            b.append("{\"ref\":\"").append(platform.code()).append('-').append(w)
                    .append("\",\"nationalId\":\"").append(workers.get(w).nationalId())
                    .append("\",\"scheme\":\"PENSION\",\"period\":\"").append(Fixtures.thisMonth())
                    .append("\",\"amountFen\":").append(PER_PAYER_FEN).append("}\n");
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/contribution-batches"))
                .header("Authorization", "Bearer " + platform.token()).header("Content-Type", "application/x-ndjson")
                .header("Idempotency-Key", UUID.randomUUID().toString()).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(workers.size(), json.readTree(r.body()).get("accepted").asInt(), r.body());
    }

    /** The worker's own payments: two toward each earlier month, one toward the current month (beside the platform's). */
    private void selfPay(List<Seeded> workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        YearMonth first = Fixtures.thisMonth().minusMonths(MONTHS - 1);
        URI payments = base.resolve("/api/workers/me/payments");
        List<Future<?>> futures = new ArrayList<>();
        for (Seeded w : workers) {
            futures.add(pool.submit(() -> {
                for (int m = 0; m < MONTHS; m++) {
                    for (int k = 0; k < (m == MONTHS - 1 ? 1 : 2); k++) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(payments).header("Authorization", "Bearer " + w.token())
                                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"scheme\":\"PENSION\",\"month\":\"" + first.plusMonths(m)
                                        + "\",\"amountFen\":" + PER_PAYER_FEN + ",\"paymentRef\":\"self-" + m + "-" + k + "\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException("self-payment: " + r.statusCode() + " " + r.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private String post(URI uri, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(uri + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private JsonNode get(URI uri, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    // ------------------------------------------------------------------ CPU time by process

    /** CPU time (ms, user + system) of this JVM (the contribution-service), the enrollment-service's JVM and PostgreSQL. */
    private record Cpu(long contributionMs, long enrollmentMs, long postgresMs) {

        static Cpu now() throws IOException {
            long self = ProcessHandle.current().pid();
            long contribution = 0;
            long enrollment = 0;
            long postgres = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path dir : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime + stime, 100 ticks a second
                        if (Long.parseLong(dir.getFileName().toString()) == self) {
                            contribution = ms;
                        } else if (comm.equals("postgres")) {
                            postgres += ms;
                        } else if (comm.equals("java") && Files.readString(dir.resolve("cmdline")).contains("enrollment-service")) {
                            enrollment = ms;
                        }
                    } catch (IOException | RuntimeException gone) {
                        // a process that ended meanwhile
                    }
                }
            }
            return new Cpu(contribution, enrollment, postgres);
        }

        Cpu minus(Cpu o) {
            return new Cpu(contributionMs - o.contributionMs, enrollmentMs - o.enrollmentMs, postgresMs - o.postgresMs);
        }

        String per(long requests) {
            return String.format(Locale.ROOT, "contribution-service %.0f us, enrollment-service %.0f us, PostgreSQL %.0f us",
                    contributionMs * 1000.0 / requests, enrollmentMs * 1000.0 / requests, postgresMs * 1000.0 / requests);
        }
    }

    // ------------------------------------------------------------------ wrk and pgbench

    /** Each request carries the next worker's token (each wrk thread starts at a different one). */
    private static final String LUA = """
            local tokens = {}
            for line in io.lines("@TOKENS@") do tokens[#tokens + 1] = line end
            local counter = 0
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) counter = math.random(#tokens) end
            function request()
              counter = counter % #tokens + 1
              return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. tokens[counter] })
            end
            function done(summary, latency, requests)
              io.write(string.format("PSI requests=%d errors=%d p50=%d p99=%d\\n", summary.requests,
                summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
                latency:percentile(50), latency:percentile(99)))
            end
            """;

    private record Wrk(double rps, double p50Ms, double p99Ms, long errors, long requests) {
    }

    private Wrk wrk(Path script, String url, int seconds) throws IOException, InterruptedException {
        String out = run(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "5s", "-s",
                script.toAbsolutePath().toString(), url));
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher psi = Pattern.compile("PSI requests=(\\d+) errors=(\\d+) p50=(\\d+) p99=(\\d+)").matcher(out);
        assertTrue(rps.find() && psi.find(), out);
        return new Wrk(Double.parseDouble(rps.group(1)), Long.parseLong(psi.group(3)) / 1000.0, Long.parseLong(psi.group(4)) / 1000.0,
                Long.parseLong(psi.group(2)), Long.parseLong(psi.group(1)));
    }

    /** {@code pgbench -S} (select-only) on a database of its own on the same PostgreSQL server. */
    private double pgbench() throws IOException, InterruptedException, SQLException {
        String url = PostgresResource.server().getJdbcUrl("postgres", "postgres");
        Matcher hp = Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
        assertTrue(hp.find(), url);
        String host = hp.group(1);
        String port = hp.group(2);
        try (Connection c = PostgresResource.server().getPostgresDatabase().getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("select 1 from pg_database where datname = 'pgbench'");
            if (!rs.next()) {
                c.createStatement().execute("create database pgbench");
                run(List.of("pgbench", "-i", "-q", "-s", "10", "-h", host, "-p", port, "-U", "postgres", "pgbench"));
            }
        }
        String out = run(List.of("pgbench", "-S", "-n", "-c", String.valueOf(CONNECTIONS), "-j", "2", "-T", String.valueOf(SECONDS),
                "-h", host, "-p", port, "-U", "postgres", "pgbench"));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        assertTrue(tps.find(), out);
        return Double.parseDouble(tps.group(1));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "postgres");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + rc + ":\n" + out);
        }
        return out;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[read-bench] " + format + "%n", args);
    }
}
