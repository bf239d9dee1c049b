package org.psi.contribution.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.psi.contribution.support.Fixtures;

/**
 * The contribution feed benchmark (not part of the normal test run; see docs/PERFORMANCE.md):
 * a generated feed of per-order occupational-injury lines (default 1,000,000 lines for 10,000
 * workers, 100 orders each, in batches of 50,000) sent over HTTP to this service, which checks
 * every line against the real enrollment-service (one eligibility call per batch) and posts it to
 * the ledger; then the same lines again under new Idempotency-Keys (the replay: every line a
 * duplicate, 0 new rows); then a plain PostgreSQL COPY of the same lines into a bare table on the
 * same server, as the baseline.
 *
 * <pre>./mvnw -B -pl contribution-service verify -Pbench [-Dbench.lines=1000000 -Dbench.workers=10000 -Dbench.batch=50000 -Dbench.clients=2]</pre>
 */
@QuarkusTest
@Tag("bench")
class FeedBenchmark {

    private static final int LINES = Integer.getInteger("bench.lines", 1_000_000);
    private static final int WORKERS = Integer.getInteger("bench.workers", 10_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 50_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 2);
    private static final String REGION = "440000";

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void feed() throws Exception {
        Fixtures.testPolicy(REGION);
        Fixtures.Platform platform = Fixtures.platform("FOOD_DELIVERY");
        log("seeding %,d workers through the enrollment-service API ...", WORKERS);
        long seedStart = System.nanoTime();
        List<String> ids = seedWorkers(platform);
        log("seeded in %.1f s", seconds(System.nanoTime() - seedStart));

        LocalDate day = Fixtures.today();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<byte[]> batches = new ArrayList<>();
        StringBuilder csv = new StringBuilder(LINES * 80);
        int perWorker = Math.max(1, LINES / ids.size());
        StringBuilder body = new StringBuilder(BATCH * 150);
        int inBatch = 0;
        for (int i = 0; i < LINES; i++) {
            String nationalId = ids.get(Math.min(ids.size() - 1, i / perWorker));
            String ref = run + "-" + i;
            body.append("{\"ref\":\"").append(ref).append("\",\"nationalId\":\"").append(nationalId)
                    .append("\",\"scheme\":\"OCCUPATIONAL_INJURY\",\"period\":\"").append(day)
                    .append("\",\"orders\":1,\"sector\":\"FOOD_DELIVERY\"}\n");
            csv.append(ref).append('\t').append(nationalId).append("\tOCCUPATIONAL_INJURY\t").append(day)
                    .append("\t1\tFOOD_DELIVERY\n");
            if (++inBatch == BATCH || i == LINES - 1) {
                batches.add(body.toString().getBytes(StandardCharsets.UTF_8));
                body.setLength(0);
                inBatch = 0;
            }
        }
        log("generated %,d lines in %d batches (%,d bytes of NDJSON)", LINES, batches.size(),
                batches.stream().mapToLong(b -> b.length).sum());

        // warm the path once with a small batch (not counted)
        send(platform, warmUp(platform, ids, day, run), "warm-" + run);

        long rowsBefore = postings();
        long start = System.nanoTime();
        long accepted = sendAll(platform, batches, "first-" + run, "accepted");
        double first = seconds(System.nanoTime() - start);
        long rowsAfterFirst = postings();
        assertEquals(LINES, accepted, "every line is accepted");
        assertEquals(LINES, rowsAfterFirst - rowsBefore);

        start = System.nanoTime();
        long duplicates = sendAll(platform, batches, "replay-" + run, "duplicates");
        double replay = seconds(System.nanoTime() - start);
        long rowsAfterReplay = postings();
        assertEquals(LINES, duplicates, "every replayed line is a duplicate");

        // the same number of lines, new refs, as one feed job (NDJSON streamed over HTTP, uncompressed like the batches),
        // from the first byte sent until the job is DONE
        start = System.nanoTime();
        JsonNode job = runJob(platform, ids, day, "job-" + run, perWorker);
        double jobTime = seconds(System.nanoTime() - start);
        assertEquals("DONE", job.get("status").asText());
        assertEquals(LINES, job.get("accepted").asLong(), "every line of the job is accepted");
        assertEquals(LINES, postings() - rowsAfterReplay, "each line of the job posted once");

        double copy = copyBaseline(csv.toString());

        String report = String.format(Locale.ROOT, """
                contribution feed benchmark: %,d lines, %,d workers, batches of %,d, %d concurrent clients, %d cores
                  feed over HTTP (checked, idempotent, posted): %8.2f s  %,10.0f lines/s
                  replay, same lines, new keys:                 %8.2f s  %,10.0f lines/s  new rows: %d  time ratio replay/first: %.2f
                  the same lines as one feed job (streamed, chunks): %8.2f s  %,10.0f lines/s  job / batches: %.2f
                  PostgreSQL COPY into a bare table:            %8.2f s  %,10.0f rows/s
                  feed throughput / COPY throughput: %.3f
                """, LINES, ids.size(), BATCH, CLIENTS, Runtime.getRuntime().availableProcessors(),
                first, LINES / first, replay, LINES / replay, rowsAfterReplay - rowsAfterFirst, replay / first,
                jobTime, LINES / jobTime, first / jobTime,
                copy, LINES / copy, (LINES / first) / (LINES / copy));
        System.out.println(report);
        Files.writeString(Path.of("target", "feed-benchmark.txt"), report);
    }

    /** Registers, enrols and links workers through the enrollment-service's API (plain HTTP, several at a time). */
    private List<String> seedWorkers(Fixtures.Platform platform) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        URI enrollment = URI.create(Fixtures.enrollmentUrl());
        String month = Fixtures.thisMonth().toString();
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            futures.add(pool.submit(() -> {
                String token = org.psi.common.test.Tokens.worker(UUID.randomUUID().toString());
                String nationalId = Fixtures.nationalId();
                post(enrollment.resolve("/api/workers"), token, "{\"nationalId\":\"" + nationalId
                        + "\",\"name\":\"Bench Rider\",\"phone\":\"13800138000\",\"residenceRegion\":\"440305\"}");
                post(enrollment.resolve("/api/workers/me/enrollments"), token, "{\"scheme\":\"OCCUPATIONAL_INJURY\",\"region\":\""
                        + REGION + "\",\"startMonth\":\"" + month + "\"}");
                post(enrollment.resolve("/api/workers/me/platform-links"), token, "{\"platformCode\":\"" + platform.code() + "\"}");
                return nationalId;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : futures) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids;
    }

    private void post(URI uri, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(uri + ": " + r.statusCode() + " " + r.body());
        }
    }

    private byte[] warmUp(Fixtures.Platform platform, List<String> ids, LocalDate day, String run) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            b.append("{\"ref\":\"warm-").append(run).append('-').append(i).append("\",\"nationalId\":\"")
                    .append(ids.get(i % ids.size())).append("\",\"scheme\":\"OCCUPATIONAL_INJURY\",\"period\":\"").append(day)
                    .append("\",\"orders\":1,\"sector\":\"FOOD_DELIVERY\"}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long sendAll(Fixtures.Platform platform, List<byte[]> batches, String keyPrefix, String counted) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong total = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            int n = i;
            futures.add(clients.submit(() -> {
                JsonNode report = send(platform, batches.get(n), keyPrefix + "-" + n);
                total.addAndGet(report.get(counted).asLong());
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        clients.shutdown();
        return total.get();
    }

    private JsonNode send(Fixtures.Platform platform, byte[] body, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/contribution-batches"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + platform.token())
                .header("Content-Type", "application/x-ndjson")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("batch " + key + ": " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode report = json.readTree(response.body());
        if (report.get("rejected").asLong() > 0) {
            throw new IllegalStateException("batch " + key + " rejected lines: " + report.get("errors").get(0));
        }
        return report;
    }

    /** Streams LINES new lines as one job, generated while they are sent, and waits until it is DONE. */
    private JsonNode runJob(Fixtures.Platform platform, List<String> ids, LocalDate day, String run, int perWorker) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/contribution-feeds"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + platform.token())
                .header("Content-Type", "application/x-ndjson")
                .header("Idempotency-Key", run)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> jobBody(ids, day, run, perWorker))).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("job: " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        String id = json.readTree(response.body()).get("id").asText();
        log("job %s received (%,d lines streamed in)", id, json.readTree(response.body()).get("lines").asInt());
        while (true) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve("/api/contribution-feeds/" + id))
                    .header("Authorization", "Bearer " + platform.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode job = json.readTree(r.body());
            String status = job.get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    /** The job's NDJSON, made 10,000 lines at a time as it is read. */
    private static InputStream jobBody(List<String> ids, LocalDate day, String run, int perWorker) {
        int block = 10_000;
        return new SequenceInputStream(new Enumeration<InputStream>() {
            int next;

            @Override
            public boolean hasMoreElements() {
                return next < LINES;
            }

            @Override
            public InputStream nextElement() {
                StringBuilder b = new StringBuilder(block * 150);
                for (int i = next; i < Math.min(LINES, next + block); i++) {
                    b.append("{\"ref\":\"").append(run).append('-').append(i).append("\",\"nationalId\":\"")
                            .append(ids.get(Math.min(ids.size() - 1, i / perWorker)))
                            .append("\",\"scheme\":\"OCCUPATIONAL_INJURY\",\"period\":\"").append(day)
                            .append("\",\"orders\":1,\"sector\":\"FOOD_DELIVERY\"}\n");
                }
                next += block;
                return new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** The same lines, COPY'd into a bare table (no index, no constraint) on the same server. */
    private double copyBaseline(String tsv) throws SQLException, java.io.IOException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_line");
            s.execute("create table bench_line (ref varchar(128), national_id varchar(18), scheme varchar(24), period varchar(10), orders int, sector varchar(20))");
            ByteArrayInputStream lines = new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8));
            long start = System.nanoTime();
            long rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_line from stdin", lines);
            double took = seconds(System.nanoTime() - start);
            assertEquals(LINES, rows);
            s.execute("drop table bench_line");
            return took;
        }
    }

    private long postings() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from posting")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
