package org.psi.contribution.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.injuryLine;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.reversal;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.sendRaw;
import static org.psi.contribution.support.Fixtures.thisMonth;
import static org.psi.contribution.support.Fixtures.today;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/** Feeds against the real enrollment-service: acceptance, splits, duplicates, conflicts, reversals, tenants. */
@QuarkusTest
class BatchResourceTest extends LedgerChecks {

    private static final String GD = "440000";
    private static final long DUE = Fixtures.WAGE_FEN * 20 / 100;

    @BeforeEach
    void policies() {
        Fixtures.testPolicy(GD);
        Fixtures.testPolicy("310000");
    }

    @Test
    void aPensionLinePostsAndSplitsEightTwelve() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        long pooledBefore = pooled(Scheme.PENSION, GD);
        String r = ref();

        send(p, key(), feed(monthLine(r, w.nationalId(), "PENSION", thisMonth(), 120_001)))
                .then().statusCode(201)
                .header("Location", containsString("/api/contribution-batches/"))
                .body("received", equalTo(1)).body("accepted", equalTo(1))
                .body("duplicates", equalTo(0)).body("rejected", equalTo(0))
                .body("errors", hasSize(0)).body("platformCode", equalTo(p.code()));

        // 120001 x 8/20 = 48000.4 -> 48000 to the individual account, the remaining 72001 to the pooled fund
        assertEquals(48_000, individual(w.workerId(), Scheme.PENSION, GD));
        assertEquals(72_001, pooled(Scheme.PENSION, GD) - pooledBefore);
        assertEquals(120_001, paidBy(p));
    }

    @Test
    void anInjuryLineIsPricedPerOrderOfTheSector() throws SQLException {
        Platform p = Fixtures.platform("FOOD_DELIVERY", "RIDE_HAILING");
        Worker w = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        long pooledBefore = pooled(Scheme.OCCUPATIONAL_INJURY, GD);
        Map<String, Object> given = injuryLine(ref(), w.nationalId(), today(), 5, "RIDE_HAILING");
        given.put("amountFen", 5 * Fixtures.RIDE_FEE_FEN);

        send(p, key(), feed(
                injuryLine(ref(), w.nationalId(), today(), 37, "FOOD_DELIVERY"),
                given,
                withAmount(injuryLine(ref(), w.nationalId(), today(), 2, "FOOD_DELIVERY"), 999),
                injuryLine(ref(), w.nationalId(), today(), 2, "FREIGHT")))
                .then().statusCode(201)
                .body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("errors[0].line", equalTo(3)).body("errors[0].code", equalTo("AMOUNT_MISMATCH"))
                .body("errors[1].line", equalTo(4)).body("errors[1].code", equalTo("SECTOR_NOT_OF_PLATFORM"));

        long expected = 37 * Fixtures.FOOD_FEE_FEN + 5 * Fixtures.RIDE_FEE_FEN;
        assertEquals(expected, pooled(Scheme.OCCUPATIONAL_INJURY, GD) - pooledBefore);
        assertEquals(expected, paidBy(p));
    }

    @Test
    void aRetryAddsNothing() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        Map<String, Object> body = feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 50_000),
                monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 60_000));
        String k = key();
        Response first = send(p, k, body);
        first.then().statusCode(201).body("accepted", equalTo(2));
        Snapshot before = snapshot();

        // the same key and body: the first response again
        send(p, k, body).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("batchId", equalTo(first.path("batchId"))).body("accepted", equalTo(2));
        // the same lines under a new key: every line a duplicate, nothing posted
        send(p, key(), body).then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        Snapshot after = snapshot();
        assertEquals(before.postings(), after.postings());
        assertEquals(before.entries(), after.entries());
        assertEquals(110_000, paidBy(p));

        // the same key with another body is refused and changes nothing
        send(p, k, feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 1)))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        assertEquals(after.postings(), snapshot().postings());
    }

    @Test
    void aRefReusedWithOtherContentIsAConflict() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        String r = ref();
        send(p, key(), feed(monthLine(r, w.nationalId(), "PENSION", thisMonth(), 50_000))).then().statusCode(201);

        send(p, key(), feed(monthLine(r, w.nationalId(), "PENSION", thisMonth(), 50_001),
                monthLine(r, w.nationalId(), "PENSION", thisMonth(), 50_000)))
                .then().statusCode(201)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].code", equalTo("REF_CONFLICT")).body("errors[0].ref", equalTo(r));
        // within one feed too
        String r2 = ref();
        send(p, key(), feed(monthLine(r2, w.nationalId(), "PENSION", thisMonth(), 10),
                monthLine(r2, w.nationalId(), "PENSION", thisMonth(), 11),
                monthLine(r2, w.nationalId(), "PENSION", thisMonth(), 10)))
                .then().statusCode(201)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1)).body("duplicates", equalTo(1))
                .body("errors[0].line", equalTo(2)).body("errors[0].code", equalTo("REF_CONFLICT"));
        assertEquals(50_010, paidBy(p));
    }

    @Test
    void linesAreCheckedAgainstTheRegistry() throws SQLException {
        Platform p = Fixtures.platform();
        Platform other = Fixtures.platform();
        Worker linked = Fixtures.linkedWorker(p, "PENSION", GD);
        Worker notLinked = Fixtures.worker();
        Fixtures.enrol(notLinked, "PENSION", GD, null);
        Fixtures.link(notLinked, other);
        Worker lastMonthOnly = Fixtures.worker();
        Fixtures.enrol(lastMonthOnly, "PENSION", GD, thisMonth().minusMonths(1));
        Fixtures.link(lastMonthOnly, p);
        String unregistered = Fixtures.nationalId();
        String badCheck = linked.nationalId().substring(0, 17) + (linked.nationalId().endsWith("0") ? "1" : "0");

        // consent first: for an unregistered person the platform hears what it hears for one who gave no consent
        send(p, key(), feed(
                monthLine(ref(), unregistered, "PENSION", thisMonth(), 100),
                monthLine(ref(), badCheck, "PENSION", thisMonth(), 100),
                monthLine(ref(), linked.nationalId(), "MEDICAL", thisMonth(), 100),
                monthLine(ref(), notLinked.nationalId(), "PENSION", thisMonth(), 100),
                // consent granted today: not in force last month
                monthLine(ref(), lastMonthOnly.nationalId(), "PENSION", thisMonth().minusMonths(1), 100),
                monthLine(ref(), linked.nationalId(), "PENSION", thisMonth(), DUE + 1),
                monthLine(ref(), linked.nationalId(), "PENSION", thisMonth(), DUE)))
                .then().statusCode(201)
                .body("received", equalTo(7)).body("accepted", equalTo(1)).body("rejected", equalTo(6))
                .body("errors.code", equalTo(List.of("NOT_AUTHORISED", "INVALID_CHECK_CHARACTER", "NOT_ENROLLED",
                        "NOT_AUTHORISED", "NOT_AUTHORISED", "EXCEEDS_DUE")))
                .body("errors.line", equalTo(List.of(1, 2, 3, 4, 5, 6)));
        assertEquals(DUE, paidBy(p));
    }

    @Test
    void aCorrectionIsAReversalNeverAnUpdate() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        String original = ref();
        String period = thisMonth().toString();
        send(p, key(), feed(monthLine(original, w.nationalId(), "PENSION", thisMonth(), 100_000))).then().statusCode(201);
        assertEquals(40_000, individual(w.workerId(), Scheme.PENSION, GD));

        String rev = ref();
        send(p, key(), feed(reversal(rev, original, w.nationalId(), "PENSION", period),
                monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 90_000)))
                .then().statusCode(201).body("accepted", equalTo(2));
        assertEquals(36_000, individual(w.workerId(), Scheme.PENSION, GD));
        assertEquals(90_000, paidBy(p));
        assertEquals(3, postingsOf(w.workerId()), "the original stays; its reversal and the correction are new postings");

        Map<String, Object> wrongAmount = reversal(ref(), original, w.nationalId(), "PENSION", period);
        wrongAmount.put("amountFen", 1);
        send(p, key(), feed(
                reversal(ref(), original, w.nationalId(), "PENSION", period),
                reversal(ref(), "no-such-ref", w.nationalId(), "PENSION", period),
                reversal(ref(), rev, w.nationalId(), "PENSION", period),
                reversal(ref(), original, w.nationalId(), "PENSION", thisMonth().minusMonths(1).toString())))
                .then().statusCode(201).body("accepted", equalTo(0))
                .body("errors.code", equalTo(List.of("ALREADY_REVERSED", "UNKNOWN_REVERSED_REF", "REVERSAL_OF_REVERSAL",
                        "ALREADY_REVERSED")));

        // a line and its reversal in one feed
        String inFeed = ref();
        String second = ref();
        send(p, key(), feed(monthLine(inFeed, w.nationalId(), "PENSION", thisMonth(), 5_000),
                reversal(ref(), inFeed, w.nationalId(), "PENSION", period),
                monthLine(second, w.nationalId(), "PENSION", thisMonth(), 7_000),
                wrongAmountFor(second, w, period)))
                .then().statusCode(201).body("accepted", equalTo(3))
                .body("errors[0].code", equalTo("REVERSAL_MISMATCH"));
        assertEquals(97_000, paidBy(p));
    }

    @Test
    void anotherPlatformsBatchIsNotFound() throws SQLException {
        Platform p = Fixtures.platform();
        Platform other = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        String batchId = send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 100)))
                .then().statusCode(201).extract().path("batchId");

        given().auth().oauth2(p.token()).get("/api/contribution-batches/" + batchId)
                .then().statusCode(200).body("batchId", equalTo(batchId)).body("accepted", equalTo(1));
        given().auth().oauth2(other.token()).get("/api/contribution-batches/" + batchId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other.token()).get("/api/contribution-batches")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(w.token()).get("/api/contribution-batches/" + batchId).then().statusCode(403);
        given().get("/api/contribution-batches/" + batchId).then().statusCode(401);
        assertEquals(100, paidBy(p));
        assertEquals(0, paidBy(other));
    }

    @Test
    void aPlatformListsItsBatchesPageByPage() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        for (int i = 0; i < 3; i++) {
            send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 100 + i))).then().statusCode(201);
        }
        Response first = given().auth().oauth2(p.token()).queryParam("limit", 2).get("/api/contribution-batches");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .body("items[0].errors", nullValue());
        given().auth().oauth2(p.token()).queryParam("limit", 2).queryParam("cursor", (String) first.path("nextCursor"))
                .get("/api/contribution-batches")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().auth().oauth2(p.token()).queryParam("limit", 501).get("/api/contribution-batches")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(100 + 101 + 102, paidBy(p));
    }

    @Test
    void aClientThatIsNoRegisteredPlatformIsRefused() throws SQLException {
        Snapshot before = snapshot();
        given().auth().oauth2(Tokens.platform("client-unknown-" + key())).contentType("application/json")
                .header("Idempotency-Key", key())
                .body(feed(monthLine(ref(), Fixtures.nationalId(), "PENSION", thisMonth(), 100)))
                .post("/api/contribution-batches")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(before, snapshot());
    }

    @Test
    void theSameLinesInCsvNdjsonAndJsonAreTheSameLines() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        String r1 = ref();
        String r2 = ref();
        String csv = "ref,nationalId,scheme,period,amountFen,orders,sector,reversesRef\r\n"
                + r1 + "," + w.nationalId().toLowerCase() + ",PENSION," + thisMonth() + ",30000,,,\r\n"
                + "\"" + r2 + "\",\"" + w.nationalId() + "\",PENSION," + thisMonth() + ",20000,,,\r\n";
        sendRaw(p, key(), "text/csv", csv).then().statusCode(201).body("accepted", equalTo(2));
        String ndjson = "{\"ref\":\"" + r1 + "\",\"nationalId\":\"" + w.nationalId() + "\",\"scheme\":\"PENSION\",\"period\":\""
                + thisMonth() + "\",\"amountFen\":30000}\n\n{\"ref\":\"" + r2 + "\",\"nationalId\":\"" + w.nationalId()
                + "\",\"scheme\":\"PENSION\",\"period\":\"" + thisMonth() + "\",\"amountFen\":20000}\n";
        sendRaw(p, key(), "application/x-ndjson", ndjson).then().statusCode(201)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        send(p, key(), feed(monthLine(r1, w.nationalId(), "PENSION", thisMonth(), 30_000),
                monthLine(r2, w.nationalId(), "PENSION", thisMonth(), 20_000)))
                .then().statusCode(201).body("duplicates", equalTo(2));
        assertEquals(50_000, paidBy(p));
    }

    @Test
    void aFeedIsAppliedWholeOrNotAtAll() throws SQLException {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        // The database fails the feed after its postings are written, while its legs are being written,
        // as a crash half way through would: the transaction rolls back and nothing of the feed remains.
        execute("""
                create or replace function test_crash_half_way() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from added a join posting p on p.id = a.posting_id where p.ref like 'crash-%') then
                        raise exception 'simulated crash half way through a feed';
                    end if;
                    return null;
                end $$""");
        execute("""
                create trigger test_crash_half_way after insert on ledger_entry referencing new table as added
                for each statement execute function test_crash_half_way()""");
        Snapshot before;
        Map<String, Object> body = feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 10_000),
                monthLine("crash-" + ref(), w.nationalId(), "PENSION", thisMonth(), 20_000),
                monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 30_000));
        String k = key();
        try {
            before = snapshot();
            send(p, k, body).then().statusCode(500);
            assertEquals(before, snapshot(), "no posting, leg or batch of the failed feed remains");
            assertEquals(0, postingsOf(w.workerId()));
        } finally {
            execute("drop trigger test_crash_half_way on ledger_entry");
            execute("drop function test_crash_half_way()");
        }
        // the retry under the same key applies the whole feed, once
        send(p, k, body).then().statusCode(201).body("accepted", equalTo(3));
        assertEquals(60_000, paidBy(p));
    }

    @Test
    void aLineSentAgainIsADuplicateEvenIfItWouldNowBeRejected() throws SQLException {
        String hainan = "460000";
        Platform p = Fixtures.platform("FOOD_DELIVERY");
        Worker w = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", hainan);
        setFoodFee(hainan, 7);
        Map<String, Object> line = injuryLine(ref(), w.nationalId(), today(), 3, "FOOD_DELIVERY");
        line.put("amountFen", 21);
        send(p, key(), feed(line)).then().statusCode(201).body("accepted", equalTo(1));
        // the region's fee changes: the same line, checked afresh, would be an AMOUNT_MISMATCH
        setFoodFee(hainan, 8);
        send(p, key(), feed(line)).then().statusCode(201)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(1)).body("rejected", equalTo(0));
        Map<String, Object> changed = new java.util.HashMap<>(line);
        changed.put("orders", 4);
        send(p, key(), feed(changed)).then().statusCode(201).body("errors[0].code", equalTo("REF_CONFLICT"));
        assertEquals(21, paidBy(p));
    }

    private static void setFoodFee(String region, long fee) {
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("averageMonthlyWageFen", Fixtures.WAGE_FEN, "baseFloorPercent", 60, "baseCeilingPercent", 300,
                        "pensionRatePercent", 20, "pensionIndividualPercent", 8, "medicalRatePercent", 9,
                        "injuryFeePerOrderFen", Map.of("FOOD_DELIVERY", fee)))
                .put("/api/regions/" + region + "/policies/" + thisMonth().getYear())
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    @Test
    void concurrentFeedsNeverPostALineTwice() throws Exception {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "OCCUPATIONAL_INJURY", GD);
        java.util.List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(injuryLine(ref(), w.nationalId(), today(), 1, "FOOD_DELIVERY"));
        }
        Map<String, Object> body = Map.of("lines", lines);
        String sameKey = key();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            // two with other keys and two with the same key, all at once
            java.util.List<java.util.concurrent.Future<Response>> sent = new java.util.ArrayList<>();
            for (String k : List.of(key(), key(), sameKey, sameKey)) {
                sent.add(pool.submit(() -> send(p, k, body)));
            }
            int accepted = 0;
            for (var f : sent) {
                Response r = f.get();
                r.then().statusCode(201);
                accepted += r.<Integer>path("accepted");
            }
            // each line is posted once: by one of the feeds (the replayed key reports the same batch again)
            org.junit.jupiter.api.Assertions.assertTrue(accepted == 200 || accepted == 400, "accepted " + accepted);
        } finally {
            pool.shutdown();
        }
        assertEquals(200, postingsOf(w.workerId()));
        assertEquals(200 * Fixtures.FOOD_FEE_FEN, paidBy(p));
    }

    private static Map<String, Object> withAmount(Map<String, Object> line, long amount) {
        line.put("amountFen", amount);
        return line;
    }

    private static Map<String, Object> wrongAmountFor(String reversed, Worker w, String period) {
        Map<String, Object> l = reversal(ref(), reversed, w.nationalId(), "PENSION", period);
        l.put("amountFen", 6_999);
        return l;
    }
}
