package org.psi.enrollment.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.psi.common.stats.AgeBand;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;
import org.psi.enrollment.support.ShiftableClock;

/**
 * Workers of known attributes made through the API in one month of the past (covered in that month
 * only), the true counts any statistics query should give for them, and checks of answers against
 * those counts.
 */
final class StatsWorld {

    static final int THRESHOLD = 10;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private StatsWorld() {
    }

    /** A worker: sex, age in the month, enrollments (scheme -> pooling region), platforms consented to. */
    record Person(boolean male, int age, Map<String, String> enrollments, Set<String> platforms) {
    }

    static List<Person> people(int count, boolean male, int age, Set<String> platforms, String... schemeRegion) {
        Map<String, String> enrollments = new LinkedHashMap<>();
        for (int i = 0; i < schemeRegion.length; i += 2) {
            enrollments.put(schemeRegion[i], schemeRegion[i + 1]);
        }
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Person(male, age, Map.copyOf(enrollments), Set.copyOf(platforms)));
        }
        return out;
    }

    @SafeVarargs
    static List<Person> all(List<Person>... groups) {
        List<Person> out = new ArrayList<>();
        for (List<Person> g : groups) {
            out.addAll(g);
        }
        return out;
    }

    /**
     * Makes the persons through the API with the service's clock in {@code month}: each registers,
     * enrols, grants and revokes its consents and suspends its enrollments (from the next month), so
     * that they are insured and linked in {@code month} only.
     */
    static void populate(YearMonth month, List<Person> persons) {
        ShiftableClock.travelTo(month);
        try {
            for (Person p : persons) {
                Fixtures.Registered w = register(month, p);
                List<String> ids = new ArrayList<>();
                p.enrollments().forEach((scheme, region) -> ids.add(Fixtures.enrol(w.token(), scheme, region,
                        "OCCUPATIONAL_INJURY".equals(scheme) ? null : 100, null).statusCode(201).extract().path("id")));
                for (String platform : p.platforms()) {
                    given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", platform))
                            .post("/api/workers/me/platform-links").then().statusCode(201);
                    given().auth().oauth2(w.token()).delete("/api/workers/me/platform-links/" + platform)
                            .then().statusCode(200);
                }
                for (String id : ids) {
                    given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                            .patch("/api/workers/me/enrollments/" + id).then().statusCode(200);
                }
            }
        } finally {
            ShiftableClock.reset();
        }
    }

    /** Registers a worker whose age on the last day of {@code month} is the person's age. */
    static Fixtures.Registered register(YearMonth month, Person p) {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = month.atEndOfMonth().minusYears(p.age()).minusDays(1 + n % 300);
        int seq = (n % 499) * 2 + (p.male() ? 1 : 0);
        String first17 = "530102" + birth.toString().replace("-", "") + String.format("%03d", seq);
        return Fixtures.worker(first17 + org.psi.common.domain.NationalId.checkCharacter(first17), "530102");
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
        return request.get("/api/statistics/enrollments").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** The true count of every non-empty cell of a query: key = the grouped dimensions' values in order. */
    static Map<List<String>, Integer> truth(List<Person> persons, String scope, List<String> groupBy) {
        Map<List<String>, Set<Integer>> cells = new HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            Person p = persons.get(i);
            Set<List<String>> keys = new HashSet<>();
            for (Map.Entry<String, String> fact : p.enrollments().entrySet()) {
                String region = fact.getValue();
                if (!inScope(region, scope)) {
                    continue;
                }
                List<List<String>> partial = new ArrayList<>();
                partial.add(List.of());
                for (String d : groupBy) {
                    List<String> values = switch (d) {
                        case "region" -> List.of(region);
                        case "province" -> List.of(region.substring(0, 2) + "0000");
                        case "scheme" -> List.of(fact.getKey());
                        case "platform" -> List.copyOf(p.platforms());
                        case "sex" -> List.of(p.male() ? "MALE" : "FEMALE");
                        case "ageBand" -> List.of(AgeBand.of(p.age()).label());
                        default -> throw new IllegalArgumentException(d);
                    };
                    List<List<String>> next = new ArrayList<>();
                    for (List<String> k : partial) {
                        for (String v : values) {
                            List<String> longer = new ArrayList<>(k);
                            longer.add(v);
                            next.add(longer);
                        }
                    }
                    partial = next;
                }
                keys.addAll(partial);
            }
            for (List<String> k : keys) {
                cells.computeIfAbsent(k, x -> new HashSet<>()).add(i);
            }
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        cells.forEach((k, v) -> counts.put(k, v.size()));
        return counts;
    }

    static boolean inScope(String region, String scope) {
        if (scope == null) {
            return true;
        }
        return scope.endsWith("0000") ? region.startsWith(scope.substring(0, 2)) : region.equals(scope);
    }

    /** An answer's cells of one month, by key (grouped dimensions' values in order) -> persons (null if withheld). */
    static Map<List<String>, Integer> cells(JsonPath answer, List<String> groupBy) {
        Map<List<String>, Integer> out = new LinkedHashMap<>();
        List<Map<String, Object>> cells = answer.getList("cells");
        for (Map<String, Object> c : cells) {
            List<String> key = new ArrayList<>();
            for (String d : groupBy) {
                key.add((String) c.get(d));
            }
            boolean suppressed = (Boolean) c.get("suppressed");
            Integer persons = (Integer) c.get("persons");
            if (suppressed) {
                assertNull(persons, "a withheld cell shows no count: " + c);
            } else {
                assertNotNull(persons, "a published cell shows its count: " + c);
            }
            out.put(key, persons);
        }
        if (groupBy.isEmpty()) {
            out.put(List.of(), total(answer));
        }
        return out;
    }

    /** The answer's total of its (only) month; null if withheld. */
    static Integer total(JsonPath answer) {
        List<Map<String, Object>> totals = answer.getList("totals");
        assertEquals(1, totals.size());
        return (Integer) totals.get(0).get("persons");
    }

    /**
     * Every published cell holds its true count, every cell of 1 to 9 persons is withheld, every
     * non-empty cell is listed and no other; and the same for the total.
     */
    static void assertTruthful(JsonPath answer, List<Person> persons, String scope, List<String> groupBy) {
        Map<List<String>, Integer> truth = truth(persons, scope, groupBy);
        Map<List<String>, Integer> shown = groupBy.isEmpty() ? Map.of() : cells(answer, groupBy);
        String what = "groupBy=" + groupBy + " region=" + scope;
        if (!groupBy.isEmpty()) {
            assertEquals(truth.keySet(), shown.keySet(), "the cells listed, " + what);
        }
        shown.forEach((key, persons1) -> check(truth.get(key), persons1, what + " cell " + key));
        int total = truth(persons, scope, List.of()).getOrDefault(List.of(), 0);
        check(total, total(answer), what + " total");
    }

    private static void check(int truth, Integer shown, String what) {
        if (truth > 0 && truth < THRESHOLD) {
            assertNull(shown, what + " counts " + truth + " and must be withheld");
        } else if (shown != null) {
            assertEquals(truth, shown, what);
        }
    }

    /**
     * The differencing attack along an additive dimension: {@code fine} is grouped by the dimensions of
     * {@code coarse} plus {@code extra}; a coarse figure minus the published fine figures under it
     * must never give a withheld one (nor the fine figures add up to a withheld coarse one).
     */
    static void assertNoDifferencing(Map<List<String>, Integer> fine, Map<List<String>, Integer> coarse, int extraAt,
                                     String what) {
        Map<List<String>, List<Integer>> children = new HashMap<>();
        fine.forEach((key, persons) -> {
            List<String> parent = new ArrayList<>(key);
            parent.remove(extraAt);
            children.computeIfAbsent(parent, x -> new ArrayList<>()).add(persons);
        });
        children.forEach((parent, kids) -> {
            assertTrue(coarse.containsKey(parent), what + ": the total of " + parent + " is listed");
            Integer total = coarse.get(parent);
            long withheld = kids.stream().filter(k -> k == null).count() + (total == null ? 1 : 0);
            if (withheld == 1) {
                fail(what + ": " + parent + " and the figures under it hold exactly one withheld figure,"
                        + " which the others give away: total " + total + ", cells " + kids);
            }
        });
    }
}
