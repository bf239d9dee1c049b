package org.psi.contribution.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;

/**
 * The contribution statistics benchmark (not part of the normal test run; see docs/PERFORMANCE.md):
 * writes {@code bench.lines} contribution lines (default 1,000,000: feed lines of 20 platforms and
 * of one rare platform, workers' own payments, reversals) and 1 transfer per 99 of them, for
 * {@code bench.workers} workers (each worker-month one line) over {@code bench.months} months in 10 provinces and their capital cities) straight into the ledger's posting table with one
 * set-based INSERT ... SELECT (the statistics read nothing else; no legs are written), refreshes the
 * statistics over HTTP (the scheduled computation: one GROUPING SETS aggregation of the ledger and
 * the disclosure control of every month), then measures GET /api/statistics/contributions over HTTP
 * with a real auditor token ({@code bench.requests} requests from {@code bench.clients} clients, a
 * mix of groupings, regions and one-month or twelve-month ranges). Baselines in the same run: the
 * same figures aggregated straight from the ledger with SQL (what a query would cost without the
 * summary) and GET /q/health over the same HTTP stack.
 *
 * <pre>./mvnw -B -pl contribution-service verify -Pbench -Dbench.test=StatisticsBenchmark [-Dbench.lines=1000000 -Dbench.workers=100000 -Dbench.months=12 -Dbench.requests=4000 -Dbench.clients=2]</pre>
 */
@QuarkusTest
@Tag("bench")
class StatisticsBenchmark {

    /** Contribution lines (feed lines, reversals, self-payments); transfers come on top, one per 99. */
    private static final int LINES = Integer.getInteger("bench.lines", 1_000_000);
    private static final int POSTINGS = LINES + LINES / 99 + 1;
    private static final int WORKERS = Integer.getInteger("bench.workers", 85_000);
    private static final int MONTHS = Integer.getInteger("bench.months", 12);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 4_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 2);

    /** Every line's worker, month, scheme, region and payer follow from its number g; the amounts from the scheme. */
    private static final String LOAD = """
            insert into posting (id, kind, source, ref, worker_id, scheme, region, period, month, amount_fen,
                                 individual_fen, pooled_fen, reverses_id, due_fen, posted_at)
            select id0 + g,
                   kind, source, 'bench-' || g, worker_id, scheme, region, month, month,
                   amount, 0, amount, case when kind = 'REVERSAL' then id0 + g - 1 end,
                   case when kind <> 'TRANSFER' then due end, now()
            from (
                select g, id0, worker_id, scheme, month,
                       case when scheme = 'MEDICAL' then province || '0100' else province || '0000' end as region,
                       case when scheme = 'PENSION' then 200000 when scheme = 'MEDICAL' then 90000 end as due,
                       case when g %% 100 = 99 then 'TRANSFER' when g %% 100 = 98 then 'REVERSAL'
                            when g %% 10 = 0 then 'SELF_PAYMENT' else 'CONTRIBUTION' end as kind,
                       case when g %% 100 = 99 then 'transfer'
                            when g %% 10 = 0 then 'worker:' || worker_id
                            when g %% 99991 = 1 then 'platform:BENCHRARE'
                            when g %% 100 = 98 then 'platform:BENCH' || ((g - 1) %% 20)
                            else 'platform:BENCH' || (g %% 20) end as source,
                       case when g %% 100 = 99 then 0
                            when scheme = 'OCCUPATIONAL_INJURY' then (case when g %% 100 = 98 then -70 else 70 end)
                            when g %% 100 = 98 then -(case when scheme = 'PENSION' then 200000 else 90000 end)
                            when g %% 10 = 0 then (case when scheme = 'PENSION' then 100000 else 45000 end)
                            else (case when scheme = 'PENSION' then 200000 else 90000 end) end as amount
                from (
                    select g, id0,
                           ('00000000-0000-4000-8000-' || lpad(to_hex(gw %% %1$d), 12, '0'))::uuid as worker_id,
                           (array['PENSION', 'MEDICAL', 'OCCUPATIONAL_INJURY'])[1 + (gw %% %1$d) %% 3] as scheme,
                           (array['11', '31', '32', '33', '37', '41', '42', '44', '51', '53'])[1 + (gw %% %1$d / 3) %% 10] as province,
                           to_char(date '%2$s' + make_interval(months => ((gw / %1$d) %% %3$d)::int), 'YYYY-MM') as month
                    from (
                        -- a reversal (line 98 of every 100) takes back the line before it: same worker, month, platform
                        select g, case when g %% 100 = 98 then g - 1 else g end as gw,
                               (select nextval('posting_id_seq')) as id0
                        from generate_series(1, %4$d) g
                    ) numbered
                ) base
            ) line
            """;

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void statistics() throws Exception {
        YearMonth first = Fixtures.thisMonth().minusMonths(MONTHS);
        YearMonth last = first.plusMonths(Math.min(MONTHS, (POSTINGS + WORKERS - 1) / WORKERS) - 1);
        log("writing %,d postings for %,d workers over %d months (%s to %s) ...", POSTINGS, WORKERS, MONTHS, first, last);
        long start = System.nanoTime();
        long written;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            written = s.executeUpdate(String.format(Locale.ROOT, LOAD, WORKERS, first.atDay(1), MONTHS, POSTINGS));
            s.execute("select setval('posting_id_seq', (select max(id) from posting))");
            s.execute("vacuum analyze posting");
        }
        double load = seconds(System.nanoTime() - start);
        assertEquals(POSTINGS, written);
        long contributionLines = scalar("select count(*) from posting where kind <> 'TRANSFER'");
        org.junit.jupiter.api.Assertions.assertTrue(contributionLines >= LINES, "at least " + LINES + " contribution lines");
        log("written in %.1f s; %,d of them contribution lines (the rest transfers)", load, contributionLines);

        // the scheduled computation, run now
        start = System.nanoTime();
        JsonNode refreshed = post("/api/statistics/refresh", Tokens.admin());
        double refresh = seconds(System.nanoTime() - start);
        log("refresh: %.1f s over HTTP (%s)", refresh, refreshed);

        String auditor = Tokens.auditor();
        List<String> queries = queries(first, last);
        // warm up (not counted)
        for (int i = 0; i < 200; i++) {
            get(queries.get(i % queries.size()), auditor);
        }
        Timing stats = run(queries, auditor);
        Timing health = run(List.of("/q/health"), null);
        double[] direct = directAggregation(last);
        // the refresh's own aggregation, alone: one pass of GROUPING SETS over every month of the ledger
        start = System.nanoTime();
        long cubeRows = 0;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(org.psi.contribution.stats.ContributionStatisticsStore.CUBE)) {
            s.setString(1, first.toString());
            s.setString(2, Fixtures.thisMonth().toString());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cubeRows++;
                }
            }
        }
        double cube = seconds(System.nanoTime() - start);
        JsonNode sample = json.readTree(get("/api/statistics/contributions?month=" + last + "&groupBy=region,payerKind", auditor));

        String report = String.format(Locale.ROOT, """
                contribution statistics benchmark: %,d postings (%,d contribution lines), %,d workers, %d months, %d cores
                  load (INSERT ... SELECT straight into posting):  %8.1f s
                  refresh (GROUPING SETS over the ledger + disclosure control of every month, over HTTP): %8.1f s; %s cells, %s withheld
                    of which the aggregation SQL alone (run again by itself): %8.1f s, %,d cells
                  GET /api/statistics/contributions, %,d requests, %d clients, %d query shapes:
                      p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  %,8.0f requests/s
                  GET /q/health (baseline), %,d requests, %d clients:
                      p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  %,8.0f requests/s
                  the same figures straight from the ledger with SQL (one month, by region and payer kind), no summary:
                      p50 %6.1f ms  (best %6.1f ms, %d runs)
                  a sample answer (%s by region and payer kind): %d cells, total %s persons, %s fen
                """, POSTINGS, contributionLines, WORKERS, MONTHS, Runtime.getRuntime().availableProcessors(),
                load, refresh, refreshed.get("cells"), refreshed.get("suppressed"), cube, cubeRows,
                stats.n, CLIENTS, queries.size(), stats.p(50), stats.p(90), stats.p(99), stats.p(100), stats.perSecond(),
                health.n, CLIENTS, health.p(50), health.p(90), health.p(99), health.p(100), health.perSecond(),
                direct[0], direct[1], (int) direct[2],
                last, sample.get("cells").size(), sample.get("totals").get(0).get("persons"),
                sample.get("totals").get(0).get("amountFen"));
        System.out.println(report);
        Files.writeString(Path.of("target", "statistics-benchmark.txt"), report);
    }

    /** Query shapes: every grouping the API takes, for the whole country or a province or a city, one month or all. */
    private static List<String> queries(YearMonth first, YearMonth last) {
        List<String> out = new ArrayList<>();
        String[] groupings = {"", "region", "province", "scheme", "platform", "payerKind", "region,scheme",
                "region,payerKind", "province,scheme,platform", "region,scheme,platform"};
        String[] regions = {null, "440000", "440100"};
        for (String g : groupings) {
            for (String r : regions) {
                if (g.contains("province") && "440100".equals(r)) {
                    continue;
                }
                StringBuilder q = new StringBuilder("/api/statistics/contributions?");
                q.append(out.size() % 4 == 3 ? "from=" + first + "&to=" + last : "month=" + last);
                if (r != null) {
                    q.append("&region=").append(r);
                }
                if (!g.isEmpty()) {
                    q.append("&groupBy=").append(g);
                }
                out.add(q.toString());
            }
        }
        return out;
    }

    /** What a query would cost if it aggregated the ledger itself: the month's figures by region and payer kind. */
    private double[] directAggregation(YearMonth month) throws SQLException {
        String sql = """
                select region, case when source like 'worker:%' then 'SELF' else 'PLATFORM' end as payer_kind,
                       count(distinct worker_id), sum(amount_fen)
                from posting where kind <> 'TRANSFER' and month = ?
                group by 1, 2""";
        int runs = 10;
        double[] took = new double[runs];
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                s.setString(1, month.toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(3);
                    }
                }
                took[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(took);
        return new double[] {took[runs / 2], took[0], runs};
    }

    private record Timing(int n, double[] millis, double seconds) {
        double p(int percent) {
            return millis[Math.min(millis.length - 1, (int) Math.ceil(percent / 100.0 * millis.length) - 1)];
        }

        double perSecond() {
            return n / seconds;
        }
    }

    private Timing run(List<String> paths, String token) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        double[] millis = new double[REQUESTS];
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(clients.submit(() -> {
                for (int i = client; i < REQUESTS; i += CLIENTS) {
                    long t = System.nanoTime();
                    get(paths.get(i % paths.size()), token);
                    millis[i] = (System.nanoTime() - t) / 1e6;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double took = seconds(System.nanoTime() - start);
        clients.shutdown();
        Arrays.sort(millis);
        return new Timing(REQUESTS, millis, took);
    }

    private String get(String path, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1)).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private JsonNode post(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
