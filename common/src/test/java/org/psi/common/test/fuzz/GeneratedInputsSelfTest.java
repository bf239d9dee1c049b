package org.psi.common.test.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.psi.common.test.PostgresResource;

/** The generated-input helpers themselves: the same seed makes the same requests, and the fingerprint sees every change. */
class GeneratedInputsSelfTest {

    private static Endpoint endpoint() {
        return Endpoint.of("POST /api/things/{id}").path("id", () -> "3f2504e0-4f89-11d3-9a0c-0305e82c3301")
                .query("month", () -> "2026-03").query("cursor", () -> null).header("Idempotency-Key", () -> "key-1")
                .json(() -> Map.of("name", "Li Na", "amountFen", 1000L, "period", "2026-03-01", "tags", List.of("a", "b"),
                        "nested", Map.of("region", "440000")));
    }

    private static List<String> generate(long seed) {
        return Gen.inJqwikContext(() -> {
            List<String> out = new ArrayList<>();
            for (Requests.Case c : Requests.generateAll(endpoint(), new Gen(seed), 200)) {
                out.add(c.describe().replaceAll("Bearer [A-Za-z0-9._-]+", "Bearer T"));
            }
            return out;
        });
    }

    @Test
    void theSameSeedMakesTheSameRequests() {
        List<String> a = generate(42);
        assertEquals(a, generate(42));
        assertNotEquals(a, generate(43));
        // each path value, query parameter and body field on its own first, in order
        for (int i = 0; i < 10; i++) {
            String changed = a.get(i).split("\n")[1];
            String expected = List.of("path id", "query month", "query added cursor", "body amountFen", "body name", "body nested",
                    "body nested.region", "body period", "body tags", "body tags[0]").get(i);
            assertTrue(changed.startsWith("      changed: " + expected + " "), changed + " changes " + expected);
        }
        // every part of the request is changed somewhere in 200 requests
        String all = String.join("\n", a);
        for (String part : List.of("changed: path id", "changed: query", "body ", "Content-Type", "Idempotency-Key := ",
                "Accept := ", "Authorization: ", "nothing (a valid request)")) {
            assertTrue(all.contains(part), "some request has " + part);
        }
    }

    @Test
    void theSeedOfAnOperationDependsOnTheBaseSeedAndTheOperation() {
        assertEquals(FuzzSeed.of(1, "GET /a"), FuzzSeed.of(1, "GET /a"));
        assertNotEquals(FuzzSeed.of(1, "GET /a"), FuzzSeed.of(2, "GET /a"));
        assertNotEquals(FuzzSeed.of(1, "GET /a"), FuzzSeed.of(1, "GET /b"));
    }

    @Test
    void hostileStringsIncludeWhatBreaksServices() {
        List<String> seen = Gen.inJqwikContext(() -> {
            Gen g = new Gen(7);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                out.add(g.next(Hostile.STRINGS));
            }
            return out;
        });
        assertTrue(seen.stream().anyMatch(s -> s.indexOf('\u0000') >= 0), "NUL");
        assertTrue(seen.stream().anyMatch(s -> s.chars().anyMatch(c -> c < 0x20 && c != 0)), "control characters");
        assertTrue(seen.stream().anyMatch(GeneratedInputsSelfTest::hasLoneSurrogate), "lone surrogates");
        assertTrue(seen.stream().anyMatch(s -> s.length() > 5000), "long strings");
        assertTrue(seen.stream().anyMatch(s -> s.codePoints().anyMatch(c -> c >= 0x1F300)), "emoji");
        assertTrue(seen.stream().anyMatch(s -> s.contains("DROP TABLE")), "SQL");
    }

    @Test
    void theFingerprintSeesARowAddedChangedOrRemoved() throws SQLException {
        DataSource db = PostgresResource.server().getPostgresDatabase();
        execute(db, "create table if not exists fuzz_self_test (id int primary key, v text)");
        execute(db, "truncate fuzz_self_test");
        execute(db, "insert into fuzz_self_test values (1, 'a'), (2, 'b')");
        DbFingerprint fingerprint = DbFingerprint.of(db, Set.of());
        Map<String, String> before = fingerprint.take();
        assertEquals(before, fingerprint.take(), "reading changes nothing");
        execute(db, "update fuzz_self_test set v = 'c' where id = 2");
        Map<String, String> changed = fingerprint.take();
        assertNotEquals(before, changed, "a changed value with the same row count");
        assertTrue(DbFingerprint.diff(before, changed).startsWith("fuzz_self_test (rows 2 -> 2)"), DbFingerprint.diff(before, changed));
        execute(db, "delete from fuzz_self_test where id = 1");
        assertNotEquals(changed, fingerprint.take(), "a row removed");
        execute(db, "drop table fuzz_self_test");
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return false;
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
