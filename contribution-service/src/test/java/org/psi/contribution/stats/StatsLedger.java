package org.psi.contribution.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;

/**
 * Worlds of contributions with known true figures, written straight into the ledger (postings with
 * balanced legs) for months of the past no other test uses; the true figures of any grouping and
 * region scope, computed here independently of the service; and checks of an answer against them.
 */
final class StatsLedger {

    static final int THRESHOLD = 10;
    static final long PENSION_DUE = 200_000;
    static final long MEDICAL_DUE = 90_000;

    private StatsLedger() {
    }

    /** One payer's net payment toward a worker's month of a scheme. payer: a platform code, or null for the worker. */
    record Payment(String platform, long amountFen) {
    }

    /** A worker's month of one scheme, booked in {@code region}, with what it was due and who paid what. */
    record WorkerMonth(UUID worker, String scheme, String region, Long dueFen, List<Payment> payments) {

        long paid() {
            return payments.stream().mapToLong(Payment::amountFen).sum();
        }

        boolean counted() {
            return !scheme.equals("OCCUPATIONAL_INJURY") && dueFen != null && paid() > 0 && paid() >= dueFen;
        }
    }

    /** {@code n} new workers, each with the month of {@code scheme} in {@code region} paid as given. */
    static List<WorkerMonth> workers(int n, String scheme, String region, Payment... payments) {
        List<WorkerMonth> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(month(UUID.randomUUID(), scheme, region, payments));
        }
        return out;
    }

    static WorkerMonth month(UUID worker, String scheme, String region, Payment... payments) {
        Long due = switch (scheme) {
            case "PENSION" -> PENSION_DUE;
            case "MEDICAL" -> MEDICAL_DUE;
            default -> null;
        };
        return new WorkerMonth(worker, scheme, region, due, List.of(payments));
    }

    /** The same workers in another scheme and region. */
    static List<WorkerMonth> alsoIn(List<WorkerMonth> workers, String scheme, String region, Payment... payments) {
        return workers.stream().map(w -> month(w.worker(), scheme, region, payments)).toList();
    }

    @SafeVarargs
    static List<WorkerMonth> all(List<WorkerMonth>... groups) {
        List<WorkerMonth> out = new ArrayList<>();
        for (List<WorkerMonth> g : groups) {
            out.addAll(g);
        }
        return out;
    }

    static Payment platform(String code, long amountFen) {
        return new Payment(code, amountFen);
    }

    static Payment self(long amountFen) {
        return new Payment(null, amountFen);
    }

    // ------------------------------------------------------------------ writing the ledger

    /**
     * Posts every payment of {@code world} toward {@code month}: a platform's as a feed line (the
     * first {@code reversedFirst} of each platform payment also as a wrong line of half the amount
     * and its reversal), a worker's as a self-payment; plus, for every worker, a transfer posting,
     * which must not count.
     */
    static void post(AgroalDataSource db, YearMonth month, List<WorkerMonth> world) throws SQLException {
        try (Connection c = db.getConnection()) {
            for (WorkerMonth w : world) {
                for (Payment p : w.payments()) {
                    String source = p.platform() == null ? "worker:" + w.worker() : "platform:" + p.platform();
                    String kind = p.platform() == null ? "SELF_PAYMENT" : "CONTRIBUTION";
                    if (p.platform() != null) {
                        long wrong = insert(c, kind, source, w, month, p.amountFen() / 2, null);
                        insert(c, "REVERSAL", source, w, month, -(p.amountFen() / 2), wrong);
                    }
                    insert(c, kind, source, w, month, p.amountFen(), null);
                }
                insert(c, "TRANSFER", "transfer", w, month, 0, null);
                if (w.dueFen() != null) {
                    assess(c, w, month);
                }
            }
        }
    }

    /** The month's assessment, as the service makes it when the month opens: its due is what counts. */
    private static void assess(Connection c, WorkerMonth w, YearMonth month) throws SQLException {
        boolean pension = w.scheme().equals("PENSION");
        long rate = pension ? 20 : 10;
        try (PreparedStatement s = c.prepareStatement("insert into month_assessment (worker_id, scheme, month, region,"
                + " base_grade, base_fen, rate_percent, individual_percent, due_fen, policy_region, policy_year,"
                + " policy_version, revision, assessed_at) values (?, ?, ?, ?, 100, ?, ?, ?, ?, ?, ?, 1, 1, now())"
                + " on conflict do nothing")) {
            s.setObject(1, w.worker());
            s.setString(2, w.scheme());
            s.setString(3, month.toString());
            s.setString(4, w.region());
            s.setLong(5, w.dueFen() * 100 / rate);
            s.setLong(6, rate);
            s.setLong(7, pension ? 8 : 2);
            s.setLong(8, w.dueFen());
            s.setString(9, w.region());
            s.setInt(10, month.getYear());
            s.execute();
        }
    }

    private static long insert(Connection c, String kind, String source, WorkerMonth w, YearMonth month, long amount,
                               Long reverses) throws SQLException {
        boolean injury = w.scheme().equals("OCCUPATIONAL_INJURY");
        try (PreparedStatement s = c.prepareStatement("""
                with p as (
                    insert into posting (id, kind, source, ref, worker_id, scheme, region, period, month, amount_fen,
                                         individual_fen, pooled_fen, orders, sector, reverses_id, due_fen, posted_at)
                    values (nextval('posting_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, now())
                    returning id, amount_fen)
                insert into ledger_entry (posting_id, leg, account_id, side, amount_fen)
                select id, 1, ?::uuid, case when amount_fen > 0 then 'D' else 'C' end, abs(amount_fen) from p where amount_fen <> 0
                union all
                select id, 2, ?::uuid, case when amount_fen > 0 then 'C' else 'D' end, abs(amount_fen) from p where amount_fen <> 0
                returning posting_id""")) {
            s.setString(1, kind);
            s.setString(2, source);
            s.setString(3, UUID.randomUUID().toString());
            s.setObject(4, w.worker());
            s.setString(5, w.scheme());
            s.setString(6, w.region());
            s.setString(7, injury ? month.atDay(1).toString() : month.toString());
            s.setString(8, month.toString());
            s.setLong(9, amount);
            s.setLong(10, amount);
            if (injury && !kind.equals("TRANSFER")) {
                s.setInt(11, (int) (amount / Fixtures.FOOD_FEE_FEN));
                s.setString(12, "FOOD_DELIVERY");
            } else {
                s.setNull(11, java.sql.Types.INTEGER);
                s.setNull(12, java.sql.Types.VARCHAR);
            }
            if (reverses == null) {
                s.setNull(13, java.sql.Types.BIGINT);
            } else {
                s.setLong(13, reverses);
            }
            if (w.dueFen() == null || kind.equals("TRANSFER")) {
                s.setNull(14, java.sql.Types.BIGINT);
            } else {
                s.setLong(14, w.dueFen());
            }
            s.setObject(15, UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)).toString());
            s.setObject(16, UUID.nameUUIDFromBytes((w.scheme() + w.region()).getBytes(StandardCharsets.UTF_8)).toString());
            s.execute();
        }
        try (PreparedStatement s = c.prepareStatement("select currval('posting_id_seq')");
             var rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------ the truth

    /** Figures of one cell: persons, amountFen, countedMonths. */
    record Figures(long persons, long amountFen, long countedMonths) {
    }

    /** A cell's key: the values of the grouped dimensions, in groupBy order (platform null for SELF). */
    static List<String> keyOf(WorkerMonth w, Payment p, List<String> groupBy) {
        List<String> key = new ArrayList<>();
        for (String d : groupBy) {
            key.add(switch (d) {
                case "region" -> w.region();
                case "province" -> w.region().substring(0, 2) + "0000";
                case "scheme" -> w.scheme();
                case "platform" -> p.platform();
                case "payerKind" -> p.platform() == null ? "SELF" : "PLATFORM";
                default -> throw new IllegalArgumentException(d);
            });
        }
        return key;
    }

    /** The true figures of every non-empty cell of a grouping in a scope (null: the country). */
    static Map<List<String>, Figures> truth(List<WorkerMonth> world, String region, List<String> groupBy) {
        Map<List<String>, Set<UUID>> persons = new LinkedHashMap<>();
        Map<List<String>, Long> amounts = new HashMap<>();
        Map<List<String>, Set<String>> counted = new HashMap<>();
        for (WorkerMonth w : world) {
            if (!inScope(w.region(), region)) {
                continue;
            }
            for (Payment p : w.payments()) {
                List<String> key = keyOf(w, p, groupBy);
                persons.computeIfAbsent(key, k -> new HashSet<>()).add(w.worker());
                amounts.merge(key, p.amountFen(), Long::sum);
                Set<String> months = counted.computeIfAbsent(key, k -> new HashSet<>());
                if (w.counted()) {
                    months.add(w.worker() + w.scheme());
                }
            }
        }
        Map<List<String>, Figures> out = new LinkedHashMap<>();
        persons.forEach((k, v) -> out.put(k, new Figures(v.size(), amounts.get(k), counted.get(k).size())));
        return out;
    }

    static Figures total(List<WorkerMonth> world, String region) {
        return truth(world, region, List.of()).getOrDefault(List.of(), new Figures(0, 0, 0));
    }

    static boolean inScope(String bookedIn, String region) {
        if (region == null) {
            return true;
        }
        return region.endsWith("0000") ? bookedIn.startsWith(region.substring(0, 2)) : bookedIn.equals(region);
    }

    // ------------------------------------------------------------------ asking and checking

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** An officer's token (an auditor's for null), signed once per test run. */
    static String token(String region) {
        return TOKENS.computeIfAbsent(region == null ? "auditor" : region,
                r -> region == null ? Tokens.auditor() : Tokens.officer(region));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer of GET /api/statistics/contributions, parsed once (plain maps: quicker than GPath). */
    record Answer(Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        List<String> groupBy() {
            return (List<String>) body.get("groupBy");
        }

        @SuppressWarnings("unchecked")
        List<String> multiValued() {
            return (List<String>) body.get("multiValued");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells() {
            return (List<Map<String, Object>>) body.get("cells");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> firstTotal() {
            return ((List<Map<String, Object>>) body.get("totals")).get(0);
        }

        String asOf() {
            return (String) body.get("asOf");
        }
    }

    static Answer query(String token, YearMonth month, String region, String groupBy) {
        var r = given().auth().oauth2(token).queryParam("month", month.toString());
        if (region != null) {
            r = r.queryParam("region", region);
        }
        if (!groupBy.isEmpty()) {
            r = r.queryParam("groupBy", groupBy);
        }
        String body = r.get("/api/statistics/contributions").then().statusCode(200).extract().asString();
        try {
            return new Answer(JSON.readValue(body, new TypeReference<Map<String, Object>>() { }));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void refresh() {
        given().auth().oauth2(Tokens.admin()).post("/api/statistics/refresh").then().statusCode(200);
    }

    /** The published cells of an answer by key (null figures when withheld). */
    static Map<List<String>, Figures> cells(Answer answer) {
        List<String> groupBy = answer.groupBy();
        Map<List<String>, Figures> out = new LinkedHashMap<>();
        List<Map<String, Object>> cells = answer.cells();
        for (Map<String, Object> c : cells) {
            List<String> key = new ArrayList<>();
            for (String d : groupBy) {
                key.add((String) c.get(d));
            }
            out.put(key, Boolean.TRUE.equals(c.get("suppressed")) ? null : new Figures(number(c.get("persons")),
                    number(c.get("amountFen")), number(c.get("countedMonths"))));
        }
        return out;
    }

    /** The month's total of an answer: null when withheld. */
    static Figures total(Answer answer) {
        Map<String, Object> t = answer.firstTotal();
        return Boolean.TRUE.equals(t.get("suppressed")) ? null
                : new Figures(number(t.get("persons")), number(t.get("amountFen")), number(t.get("countedMonths")));
    }

    private static long number(Object o) {
        assertNotNull(o, "a published figure is present");
        return ((Number) o).longValue();
    }

    /**
     * Every published figure is the true one; every cell of 1 to 9 workers is withheld; every
     * non-empty cell is listed; withheld cells show no figure at all. Returns how many cells of 10 or
     * more were withheld (secondary suppression).
     */
    static int assertTruthful(Answer answer, List<WorkerMonth> world, String region) {
        List<String> groupBy = answer.groupBy();
        String what = region + " " + groupBy;
        Map<List<String>, Figures> truth = truth(world, region, groupBy);
        Map<List<String>, Figures> published = cells(answer);
        assertEquals(truth.keySet(), published.keySet(), what + ": the cells listed are the non-empty ones");
        int withheldLarge = 0;
        for (Map.Entry<List<String>, Figures> c : truth.entrySet()) {
            Figures shown = published.get(c.getKey());
            if (c.getValue().persons() < THRESHOLD) {
                assertEquals(null, shown, what + " " + c.getKey() + ": a cell of " + c.getValue().persons() + " is withheld");
            } else if (shown == null) {
                withheldLarge++;
            } else {
                assertEquals(c.getValue(), shown, what + " " + c.getKey());
            }
        }
        List<Map<String, Object>> cells = answer.cells();
        for (Map<String, Object> c : cells) {
            if (Boolean.TRUE.equals(c.get("suppressed"))) {
                assertTrue(c.get("persons") == null && c.get("amountFen") == null && c.get("countedMonths") == null,
                        what + ": a withheld cell shows no figure " + c);
            }
        }
        Figures total = total(world, region);
        Figures shownTotal = total(answer);
        if (total.persons() > 0 && total.persons() < THRESHOLD) {
            assertEquals(null, shownTotal, what + ": a small total is withheld");
        } else if (shownTotal != null) {
            assertEquals(total, shownTotal, what + ": the total");
        }
        return withheldLarge;
    }
}
