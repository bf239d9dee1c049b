package org.psi.contribution.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.today;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * Feed jobs over HTTP with real tokens, against the real enrollment-service: a large job with
 * duplicates and bad lines applied once (counts, the error file and the ledger checked), CSV, replays
 * of the key, cancel, tenants, every refused upload leaving nothing, and a chunk whose batch committed
 * before its job could record it (the window of a crash) applied once. In this profile the scheduler
 * does not apply jobs: each test applies them itself ({@link FeedJobService#applyNext}), on two
 * threads where it matters, as two instances would.
 */
@QuarkusTest
class FeedJobResourceTest extends LedgerChecks {

    private static final String GD = "440000";
    private static final String JOBS = "/api/contribution-feeds";

    @Inject
    FeedJobService jobs;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void policies() {
        Fixtures.testPolicy(GD);
        applyAll(1); // what other tests left waiting
    }

    @Test
    void aLargeJobWithDuplicatesAndBadLinesIsAppliedOnceAndReportsEachRejectedLine() throws Exception {
        Platform p = Fixtures.platform("FOOD_DELIVERY");
        Worker a = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        Worker b = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        Worker stranger = Fixtures.worker();
        Fixtures.enrol(stranger, "OCCUPATIONAL_INJURY", GD, null);
        String run = UUID.randomUUID().toString().substring(0, 8);
        int lines = 200_000;
        StringBuilder body = new StringBuilder(lines * 150);
        int accepted = 0;
        int duplicates = 0;
        List<Integer> badTextLines = new ArrayList<>();
        List<Integer> unauthorisedTextLines = new ArrayList<>();
        int textLine = 0;
        String previous = null;
        for (int i = 0; i < lines; i++) {
            if (i == lines / 2) {
                body.append('\n'); // a blank text line: numbered, not a line
                textLine++;
            }
            textLine++;
            String line;
            if (i % 1000 == 7) {
                line = previous; // the same ref and content again: a duplicate
                duplicates++;
            } else if (i % 1000 == 13) {
                line = "{\"ref\":\"" + run + "-" + i + "\",\"nationalId\":\"" + a.nationalId()
                        + "\",\"scheme\":\"OCCUPATIONAL_INJURY\",\"period\":\"" + today() + "\",\"orders\":\"one\",\"sector\":\"FOOD_DELIVERY\"}";
                badTextLines.add(textLine);
            } else if (i % 1000 == 21) {
                line = injury(run + "-" + i, stranger.nationalId());
                unauthorisedTextLines.add(textLine);
            } else {
                line = injury(run + "-" + i, (i % 2 == 0 ? a : b).nationalId());
                accepted++;
            }
            body.append(line).append('\n');
            previous = line;
        }
        byte[] gz = gzip(body.toString().getBytes(StandardCharsets.UTF_8));
        Snapshot before = snapshot();
        long paidBefore = paidBy(p);

        Response r = post(p, "big-" + run, FeedReader.NDJSON, "gzip", gz);
        r.then().statusCode(202).header("Location", containsString(JOBS + "/")).body("status", equalTo("QUEUED"))
                .body("lines", equalTo(lines)).body("linesRead", equalTo(0)).body("gzip", equalTo(true));
        String id = r.path("id");
        applyAll(2);

        int rejected = badTextLines.size() + unauthorisedTextLines.size();
        JsonPath job = job(p, id);
        assertEquals("DONE", job.getString("status"));
        assertEquals(lines, job.getInt("linesRead"));
        assertEquals(accepted, job.getInt("accepted"));
        assertEquals(duplicates, job.getInt("duplicates"));
        assertEquals(rejected, job.getInt("rejected"));
        assertEquals(100, job.getInt("percent"));
        assertEquals(0, job.getInt("etaSeconds"));

        // the ledger: each accepted line once, one order at the region's fee
        Snapshot after = snapshot();
        assertEquals(accepted, after.postings() - before.postings());
        assertEquals(accepted * Fixtures.FOOD_FEE_FEN, paidBy(p) - paidBefore);

        // the error file, NDJSON by default: every rejected line, by its text line, in order
        String ndjson = given().auth().oauth2(p.token()).get(JOBS + "/" + id + "/errors")
                .then().statusCode(200).contentType(containsString(FeedReader.NDJSON)).extract().asString();
        List<String> rows = ndjson.lines().toList();
        assertEquals(rejected, rows.size());
        List<Integer> expected = new ArrayList<>(badTextLines);
        expected.addAll(unauthorisedTextLines);
        Collections.sort(expected);
        List<Integer> got = rows.stream().map(l -> JsonPath.from(l).getInt("line")).toList();
        assertEquals(expected, got);
        JsonPath firstBad = JsonPath.from(rows.get(got.indexOf(badTextLines.get(0))));
        assertEquals("INVALID_TYPE", firstBad.getString("code"));
        assertEquals(run + "-13", firstBad.getString("ref"));
        JsonPath firstUnauthorised = JsonPath.from(rows.get(got.indexOf(unauthorisedTextLines.get(0))));
        assertEquals("NOT_AUTHORISED", firstUnauthorised.getString("code"));
        assertFalse(ndjson.contains(stranger.nationalId()), "no citizen ID in the error file");

        // and as CSV, in Chinese
        String csv = given().auth().oauth2(p.token()).accept(FeedReader.CSV).header("Accept-Language", "zh-CN")
                .get(JOBS + "/" + id + "/errors").then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Language", "zh-CN").extract().asString();
        List<String> csvRows = csv.lines().toList();
        assertEquals("line,ref,code,message", csvRows.get(0));
        assertEquals(rejected + 1, csvRows.size());
        assertTrue(csvRows.get(1).startsWith(expected.get(0) + ","), csvRows.get(1));

        // its chunks are not listed among the platform's batches; the job is among its jobs
        given().auth().oauth2(p.token()).get("/api/contribution-batches").then().statusCode(200).body("items", equalTo(List.of()));
        given().auth().oauth2(p.token()).get(JOBS).then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void aCsvJobAnswersARetryOfItsKeyAndRefusesTheKeyForAnotherBody() throws SQLException {
        Platform p = Fixtures.platform("FOOD_DELIVERY");
        Worker w = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("ref,nationalId,scheme,period,orders,sector\r\n");
        for (int i = 0; i < 4_500; i++) {
            csv.append(run).append('-').append(i).append(',').append(w.nationalId()).append(",OCCUPATIONAL_INJURY,")
                    .append(i == 4_000 ? "2026-13-01" : today().toString()).append(",2,FOOD_DELIVERY\r\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        String key = "csv-" + run;
        String id = post(p, key, FeedReader.CSV, null, body).then().statusCode(202).extract().path("id");
        post(p, key, FeedReader.CSV, null, body).then().statusCode(202).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        post(p, key, FeedReader.CSV, null, Arrays.copyOf(body, body.length - 2)).then().statusCode(422)
                .contentType("application/problem+json");
        long paidBefore = paidBy(p);
        applyAll(1);

        JsonPath job = job(p, id);
        assertEquals("DONE", job.getString("status"));
        assertEquals(4_499, job.getInt("accepted"));
        assertEquals(1, job.getInt("rejected"));
        assertEquals(4_499 * 2 * Fixtures.FOOD_FEE_FEN, paidBy(p) - paidBefore);
        // the header is text line 1: the 4,001st row is text line 4,002, in every chunk
        given().auth().oauth2(p.token()).get(JOBS + "/" + id + "/errors").then().statusCode(200)
                .body(containsString("\"line\":4002")).body(containsString("\"ref\":\"" + run + "-4000\""));
    }

    @Test
    void aCancelledJobAppliesNoFurtherChunkAndKeepsWhatItApplied() throws SQLException {
        Platform p = Fixtures.platform("FOOD_DELIVERY");
        Worker w = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = post(p, "cancel-" + run, FeedReader.NDJSON, null, ndjson(run, w, 5_000))
                .then().statusCode(202).body("lines", equalTo(5_000)).extract().path("id");
        assertTrue(jobs.applyNext());
        JsonPath running = job(p, id);
        assertEquals("RUNNING", running.getString("status"));
        assertEquals(2_000, running.getInt("linesRead"));
        assertEquals(40, running.getInt("percent"));

        given().auth().oauth2(p.token()).post(JOBS + "/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("accepted", equalTo(2_000));
        assertFalse(jobs.applyNext(), "a cancelled job's chunks are not applied");
        given().auth().oauth2(p.token()).post(JOBS + "/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(2_000 * Fixtures.FOOD_FEE_FEN, paidBy(p));

        // a DONE job cannot be cancelled
        String done = post(p, "done-" + run, FeedReader.NDJSON, null, ndjson(run + "b", w, 10)).then().statusCode(202).extract().path("id");
        applyAll(1);
        given().auth().oauth2(p.token()).post(JOBS + "/" + done + "/cancel").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anotherPlatformsJobIsNotFound() {
        Platform p = Fixtures.platform("FOOD_DELIVERY");
        Platform other = Fixtures.platform("FOOD_DELIVERY");
        Worker w = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        String id = post(p, "mine-" + UUID.randomUUID(), FeedReader.NDJSON, null, ndjson(ref(), w, 3)).then().statusCode(202).extract().path("id");
        for (String path : List.of(JOBS + "/" + id, JOBS + "/" + id + "/errors")) {
            given().auth().oauth2(other.token()).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(other.token()).post(JOBS + "/" + id + "/cancel").then().statusCode(404);
        given().auth().oauth2(other.token()).get(JOBS).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Fixtures.worker().token()).get(JOBS + "/" + id).then().statusCode(403);
        applyAll(1);
    }

    @Test
    void anUploadNotInItsDeclaredFormatFailsTheJobWithNothingApplied() throws Exception {
        Platform p = Fixtures.platform("FOOD_DELIVERY");
        Worker w = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // CSV declared as NDJSON
        String csv = "ref,nationalId,scheme,period,orders,sector\n" + run + "-1," + w.nationalId() + ",OCCUPATIONAL_INJURY," + today() + ",1,FOOD_DELIVERY\n";
        post(p, "csv-as-ndjson-" + run, FeedReader.NDJSON, null, csv.getBytes(StandardCharsets.UTF_8)).then().statusCode(202)
                .body("status", equalTo("FAILED")).body("failure.code", equalTo("NOT_THE_FORMAT"))
                .body("failure.message", containsString("line 1"));
        // good lines, then one that is not JSON, in the third chunk: nothing of the job is applied
        byte[] good = ndjson(run, w, 4_500);
        byte[] broken = concat(good, "not json\n".getBytes(StandardCharsets.UTF_8));
        Response failed = post(p, "broken-" + run, FeedReader.NDJSON, "gzip", gzip(broken));
        failed.then().statusCode(202).body("status", equalTo("FAILED")).body("failure.message", containsString("4501"));
        assertFalse(jobs.applyNext());
        assertEquals(0, paidBy(p));
        given().auth().oauth2(p.token()).header("Accept-Language", "zh-CN").get(JOBS + "/" + failed.path("id")).then()
                .statusCode(200).body("failure.message", containsString("4501"));
    }

    @Test
    void everyRefusedUploadLeavesNothing() throws Exception {
        Platform p = Fixtures.platform("FOOD_DELIVERY");
        Worker w = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] good = ndjson(run, w, 10);
        Snapshot before = snapshot();
        long jobsBefore = count("feed_job");

        problem(post(p, "empty-" + run, FeedReader.NDJSON, null, new byte[0]), 400);
        problem(post(p, "blank-" + run, FeedReader.NDJSON, null, "\n \n".getBytes(StandardCharsets.UTF_8)), 400);
        problem(post(p, "not-gzip-" + run, FeedReader.NDJSON, "gzip", good), 400);
        byte[] gz = gzip(good);
        problem(post(p, "cut-gzip-" + run, FeedReader.NDJSON, "gzip", Arrays.copyOf(gz, gz.length - 12)), 400);
        problem(post(p, "json-" + run, "application/json", null, good), 415);
        problem(post(p, "brotli-" + run, FeedReader.NDJSON, "br", good), 415);
        problem(given().auth().oauth2(p.token()).contentType(FeedReader.NDJSON).body(good).post(JOBS), 400);
        // over the limit (32 MiB in this profile): by its length at once, and sent without a length while it streams
        byte[] tooLong = new byte[(32 << 20) + 1];
        Arrays.fill(tooLong, (byte) '\n');
        tooLarge(p, "long-" + run, HttpRequest.BodyPublishers.ofByteArray(tooLong));
        tooLarge(p, "streamed-" + run, HttpRequest.BodyPublishers.ofInputStream(() -> repeat(good, (40 << 20) / good.length)));
        // a gzip bomb: small as sent, past the 64 MiB allowed once decompressed
        byte[] blank = new byte[1 << 20];
        Arrays.fill(blank, (byte) '\n');
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bomb)) {
            for (int i = 0; i < 70; i++) {
                z.write(blank);
            }
        }
        problem(post(p, "bomb-" + run, FeedReader.NDJSON, "gzip", bomb.toByteArray()), 413);

        assertEquals(jobsBefore, count("feed_job"), "no job kept");
        assertEquals(0, count("feed_job_chunk where job_id not in (select id from feed_job)"));
        assertEquals(before, snapshot());
    }

    @Test
    void aChunkWhoseBatchCommittedBeforeItWasRecordedIsAppliedOnce() throws SQLException {
        Platform p = Fixtures.platform("FOOD_DELIVERY");
        Worker w = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = post(p, "window-" + run, FeedReader.NDJSON, null, ndjson(run, w, 3_000)).then().statusCode(202).extract().path("id");
        // the chunk's batch commits, then recording it fails: as an instance dying between the two
        execute("""
                create function pg_temp_fail_once() returns trigger language plpgsql as $$
                begin raise exception 'the instance dies here'; end $$""");
        execute("create trigger die_once before update on feed_job_chunk for each row execute function pg_temp_fail_once()");
        try {
            try {
                jobs.applyNext();
            } catch (RuntimeException expected) {
                // as the scheduler would: the chunk stays to be applied
            }
            assertEquals(2_000 * Fixtures.FOOD_FEE_FEN, paidBy(p), "the first chunk's batch committed");
            assertEquals(0, job(p, id).getInt("linesRead"), "the job did not record it");
        } finally {
            execute("drop trigger die_once on feed_job_chunk");
            execute("drop function pg_temp_fail_once()");
        }
        applyAll(2);
        JsonPath job = job(p, id);
        assertEquals("DONE", job.getString("status"));
        assertEquals(3_000, job.getInt("accepted"));
        assertEquals(0, job.getInt("duplicates"), "the first chunk's report was answered again, not applied twice");
        assertEquals(3_000 * Fixtures.FOOD_FEE_FEN, paidBy(p));
        assertEquals(3_000, postingsOf(w.workerId()));
    }

    // ------------------------------------------------------------------ helpers

    private static String injury(String ref, String nationalId) {
        return "{\"ref\":\"" + ref + "\",\"nationalId\":\"" + nationalId + "\",\"scheme\":\"OCCUPATIONAL_INJURY\",\"period\":\""
                + today() + "\",\"orders\":1,\"sector\":\"FOOD_DELIVERY\"}";
    }

    private static byte[] ndjson(String run, Worker w, int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append(injury(run + "-" + i, w.nationalId())).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Response post(Platform p, String key, String contentType, String encoding, byte[] body) {
        var request = given().auth().oauth2(p.token()).contentType(contentType).header("Idempotency-Key", key).body(body);
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return request.post(JOBS);
    }

    /** Sent past the conformance filter (it would read the whole body): 413 problem. */
    private void tooLarge(Platform p, String key, HttpRequest.BodyPublisher body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(JOBS))
                .header("Authorization", "Bearer " + p.token()).header("Content-Type", FeedReader.NDJSON)
                .header("Idempotency-Key", key).POST(body).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        assertEquals(413, JsonPath.from(r.body()).getInt("status"));
    }

    private static JsonPath job(Platform p, String id) {
        return given().auth().oauth2(p.token()).get(JOBS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void problem(Response r, int status) {
        r.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    /** Applies every waiting chunk, on {@code threads} threads at once. */
    private void applyAll(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> {
                    while (jobs.applyNext()) {
                        // next
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
    }

    private long count(String tableAndWhere) throws SQLException {
        long[] v = new long[1];
        query("select count(*) from " + tableAndWhere, rs -> v[0] = rs.getLong(1));
        return v[0];
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static InputStream repeat(byte[] block, int times) {
        return new SequenceInputStream(Collections.enumeration(Collections.nCopies(times, block).stream()
                .map(ByteArrayInputStream::new).toList()));
    }
}
