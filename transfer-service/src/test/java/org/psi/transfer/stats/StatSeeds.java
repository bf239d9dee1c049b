package org.psi.transfer.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.psi.common.test.Tokens;
import org.psi.transfer.calendar.WorkingCalendar;
import org.psi.transfer.support.Db;

/**
 * Transfer cases written straight into transfer_case for statistics (the API would take days of
 * officers' steps to reach these states): each with its step dates as the case would hold them. They
 * have no event trail, which statistics never read, and no saga step due. Also the true figures any
 * statistics query should give for them, and checks of answers against those.
 *
 * <p>Seeds use months of 2021, where the calendar table lists no holidays: working days are Monday to
 * Friday, so the expected days are easy to count by hand.
 */
final class StatSeeds {

    static final int THRESHOLD = 10;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Weekends only: the service's calendar for 2021 (its table lists 2026). */
    static final WorkingCalendar CALENDAR = new WorkingCalendar(Set.of(), Set.of());
    static final List<String> STEPS = List.of("REVIEW", "TRANSFER_OUT", "TRANSFER_IN");

    private StatSeeds() {
    }

    /**
     * A case as seeded: submitted on {@code submitted}; each step done after the given working days
     * (null: not done). {@code failedAfterReview}: a FAILED case whose review was done before it failed.
     */
    record Seed(UUID workerId, String scheme, String from, String to, String status, LocalDate submitted,
                Integer reviewDays, Integer outDays, Integer inDays) {

        YearMonth month() {
            return YearMonth.from(submitted);
        }

        Integer days(int step) {
            return switch (step) {
                case 0 -> reviewDays;
                case 1 -> outDays;
                default -> inDays;
            };
        }

        /** The deadline of a step in working days, as the service's defaults set it. */
        Integer deadline(int step) {
            boolean pension = "PENSION".equals(scheme);
            return switch (step) {
                case 0 -> pension ? 15 : null;
                case 1 -> pension ? 15 : 10;
                default -> pension ? 15 : 5;
            };
        }
    }

    static List<Seed> cases(int count, String scheme, String from, String to, String status, LocalDate submitted,
                            Integer reviewDays, Integer outDays, Integer inDays) {
        List<Seed> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Seed(UUID.randomUUID(), scheme, from, to, status, submitted, reviewDays, outDays, inDays));
        }
        return out;
    }

    @SafeVarargs
    static List<Seed> all(List<Seed>... groups) {
        List<Seed> out = new ArrayList<>();
        for (List<Seed> g : groups) {
            out.addAll(g);
        }
        return out;
    }

    /**
     * Writes the cases. A step that is done finishes the step before it and starts the next; an
     * unfinished case's current step is open (a REJECTED/CANCELLED/FAILED one has its current step
     * finished on the day it closed, as the service does, without it counting as done).
     */
    static void insert(List<Seed> seeds) {
        for (Seed s : seeds) {
            LocalDate day = s.submitted();
            LocalDate[] started = new LocalDate[3];
            LocalDate[] due = new LocalDate[3];
            LocalDate[] done = new LocalDate[3];
            boolean closed = Set.of("REJECTED", "CANCELLED", "FAILED", "COMPLETED").contains(s.status());
            LocalDate decided = null;
            LocalDate out = null;
            int current = -1;
            for (int step = 0; step < 3; step++) {
                started[step] = day;
                due[step] = s.deadline(step) == null ? null : CALENDAR.addWorkingDays(day, s.deadline(step));
                current = step;
                if (s.days(step) == null) {
                    break;
                }
                day = CALENDAR.addWorkingDays(day, s.days(step));
                done[step] = day;
                current = -1;
                if (step == 0) {
                    decided = day;
                    if ("REJECTED".equals(s.status())) {
                        break;
                    }
                }
                if (step == 1) {
                    out = day;
                }
            }
            LocalDate closedOn = null;
            if (closed) {
                closedOn = current >= 0 ? started[current].plusDays(1) : day;
                if (current >= 0) {
                    done[current] = closedOn; // the service finishes the open step when a case closes
                    if (current == 0 && "CANCELLED".equals(s.status())) {
                        decided = closedOn; // a cancellation is a decision, not a review
                    }
                }
                current = -1;
            }
            Db.update("""
                    insert into transfer_case (id, worker_id, subject, scheme, route, status, from_region, to_region,
                        temporary_reason, submitted_at, decided_at, transferred_out_at, closed_at,
                        review_days, review_started_on, review_due_on, review_done_on,
                        out_days, out_started_on, out_due_on, out_done_on,
                        in_days, in_started_on, in_due_on, in_done_on, current_step, current_due_on,
                        hold_state, moved, saga_attempts, attention, event_count, last_event_hash)
                    values (?, ?, ?, ?, 'MOVE', ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        'NONE', false, 0, false, 0, ?)
                    """,
                    UUID.randomUUID(), s.workerId(), "stats-" + s.workerId(), s.scheme(), s.status(), s.from(), s.to(),
                    at(s.submitted()), at(decided), at(out), at(closedOn),
                    s.deadline(0), date(started[0]), date(due[0]), date(done[0]),
                    s.deadline(1), date(started[1]), date(due[1]), date(done[1]),
                    s.deadline(2), date(started[2]), date(due[2]), date(done[2]),
                    current < 0 ? null : STEPS.get(current), current < 0 ? null : date(due[current]),
                    "0".repeat(64));
        }
    }

    private static Timestamp at(LocalDate day) {
        return day == null ? null : Timestamp.from(day.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant());
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static void refresh() {
        given().auth().oauth2(Tokens.admin()).post("/api/statistics/refresh").then().statusCode(200);
    }

    static JsonPath query(String token, YearMonth month, String region, String groupBy) {
        var request = given().auth().oauth2(token).queryParam("month", month.toString());
        if (region != null) {
            request.queryParam("region", region);
        }
        if (!groupBy.isEmpty()) {
            request.queryParam("groupBy", groupBy);
        }
        return request.get("/api/statistics/transfers").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    // ------------------------------------------------------------------ the truth

    /** The true figures of a cell: distinct workers, cases, and per step the days of the steps done. */
    record Truth(int persons, int cases, List<List<Integer>> days, List<int[]> deadline) {

        BigDecimal median(int step) {
            List<Integer> d = new ArrayList<>(days.get(step));
            if (d.isEmpty()) {
                return null;
            }
            d.sort(null);
            int n = d.size();
            return BigDecimal.valueOf((long) d.get((n - 1) / 2) + d.get(n / 2)).divide(BigDecimal.valueOf(2), 1,
                    RoundingMode.UNNECESSARY);
        }

        BigDecimal share(int step) {
            int[] w = deadline.get(step);
            return w[1] == 0 ? null : BigDecimal.valueOf(w[0]).divide(BigDecimal.valueOf(w[1]), 3, RoundingMode.HALF_UP);
        }
    }

    /** Whether a step counts as done for statistics: reviewed (accepted or refused), transferred out, completed. */
    private static boolean done(Seed s, int step) {
        if (s.days(step) == null) {
            return false;
        }
        return switch (step) {
            case 0 -> !"CANCELLED".equals(s.status());
            case 1 -> true;
            default -> "COMPLETED".equals(s.status());
        };
    }

    /** The true figures of every non-empty cell of a query: key = the grouped dimensions' values in order. */
    static Map<List<String>, Truth> truth(List<Seed> seeds, String scope, List<String> groupBy) {
        Map<List<String>, Set<UUID>> workers = new HashMap<>();
        Map<List<String>, Truth> cells = new HashMap<>();
        for (Seed s : seeds) {
            Set<List<String>> keys = new HashSet<>();
            for (String direction : List.of("OUT", "IN")) {
                String region = direction.equals("OUT") ? s.from() : s.to();
                if (!inScope(region, scope)) {
                    continue;
                }
                List<String> key = new ArrayList<>();
                for (String d : groupBy) {
                    key.add(switch (d) {
                        case "region" -> region;
                        case "province" -> region.substring(0, 2) + "0000";
                        case "direction" -> direction;
                        case "scheme" -> s.scheme();
                        case "status" -> s.status();
                        default -> throw new IllegalArgumentException(d);
                    });
                }
                keys.add(key);
            }
            for (List<String> key : keys) {
                workers.computeIfAbsent(key, k -> new HashSet<>()).add(s.workerId());
                Truth t = cells.computeIfAbsent(key, k -> new Truth(0, 0, List.of(new ArrayList<>(), new ArrayList<>(),
                        new ArrayList<>()), List.of(new int[2], new int[2], new int[2])));
                t = new Truth(0, t.cases() + 1, t.days(), t.deadline());
                cells.put(key, t);
                for (int step = 0; step < 3; step++) {
                    if (done(s, step)) {
                        t.days().get(step).add(s.days(step));
                        if (s.deadline(step) != null) {
                            t.deadline().get(step)[1]++;
                            if (s.days(step) <= s.deadline(step)) {
                                t.deadline().get(step)[0]++;
                            }
                        }
                    }
                }
            }
        }
        Map<List<String>, Truth> out = new HashMap<>();
        cells.forEach((k, t) -> out.put(k, new Truth(workers.get(k).size(), t.cases(), t.days(), t.deadline())));
        return out;
    }

    static boolean inScope(String region, String scope) {
        if (scope == null) {
            return true;
        }
        return scope.endsWith("0000") ? region.startsWith(scope.substring(0, 2)) : region.equals(scope);
    }

    /** An answer's cells of its (only) month by key (grouped dimensions' values), with the total under the empty key. */
    static Map<List<String>, Map<String, Object>> cells(JsonPath answer, List<String> groupBy) {
        Map<List<String>, Map<String, Object>> out = new LinkedHashMap<>();
        List<Map<String, Object>> cells = answer.getList("cells");
        for (Map<String, Object> c : cells) {
            List<String> key = new ArrayList<>();
            for (String d : groupBy) {
                key.add((String) c.get(d));
            }
            out.put(key, c);
        }
        List<Map<String, Object>> totals = answer.getList("totals");
        assertEquals(1, totals.size());
        out.put(List.of(), totals.get(0));
        return out;
    }

    /** transfers of a cell of an answer (null if withheld). */
    static Integer transfers(Map<String, Object> cell) {
        return (Integer) cell.get("transfers");
    }

    /**
     * Every published cell holds its true figures, every cell of 1 to 9 workers is withheld with its
     * steps, every non-empty cell is listed and no other; the same for the total. Returns how many
     * cells of 10 or more workers are withheld (secondary suppression).
     */
    static int assertTruthful(JsonPath answer, List<Seed> seeds, String scope, List<String> groupBy) {
        Map<List<String>, Truth> truth = truth(seeds, scope, groupBy);
        Map<List<String>, Map<String, Object>> shown = cells(answer, groupBy);
        String what = "groupBy=" + groupBy + " region=" + scope;
        Set<List<String>> listed = new HashSet<>(shown.keySet());
        listed.remove(List.of());
        if (!groupBy.isEmpty()) {
            assertEquals(truth.keySet(), listed, "the cells listed, " + what);
        }
        Truth total = truth(seeds, scope, List.of()).get(List.of());
        int withheldLarge = 0;
        for (Map.Entry<List<String>, Map<String, Object>> e : shown.entrySet()) {
            Truth t = e.getKey().isEmpty() ? total : truth.get(e.getKey());
            if (check(t, e.getValue(), what + " cell " + e.getKey())) {
                withheldLarge++;
            }
        }
        return withheldLarge;
    }

    @SuppressWarnings("unchecked")
    private static boolean check(Truth t, Map<String, Object> cell, String what) {
        boolean suppressed = (Boolean) cell.get("suppressed");
        Integer shown = transfers(cell);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) cell.get("steps");
        assertEquals(STEPS, steps.stream().map(s -> s.get("step")).toList(), what);
        if (t == null) {
            assertEquals(0, shown, what + " is empty");
            return false;
        }
        if (t.persons() < THRESHOLD) {
            assertTrue(suppressed, what + " counts " + t.persons() + " and must be withheld");
        }
        if (suppressed) {
            assertNull(shown, what + ": a withheld cell shows no count");
            for (Map<String, Object> s : steps) {
                assertEquals(true, s.get("withheld"), what + ": a withheld cell's steps are withheld");
                assertNull(s.get("medianDays"), what);
                assertNull(s.get("withinDeadlineShare"), what);
            }
            return t.persons() >= THRESHOLD;
        }
        assertEquals(t.cases(), shown, what);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> s = steps.get(i);
            int n = t.days().get(i).size();
            int withDeadline = t.deadline().get(i)[1];
            boolean few = n > 0 && n < THRESHOLD || withDeadline > 0 && withDeadline < THRESHOLD;
            assertEquals(few, s.get("withheld"), what + " " + STEPS.get(i) + " withheld");
            if (few) {
                assertNull(s.get("medianDays"));
                assertNull(s.get("withinDeadlineShare"));
            } else {
                assertDecimal(t.median(i), s.get("medianDays"), what + " " + STEPS.get(i) + " median");
                assertDecimal(t.share(i), s.get("withinDeadlineShare"), what + " " + STEPS.get(i) + " share");
            }
        }
        return false;
    }

    /** A JSON number (or null) equals a decimal, whatever its scale. */
    static void assertDecimal(BigDecimal expected, Object json, String what) {
        if (expected == null || json == null) {
            assertEquals(expected, json, what);
            return;
        }
        assertEquals(0, expected.compareTo(new BigDecimal(json.toString())), what + ": " + expected + " but " + json);
    }

    static void assertDecimal(String expected, Object json, String what) {
        assertDecimal(expected == null ? null : new BigDecimal(expected), json, what);
    }

    /**
     * The differencing attack along an additive dimension: {@code fine} is grouped by the dimensions of
     * {@code coarse} plus one more at {@code extraAt}; a coarse figure minus the published fine figures
     * under it must never give a withheld one (nor the fine figures add up to a withheld coarse one).
     */
    static void assertNoDifferencing(Map<List<String>, Map<String, Object>> fine,
                                     Map<List<String>, Map<String, Object>> coarse, int extraAt, String what) {
        Map<List<String>, List<Integer>> children = new HashMap<>();
        fine.forEach((key, cell) -> {
            if (key.isEmpty()) {
                return;
            }
            List<String> parent = new ArrayList<>(key);
            parent.remove(extraAt);
            children.computeIfAbsent(parent, x -> new ArrayList<>()).add(transfers(cell));
        });
        children.forEach((parent, kids) -> {
            Map<String, Object> totalCell = coarse.get(parent);
            assertNotNull(totalCell, what + ": the total of " + parent + " is listed");
            Integer total = transfers(totalCell);
            long withheld = kids.stream().filter(Objects::isNull).count() + (total == null ? 1 : 0);
            if (withheld == 1) {
                fail(what + ": " + parent + " and the figures under it hold exactly one withheld figure,"
                        + " which the others give away: total " + total + ", cells " + kids);
            }
        });
    }
}
