package org.psi.common.test.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;

/**
 * One operation of a service's API and what a valid request to it looks like: the values of its path
 * parameters, its query parameters, its body (JSON, NDJSON or text), the headers it needs and the
 * token of a caller with the right role. {@link GeneratedInputs} derives the hostile requests from it.
 * Suppliers are asked anew for each generated request (a fresh worker, a fresh key).
 */
public final class Endpoint {

    /** A query parameter: its valid value (null: absent from a valid request) and extra hostile values of its own. */
    public record Param(String name, Supplier<String> valid, Arbitrary<String> hostile) {
    }

    public enum Kind { JSON, NDJSON, TEXT }

    /** One way to send a valid body. */
    public record Body(String contentType, Kind kind, Supplier<?> valid) {
    }

    final String method;
    final String path;
    final Map<String, Supplier<String>> pathParams = new LinkedHashMap<>();
    final List<Param> query = new ArrayList<>();
    final List<Body> bodies = new ArrayList<>();
    final Map<String, Supplier<String>> headers = new LinkedHashMap<>();
    final List<String> accepts = new ArrayList<>();
    Supplier<String> token;
    int tries = FuzzSeed.tries();
    boolean expectSuccess = true;
    java.time.Duration quietAfterSuccess = java.time.Duration.ZERO;

    private Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** {@code "POST /api/workers"}: the method and the path as the OpenAPI document writes it. */
    public static Endpoint of(String operation) {
        String[] parts = operation.strip().split("\\s+", 2);
        return new Endpoint(parts[0].toUpperCase(), parts[1]);
    }

    public String operation() {
        return method + " " + path;
    }

    /** A value made once and given to every request: a token of a role (signing one costs more than the request). */
    public static <T> Supplier<T> once(Supplier<T> value) {
        T v = value.get();
        return () -> v;
    }

    /** The bearer token of a caller with the right role, asked for each request. */
    public Endpoint token(Supplier<String> token) {
        this.token = token;
        return this;
    }

    public Endpoint path(String name, Supplier<String> valid) {
        if (!path.contains("{" + name + "}")) {
            throw new IllegalArgumentException(operation() + " has no path parameter " + name);
        }
        pathParams.put(name, valid);
        return this;
    }

    public Endpoint query(String name, Supplier<String> valid) {
        return query(name, valid, null);
    }

    public Endpoint query(String name, Supplier<String> valid, Arbitrary<String> hostile) {
        query.add(new Param(name, valid, hostile));
        return this;
    }

    /** A JSON body: a tree of maps, lists and values ({@link Json}). */
    public Endpoint json(Supplier<?> valid) {
        return body("application/json", Kind.JSON, valid);
    }

    /** Newline-delimited JSON: a list of objects, one a line. */
    public Endpoint ndjson(String contentType, Supplier<? extends List<?>> valid) {
        return body(contentType, Kind.NDJSON, valid);
    }

    public Endpoint text(String contentType, Supplier<String> valid) {
        return body(contentType, Kind.TEXT, valid);
    }

    public Endpoint body(String contentType, Kind kind, Supplier<?> valid) {
        bodies.add(new Body(contentType, kind, valid));
        return this;
    }

    public Endpoint header(String name, Supplier<String> valid) {
        headers.put(name, valid);
        return this;
    }

    /** The media types a valid request may ask for (Accept); application/json when none is given. */
    public Endpoint accepts(String... mediaTypes) {
        accepts.addAll(List.of(mediaTypes));
        return this;
    }

    public Endpoint tries(int tries) {
        this.tries = tries;
        return this;
    }

    /**
     * After a success, the database must stay unchanged this long before the next request is sent:
     * for an operation after which the service goes on writing (a saga it kicked). Zero (the default):
     * the next fingerprint is taken at once.
     */
    public Endpoint quietAfterSuccess(java.time.Duration quiet) {
        this.quietAfterSuccess = quiet;
        return this;
    }

    /** No generated request is expected to succeed (the operation refuses even its valid request here). */
    public Endpoint noSuccessExpected() {
        this.expectSuccess = false;
        return this;
    }

    @Override
    public String toString() {
        return operation();
    }
}
