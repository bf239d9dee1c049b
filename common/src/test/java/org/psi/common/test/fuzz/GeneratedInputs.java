package org.psi.common.test.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Generated-input tests of a running service: for an {@link Endpoint}, about a hundred requests made
 * from a valid one by {@link Requests} (seeded: {@link FuzzSeed}), sent over HTTP, each answered
 * either with success (2xx) or with a 4xx {@code application/problem+json} whose {@code status} is the
 * response's, never a 5xx; and a refused request (4xx) leaves the database as it was
 * ({@link DbFingerprint}). Every failure is listed with the request that caused it and the seed that
 * makes it again.
 *
 * <pre>
 * GeneratedInputs fuzz = new GeneratedInputs("http://localhost:8081", dataSource);
 * fuzz.run(Endpoint.of("POST /api/workers").token(Tokens::newWorker).json(() -&gt; Map.of(...)));
 * </pre>
 */
public final class GeneratedInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FAILURES = 8;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final String baseUri;
    private final DbFingerprint fingerprint;

    /** Against the service at {@code baseUri}, fingerprinting every table of {@code db} but {@code excludedTables}. */
    public GeneratedInputs(String baseUri, DataSource db, String... excludedTables) {
        this.baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        this.fingerprint = DbFingerprint.of(db, Set.of(excludedTables));
    }

    /** What one run of an operation saw. */
    public record Outcome(String operation, long seed, int sent, Map<Integer, Integer> statuses, long millis) {
    }

    /** Sends the generated requests of {@code e}; fails with every failing request listed. */
    public Outcome run(Endpoint e) {
        long base = FuzzSeed.base();
        long seed = FuzzSeed.of(base, e.operation());
        System.out.printf("[generated inputs] %s: %d requests, seed %d (replay with -Dpsi.fuzz.seed=%d)%n", e.operation(), e.tries,
                seed, base);
        long started = System.nanoTime();
        List<Requests.Case> cases = Gen.inJqwikContext(() -> Requests.generateAll(e, new Gen(seed), e.tries));
        long generating = (System.nanoTime() - started) / 1_000_000;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int unsendable = 0;
        int transport = 0;
        long fingerprintNanos = 0;
        Map<String, String> before = settle(Duration.ofMillis(300));
        for (Requests.Case c : cases) {
            HttpRequest request;
            try {
                request = request(c);
            } catch (IllegalArgumentException ex) {
                unsendable++;
                continue;
            }
            HttpResponse<byte[]> response;
            try {
                response = send(request);
            } catch (IOException ex) {
                failures.add(c.describe() + "\n    -> no answer: " + ex);
                before = settle(Duration.ofMillis(300));
                if (failures.size() >= MAX_FAILURES) {
                    break;
                }
                continue;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String problem = check(response);
            if (transportRefusal(response)) {
                transport++;
            }
            long t0 = System.nanoTime();
            if (status >= 200 && status < 300) {
                before = e.quietAfterSuccess.isZero() ? fingerprint.take() : settle(e.quietAfterSuccess);
                fingerprintNanos += System.nanoTime() - t0;
            } else {
                Map<String, String> after = fingerprint.take();
                fingerprintNanos += System.nanoTime() - t0;
                if (problem == null && !after.equals(before)) {
                    problem = "the database changed although the request was refused: " + DbFingerprint.diff(before, after);
                }
                before = after;
            }
            if (problem != null) {
                failures.add(c.describe() + "\n    -> " + status + " " + problem + "\n       " + excerpt(response));
                if (failures.size() >= MAX_FAILURES) {
                    break;
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int sent = statuses.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("[generated inputs] %s: %d sent (%d unsendable, %d refused by the HTTP server's limits), statuses %s,"
                + " %d ms (%d ms generating, %d ms fingerprinting)%n", e.operation(), sent, unsendable, transport, statuses, millis,
                generating, fingerprintNanos / 1_000_000);
        if (!failures.isEmpty()) {
            throw new AssertionError(e.operation() + ": " + failures.size() + (failures.size() >= MAX_FAILURES ? "+" : "")
                    + " generated requests failed (seed " + seed + "; replay with -Dpsi.fuzz.seed=" + base + "):\n  "
                    + String.join("\n  ", failures));
        }
        int pastAuth = sent - statuses.getOrDefault(401, 0) - statuses.getOrDefault(403, 0);
        if (pastAuth < sent / 4) {
            throw new AssertionError(e.operation() + ": only " + pastAuth + " of " + sent + " requests got past authorisation "
                    + statuses + "; the endpoint's valid request is not valid");
        }
        int succeeded = statuses.entrySet().stream().filter(s -> s.getKey() < 300).mapToInt(Map.Entry::getValue).sum();
        if (e.expectSuccess && succeeded == 0) {
            throw new AssertionError(e.operation() + ": no request succeeded " + statuses + "; the endpoint's valid request is not valid");
        }
        return new Outcome(e.operation(), seed, sent, statuses, millis);
    }

    private HttpRequest request(Requests.Case c) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUri + c.target())).timeout(Duration.ofSeconds(30));
        b.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        for (String[] h : c.headers()) {
            String value = headerValue(h[1]);
            try {
                b.header(h[0], value);
            } catch (IllegalArgumentException ex) {
                // a value no HTTP client sends: the request goes without it
            }
        }
        return b.build();
    }

    /**
     * A header value as an HTTP client would send it: characters beyond Latin-1 as their UTF-8 bytes
     * (so the server sees raw UTF-8), control characters left out (no client sends them).
     */
    static String headerValue(String v) {
        StringBuilder out = new StringBuilder();
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        for (byte x : utf8) {
            int c = x & 0xff;
            if (c == '\t' || c >= 0x20 && c != 0x7f) {
                out.append((char) c);
            }
        }
        return out.toString().strip();
    }

    /** What is wrong with the answer, or null. */
    private static String check(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a server error";
        }
        if (status < 200 || status >= 300 && status < 400) {
            return "neither a success nor a client error";
        }
        if (transportRefusal(response)) {
            return null;
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.toLowerCase().startsWith("application/problem+json")) {
                return "a client error that is not application/problem+json (Content-Type: " + type + ")";
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                if (body == null || !body.isObject() || body.path("status").asInt(-1) != status) {
                    return "a problem whose status is not " + status;
                }
            } catch (IOException ex) {
                return "a problem that is not JSON";
            }
        }
        return null;
    }

    /**
     * A request line, header block or body over the HTTP server's own limits (quarkus.http.limits:
     * 414, 431, and 413 past max-body-size, which sits above the application's psi.http.max-body-bytes):
     * Vert.x and Quarkus answer these themselves, with no body, before the application sees the
     * request, and offer no hook to answer otherwise. Allowed, and counted apart.
     */
    static boolean transportRefusal(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        return (status == 413 || status == 414 || status == 431) && response.body().length == 0
                && response.headers().firstValue("Content-Type").isEmpty();
    }

    private static String excerpt(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("(no Content-Type)");
        String body = new String(response.body(), 0, Math.min(response.body().length, 300), StandardCharsets.UTF_8);
        return type + " " + Requests.printable(body, 300);
    }

    /** A fingerprint that has not changed for {@code quiet} (at most 10 s of waiting). */
    /**
     * Sends a request; when the connection breaks before any answer, sends it once more. After a bare
     * 413, 414 or 431 the HTTP server closes the connection, and the client may have taken that one
     * from its pool for the next request before it saw the close: that is the client's race, not an
     * answer of the service (a second break is reported).
     */
    private static HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException first) {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private Map<String, String> settle(Duration quiet) {
        Map<String, String> last = fingerprint.take();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            sleep(quiet);
            Map<String, String> now = fingerprint.take();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ coverage

    /**
     * The operations of an OpenAPI document ({@code /q/openapi?format=json}) whose path starts with one
     * of {@code prefixes}, as {@code "METHOD /path"}.
     */
    public static Set<String> operations(String openApiJson, String... prefixes) {
        Set<String> out = new TreeSet<>();
        try {
            JsonNode paths = JSON.readTree(openApiJson).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                boolean wanted = prefixes.length == 0;
                for (String prefix : prefixes) {
                    wanted |= p.getKey().startsWith(prefix);
                }
                if (!wanted) {
                    continue;
                }
                for (Iterator<String> m = p.getValue().fieldNames(); m.hasNext(); ) {
                    String method = m.next();
                    if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                        out.add(method.toUpperCase() + " " + p.getKey());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
        return out;
    }

    /** Fails unless {@code fuzzed} is exactly the operations of the document. */
    public static void assertCovers(Set<String> documented, List<String> fuzzed) {
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(fuzzed);
        Set<String> unknown = new LinkedHashSet<>(fuzzed);
        unknown.removeAll(documented);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new AssertionError("The generated-input tests must cover every public operation."
                    + (missing.isEmpty() ? "" : " Not covered: " + missing + ".")
                    + (unknown.isEmpty() ? "" : " Not in the OpenAPI document: " + unknown + "."));
        }
    }
}
