package org.psi.transfer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contribution-service as far as transfers go: per worker and scheme an individual account per
 * region, a pooled fund per region (with other people's money in it), the share of the pooled fund
 * that would move with the worker (12% of the base of every counted month), and holds by transfer id.
 * Commits move money between accounts, each at most once per transfer; {@link #effects} counts the
 * postings each transfer caused, so a double commit would show.
 */
public class ContributionStandIn extends StandIn {

    public static final String NAME = "contribution-stand-in";

    /** One worker's record for a scheme. */
    private static final class Record {
        String workerId;
        String scheme;
        long pooledShareFen;
        int months;
        List<Map<String, Object>> countedMonthsByRegion = new ArrayList<>();
    }

    /** A hold, as the contract describes it. */
    public static final class Hold {
        public String transferId;
        public String workerId;
        public String scheme;
        public String fromRegion;
        public String toRegion;
        public long individualAccountFen;
        public long pooledFundFen;
        public int months;
        public String status;
    }

    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, Record> records = new HashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private final Map<String, Integer> effects = new HashMap<>();
    /** PENSION records for estimates by worker: the grade in force and the counted months (month, region, baseFen, averageWageFen). */
    private final Map<String, Integer> grades = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> countedMonths = new HashMap<>();
    /** The latest published average monthly wage of each region: year and fen. */
    private final Map<String, long[]> wages = new HashMap<>();

    public ContributionStandIn() {
        super();
    }

    @Override
    public String getName() {
        return NAME;
    }

    // ------------------------------------------------------------------ the model, for tests

    public static String individual(String scheme, String workerId, String region) {
        return "IND|" + scheme + "|" + workerId + "|" + region;
    }

    public static String pooled(String scheme, String region) {
        return "POOL|" + scheme + "|" + region;
    }

    /**
     * Gives a worker an individual account of {@code individualFen} in {@code region}, a pooled-fund share
     * of {@code pooledShareFen} over {@code months} months, and puts {@code pooledShareFen + otherPooledFen}
     * into the region's pooled fund.
     */
    public synchronized void seed(String workerId, String scheme, String region, long individualFen, long pooledShareFen,
                                  int months, long otherPooledFen, Map<String, Integer> countedMonthsByRegion) {
        Record r = new Record();
        r.workerId = workerId;
        r.scheme = scheme;
        r.pooledShareFen = pooledShareFen;
        r.months = months;
        countedMonthsByRegion.forEach((reg, m) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("region", reg);
            entry.put("months", m);
            r.countedMonthsByRegion.add(entry);
        });
        records.put(workerId + "|" + scheme + "|" + region, r);
        balances.merge(individual(scheme, workerId, region), individualFen, Long::sum);
        balances.merge(pooled(scheme, region), pooledShareFen + otherPooledFen, Long::sum);
    }

    /**
     * Gives a worker a PENSION record for estimates: the grade of her current enrollment (null: none), an
     * individual account of {@code individualFen} in {@code region}, and {@code n} counted months ending
     * at {@code last}, each of {@code baseFen} in {@code monthRegion} whose average wage was {@code averageWageFen}.
     * Months may be added in several calls (oldest first).
     */
    public synchronized void seedPensionMonths(String workerId, Integer grade, String monthRegion, java.time.YearMonth last, int n,
                                               long baseFen, long averageWageFen) {
        grades.put(workerId, grade);
        List<Map<String, Object>> months = countedMonths.computeIfAbsent(workerId, k -> new ArrayList<>());
        for (int i = n - 1; i >= 0; i--) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", last.minusMonths(i).toString());
            m.put("region", monthRegion);
            m.put("baseFen", baseFen);
            m.put("averageWageFen", averageWageFen);
            months.add(m);
        }
    }

    public synchronized void seedIndividualAccount(String workerId, String scheme, String region, long fen) {
        balances.merge(individual(scheme, workerId, region), fen, Long::sum);
    }

    /** Publishes the average monthly wage of a region for a year (the latest one is served). */
    public synchronized void publishWage(String region, int year, long fen) {
        long[] known = wages.get(region);
        if (known == null || known[0] <= year) {
            wages.put(region, new long[] {year, fen});
        }
    }

    public synchronized long balance(String account) {
        return balances.getOrDefault(account, 0L);
    }

    /** The sum of every account whose key contains one of {@code regions}' codes. */
    public synchronized long total(String scheme, String... regions) {
        long sum = 0;
        for (Map.Entry<String, Long> e : balances.entrySet()) {
            if (!e.getKey().contains("|" + scheme + "|")) {
                continue;
            }
            for (String region : regions) {
                if (e.getKey().endsWith("|" + region)) {
                    sum += e.getValue();
                }
            }
        }
        return sum;
    }

    public synchronized Hold hold(String transferId) {
        return holds.get(transferId);
    }

    /** How many ledger postings this transfer caused (1 after a commit; never more). */
    public synchronized int effects(String transferId) {
        return effects.getOrDefault(transferId, 0);
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    protected String[] route(Request request) {
        String[] parts = request.getUrl().split("\\?")[0].split("/");
        // /internal/workers/{id}/transfer-quote or /internal/transfers/{id}/{op}
        if ("workers".equals(parts[2])) {
            return "pension-record".equals(parts[4]) ? new String[] {"pension-record", parts[3]} : new String[] {"quote", null};
        }
        return new String[] {parts[4], parts[3]};
    }

    @Override
    protected Answer apply(String op, String transferId, Request request) throws Exception {
        return switch (op) {
            case "quote" -> quote(request);
            case "pension-record" -> pensionRecord(transferId, request);
            case "hold" -> hold(transferId, body(request));
            case "commit" -> commit(transferId);
            case "release" -> release(transferId);
            default -> new Answer(404, "No such operation");
        };
    }

    @Override
    protected void lose(String transferId) {
        Hold h = holds.get(transferId);
        if (h != null && "HELD".equals(h.status)) {
            holds.remove(transferId);
        }
    }

    /** Transfers released before they held anything: a later hold request holds nothing. */
    private final java.util.Set<String> releasedUnheld = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Answer quote(Request request) {
        String workerId = request.getUrl().split("/")[3];
        String scheme = request.queryParameter("scheme").firstValue();
        String from = request.queryParameter("fromRegion").firstValue();
        Record r = records.get(workerId + "|" + scheme + "|" + from);
        if (r == null) {
            return new Answer(404, "No contributions of this worker in " + from);
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("workerId", workerId);
        q.put("scheme", scheme);
        q.put("fromRegion", from);
        q.put("individualAccountFen", balance(individual(scheme, workerId, from)));
        q.put("pooledFundFen", r.pooledShareFen);
        q.put("months", r.months);
        q.put("countedMonthsByRegion", r.countedMonthsByRegion);
        return Answer.ok(q);
    }

    /** The record as the contribution-service answers it: 404 for a worker it knows nothing of, empty for one without months. */
    private synchronized Answer pensionRecord(String workerId, Request request) {
        if (!countedMonths.containsKey(workerId) && records.keySet().stream().noneMatch(k -> k.startsWith(workerId + "|"))) {
            return new Answer(404, "Worker " + workerId);
        }
        long account = 0;
        for (Map.Entry<String, Long> e : balances.entrySet()) {
            if (e.getKey().startsWith("IND|PENSION|" + workerId + "|")) {
                account += e.getValue();
            }
        }
        List<Map<String, Object>> claimWages = new ArrayList<>();
        var asked = request.queryParameter("claimRegion");
        if (asked.isPresent()) {
            for (String region : new java.util.LinkedHashSet<>(asked.values())) {
                long[] w = wages.get(region);
                if (w != null) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("region", region);
                    entry.put("year", (int) w[0]);
                    entry.put("averageMonthlyWageFen", w[1]);
                    claimWages.add(entry);
                }
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workerId", workerId);
        r.put("currentGrade", grades.get(workerId));
        r.put("individualAccountFen", account);
        r.put("countedMonths", countedMonths.getOrDefault(workerId, List.of()));
        r.put("claimWages", claimWages);
        return Answer.ok(r);
    }

    private Answer hold(String transferId, JsonNode body) {
        Hold existing = holds.get(transferId);
        if (existing != null) {
            return Answer.ok(existing);
        }
        if (releasedUnheld.contains(transferId)) {
            // released before the hold arrived: holds nothing (as the contribution-service remembers such releases)
            Hold nothing = new Hold();
            nothing.transferId = transferId;
            nothing.status = "RELEASED";
            return Answer.ok(nothing);
        }
        String workerId = body.path("workerId").asText();
        String scheme = body.path("scheme").asText();
        String from = body.path("fromRegion").asText();
        Record r = records.get(workerId + "|" + scheme + "|" + from);
        if (r == null) {
            return new Answer(404, "No contributions of this worker in " + from);
        }
        Hold h = new Hold();
        h.transferId = transferId;
        h.workerId = workerId;
        h.scheme = scheme;
        h.fromRegion = from;
        h.toRegion = body.path("toRegion").asText();
        h.individualAccountFen = balance(individual(scheme, workerId, from));
        h.pooledFundFen = r.pooledShareFen;
        h.months = r.months;
        h.status = "HELD";
        holds.put(transferId, h);
        return Answer.ok(h);
    }

    private Answer commit(String transferId) {
        Hold h = holds.get(transferId);
        if (h == null) {
            return new Answer(404, "No hold for this transfer");
        }
        if ("RELEASED".equals(h.status)) {
            return new Answer(409, "The hold was released");
        }
        if ("HELD".equals(h.status)) {
            move(individual(h.scheme, h.workerId, h.fromRegion), individual(h.scheme, h.workerId, h.toRegion), h.individualAccountFen);
            move(pooled(h.scheme, h.fromRegion), pooled(h.scheme, h.toRegion), h.pooledFundFen);
            h.status = "COMMITTED";
            effects.merge(transferId, 1, Integer::sum);
        }
        return Answer.ok(h);
    }

    private Answer release(String transferId) {
        Hold h = holds.get(transferId);
        if (h == null) {
            releasedUnheld.add(transferId);
            Hold nothing = new Hold();
            nothing.transferId = transferId;
            nothing.status = "RELEASED";
            return Answer.ok(nothing);
        }
        if ("COMMITTED".equals(h.status)) {
            return new Answer(409, "The hold was committed");
        }
        h.status = "RELEASED";
        return Answer.ok(h);
    }

    private void move(String from, String to, long fen) {
        balances.merge(from, -fen, Long::sum);
        balances.merge(to, fen, Long::sum);
    }
}
