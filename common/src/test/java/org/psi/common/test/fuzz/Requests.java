package org.psi.common.test.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.psi.common.test.Tokens;

/**
 * Makes the generated requests of an {@link Endpoint}: a valid request, then one to three of its
 * parts made hostile (a path value, a query parameter, a body field or the whole body, the content
 * type, a header, the token), each change described so that a failure can be read and replayed.
 */
public final class Requests {

    private Requests() {
    }

    /** One generated request, ready to send. */
    public record Case(int index, String method, String target, List<String[]> headers, byte[] body, List<String> changes) {

        /** The request as a reader wants it: method, target, headers, what changed, the start of the body. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            s.append("#").append(index).append(' ').append(method).append(' ').append(printable(target, 300));
            s.append("\n      changed: ").append(changes.isEmpty() ? "nothing (a valid request)" : String.join("; ", changes));
            for (String[] h : headers) {
                String value = h[0].equalsIgnoreCase("Authorization") && h[1].length() > 40 ? h[1].substring(0, 30) + "..." : h[1];
                s.append("\n      ").append(h[0]).append(": ").append(printable(value, 120));
            }
            if (body != null) {
                s.append("\n      body (").append(body.length).append(" bytes): ")
                        .append(printable(new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8), 400));
            }
            return s.toString();
        }
    }

    /** Path segments that are not a value at all, already percent-encoded as sent. */
    static final List<String> RAW_SEGMENTS = List.of("", "%00", "%2F", "..", ".", "%2e%2e", "%ED%A0%80", "%C0%AF", "%FF", "a;b=c",
            "%3B", "%20", "+", "%2B", "~", "a%2Fb", "%25", "%0A", "%E2%80%AE", "%F0%9F%98%80", "me", "0", "-1");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=nonsense",
            "application/json; charset=", "application/json;;;", "application/json; boundary", "application/", "/", "*/*",
            "application/*", "application/octet-stream", "text/csv", "application/x-ndjson", "application/jose", "garbage",
            "application/json\u00ff", "application/merge-patch+json", "APPLICATION/JSON", "application/json; q=0.5",
            "application/problem+json", "text/html; charset=utf-8");

    static final List<String> ACCEPTS = List.of("application/xml", "text/html", "*/*", "garbage", "application/json;q=abc",
            "text/csv", "application/jose", "application/*", "image/png", "", ",", "application/json, text/csv;q=0.1",
            "text/csv;q=0, application/json;q=0", "application/problem+json", "application/json; charset=latin1", "*/*;q=0");

    static final List<String> LANGUAGES = List.of("zh-CN", "*", "xx-!!", "en;q=2", "en;q=abc", "", "zh-Hans-CN-u-ca-chinese",
            "a".repeat(5000), "\u00ff\u00fe", "de-DE, en;q=0.5, *;q=0.1", "i-klingon", "../../etc");

    /**
     * The {@code n} requests of {@code e}: first each path value, query parameter and body field (of
     * every body form, nested ones too, up to 25 a form) made hostile on its own, then requests with
     * one to three parts of any kind changed ({@link #generate}).
     */
    public static List<Case> generateAll(Endpoint e, Gen g, int n) {
        List<Case> out = new ArrayList<>();
        for (String name : e.pathParams.keySet()) {
            Draft d = new Draft(e, g, -1);
            d.mutatePath(name);
            out.add(d.build(out.size()));
        }
        for (Endpoint.Param p : e.query) {
            Draft d = new Draft(e, g, -1);
            d.mutateQueryParam(p.name());
            out.add(d.build(out.size()));
        }
        for (int f = 0; f < e.bodies.size(); f++) {
            if (e.bodies.get(f).kind() == Endpoint.Kind.TEXT) {
                continue;
            }
            int nodes = Math.min(25, Mutations.nodes(Json.copy(e.bodies.get(f).valid().get())));
            for (int i = 0; i < nodes; i++) {
                Draft d = new Draft(e, g, f);
                if (i < Mutations.nodes(d.tree)) {
                    Mutations.Mutated m = Mutations.replace(g, d.tree, i);
                    d.tree = m.value();
                    d.changes.add("body " + m.description());
                }
                out.add(d.build(out.size()));
            }
        }
        while (out.size() < n) {
            out.add(generate(e, g, out.size()));
        }
        return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
    }

    /** Generates request {@code index} of {@code e} from {@code g}: a valid one with one to three parts changed (or none). */
    public static Case generate(Endpoint e, Gen g, int index) {
        Draft d = new Draft(e, g, -1);
        int changes = g.weighted(1, 6, 2, 1);
        for (int i = 0; i < changes; i++) {
            d.mutate();
        }
        return d.build(index);
    }

    /** A request being made: its parts, valid until changed. */
    private static final class Draft {
        final Endpoint e;
        final Gen g;
        final Map<String, String> path = new java.util.LinkedHashMap<>();
        /** Path segments given as they are sent (raw, not encoded again). */
        final Map<String, Boolean> rawPath = new java.util.HashMap<>();
        final List<String[]> query = new ArrayList<>();
        String rawQuery;
        final List<String[]> headers = new ArrayList<>();
        Endpoint.Body form;
        Object tree;
        String text;
        byte[] bytes;
        boolean hasBody;
        final List<String> changes = new ArrayList<>();

        /** A valid request; its body in form {@code formIndex} of the endpoint's (-1: any). */
        Draft(Endpoint e, Gen g, int formIndex) {
            this.e = e;
            this.g = g;
            e.pathParams.forEach((name, valid) -> path.put(name, valid.get()));
            for (Endpoint.Param p : e.query) {
                String v = p.valid() == null ? null : p.valid().get();
                if (v != null) {
                    query.add(new String[] {p.name(), v});
                }
            }
            if (e.token != null) {
                headers.add(new String[] {"Authorization", "Bearer " + e.token.get()});
            }
            headers.add(new String[] {"Accept", e.accepts.isEmpty() ? "application/json" : g.pick(e.accepts)});
            e.headers.forEach((name, valid) -> headers.add(new String[] {name, valid.get()}));
            if (!e.bodies.isEmpty()) {
                form = formIndex < 0 ? g.pick(e.bodies) : e.bodies.get(formIndex);
                hasBody = true;
                headers.add(new String[] {"Content-Type", form.contentType()});
                Object valid = form.valid().get();
                if (form.kind() == Endpoint.Kind.TEXT) {
                    text = (String) valid;
                } else {
                    tree = Json.copy(valid);
                }
            }
        }

        void mutate() {
            int target = g.weighted(path.isEmpty() ? 0 : 4, e.query.isEmpty() ? 1 : 3, hasBody ? 7 : 1, hasBody ? 2 : 1, 3, 1);
            switch (target) {
                case 0 -> mutatePath();
                case 1 -> mutateQuery();
                case 2 -> {
                    if (hasBody) {
                        mutateBody();
                    } else {
                        addBody();
                    }
                }
                case 3 -> mutateContentType();
                case 4 -> mutateHeader();
                default -> mutateAuth();
            }
        }

        void mutatePath() {
            mutatePath(g.pick(new ArrayList<>(path.keySet())));
        }

        void mutatePath(String name) {
            if (g.chance(0.25)) {
                String raw = g.pick(RAW_SEGMENTS);
                path.put(name, raw);
                rawPath.put(name, true);
                changes.add("path " + name + " := " + raw + " (as sent)");
            } else {
                String v = Hostile.string(g, path.get(name));
                path.put(name, v);
                rawPath.remove(name);
                changes.add("path " + name + " := " + Mutations.show(v));
            }
        }

        void mutateQuery() {
            int op = g.weighted(query.isEmpty() ? 0 : 5, query.isEmpty() ? 0 : 2, 3, 2, 1);
            List<String> known = e.query.stream().map(Endpoint.Param::name).toList();
            switch (op) {
                case 0 -> {
                    String[] q = g.pick(query);
                    q[1] = hostileParam(q[0], q[1]);
                    changes.add("query " + q[0] + " := " + Mutations.show(q[1]));
                }
                case 1 -> {
                    String[] q = query.remove(g.nextInt(query.size()));
                    changes.add("query " + q[0] + " removed");
                }
                case 2 -> {
                    String name = known.isEmpty() ? g.pick("limit", "cursor", "id") : g.pick(known);
                    String v = hostileParam(name, current(name));
                    query.add(new String[] {name, v});
                    changes.add("query " + name + " (again) = " + Mutations.show(v));
                }
                case 3 -> {
                    String name = g.chance(0.5) ? g.pick("q", "limit", "cursor", "debug", "format", "callback", "_method") : g.next(Hostile.STRINGS);
                    String v = g.next(Hostile.STRINGS);
                    query.add(new String[] {name, v});
                    changes.add("query added " + Mutations.show(name) + " = " + Mutations.show(v));
                }
                default -> {
                    rawQuery = g.pick("&&&", "=", "a", "%00=%00", "limit", "limit=", "=x", "a=1&a=2&a", "%26=%3D", "x=%ED%A0%80",
                            "limit=10&limit=abc", "%FF");
                    changes.add("query string := " + rawQuery + " (as sent)");
                }
            }
        }

        /** The parameter {@code name} hostile: replaced where the valid request has it, added where not. */
        void mutateQueryParam(String name) {
            for (String[] q : query) {
                if (q[0].equals(name)) {
                    q[1] = hostileParam(name, q[1]);
                    changes.add("query " + name + " := " + Mutations.show(q[1]));
                    return;
                }
            }
            String v = hostileParam(name, current(name));
            query.add(new String[] {name, v});
            changes.add("query added " + name + " = " + Mutations.show(v));
        }

        String current(String name) {
            for (String[] q : query) {
                if (q[0].equals(name)) {
                    return q[1];
                }
            }
            for (Endpoint.Param p : e.query) {
                if (p.name().equals(name) && p.valid() != null) {
                    String v = p.valid().get();
                    if (v != null) {
                        return v;
                    }
                }
            }
            return "x";
        }

        String hostileParam(String name, String valid) {
            for (Endpoint.Param p : e.query) {
                if (p.name().equals(name) && p.hostile() != null && g.chance(0.5)) {
                    return g.next(p.hostile());
                }
            }
            if (name.equals("cursor") && g.chance(0.6)) {
                return g.next(Hostile.CURSORS);
            }
            if (name.equals("limit") && g.chance(0.6)) {
                return g.pick("0", "-1", "501", "1000000", "2147483648", "99999999999999999999", "1.5", "1e3", "abc", "", " 10", "0x10", "+5");
            }
            return Hostile.string(g, valid);
        }

        void mutateBody() {
            int op = g.weighted(form.kind() == Endpoint.Kind.TEXT ? 0 : 10, 2, 2, 2, 1);
            switch (op) {
                case 0 -> {
                    Mutations.Mutated m = Mutations.mutateTree(g, tree);
                    tree = m.value();
                    changes.add("body " + m.description());
                }
                case 1 -> {
                    Object v = Hostile.anyJson(g, 0);
                    tree = v;
                    text = null;
                    form = new Endpoint.Body(form.contentType(), Endpoint.Kind.JSON, () -> v);
                    changes.add("body := " + Mutations.show(v));
                }
                case 2 -> {
                    String valid = serialise();
                    text = malformed(valid);
                    tree = null;
                    form = new Endpoint.Body(form.contentType(), Endpoint.Kind.TEXT, () -> text);
                    changes.add("body malformed");
                }
                case 3 -> {
                    bytes = badBytes(serialise().getBytes(StandardCharsets.UTF_8));
                    changes.add("body bytes changed");
                }
                default -> {
                    hasBody = g.chance(0.5);
                    bytes = hasBody ? " \n\t ".getBytes(StandardCharsets.UTF_8) : null;
                    changes.add(hasBody ? "body only whitespace" : "no body");
                }
            }
        }

        void addBody() {
            Object v = g.chance(0.5) ? Hostile.anyJson(g, 0) : Mutations.ordered("a", g.next(Hostile.STRINGS));
            hasBody = true;
            form = new Endpoint.Body(g.chance(0.8) ? "application/json" : g.pick(CONTENT_TYPES), Endpoint.Kind.JSON, () -> v);
            tree = v;
            headers.add(new String[] {"Content-Type", form.contentType()});
            changes.add("a body where none is expected: " + Mutations.show(v));
        }

        String serialise() {
            if (form.kind() == Endpoint.Kind.TEXT) {
                return text;
            }
            if (form.kind() == Endpoint.Kind.NDJSON && tree instanceof List<?> lines) {
                StringBuilder s = new StringBuilder();
                for (Object line : lines) {
                    s.append(Json.write(line)).append('\n');
                }
                return s.toString();
            }
            return Json.write(tree);
        }

        String malformed(String valid) {
            int at = valid.isEmpty() ? 0 : g.nextInt(valid.length());
            return switch (g.nextInt(form.kind() == Endpoint.Kind.TEXT ? 9 : 12)) {
                case 0 -> valid.substring(0, at);
                case 1 -> valid + g.pick("}", "]", ",", "x", "\u0000", "{}", "\n{", "\"");
                case 2 -> valid.substring(0, at) + g.next(Hostile.STRINGS) + valid.substring(at);
                case 3 -> "\ufeff" + valid;
                case 4 -> valid.substring(0, at) + g.next(Hostile.CONTROL) + valid.substring(at);
                case 5 -> valid.replace("\n", "\r\n").replace(",", g.pick(",,", ";", "\t"));
                case 6 -> valid.repeat(g.pick(2, 3));
                case 7 -> valid + "x".repeat(g.pick(70_000, 1_100_000));
                case 8 -> g.pick("", "{", "[", "\"", "nul", "tru", "--", "\u0000\u0000");
                case 9 -> valid.replace('"', '\'');
                case 10 -> "/* comment */" + valid;
                default -> valid.replaceFirst(":", ":\u0001");
            };
        }

        byte[] badBytes(byte[] valid) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = valid.length == 0 ? 0 : g.nextInt(valid.length);
            switch (g.nextInt(5)) {
                case 0 -> {
                    out.write(valid, 0, at);
                    byte[] bad = g.pick(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {0});
                    out.write(bad, 0, bad.length);
                    out.write(valid, at, valid.length - at);
                }
                case 1 -> {
                    byte[] utf16 = new String(valid, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
                    out.write(utf16, 0, utf16.length);
                }
                case 2 -> {
                    byte[] latin = new String(valid, StandardCharsets.UTF_8).replace("e", "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
                    out.write(latin, 0, latin.length);
                }
                case 3 -> {
                    byte[] random = new byte[g.between(1, 64)];
                    for (int i = 0; i < random.length; i++) {
                        random[i] = (byte) g.nextInt(256);
                    }
                    out.write(random, 0, random.length);
                }
                default -> {
                    out.write(new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0}, 0, 4);
                    out.write(valid, 0, valid.length);
                }
            }
            return out.toByteArray();
        }

        void mutateContentType() {
            int op = g.weighted(5, 1, 1);
            headers.removeIf(h -> h[0].equalsIgnoreCase("Content-Type"));
            if (op == 0) {
                String ct = g.pick(CONTENT_TYPES);
                headers.add(new String[] {"Content-Type", ct});
                changes.add("Content-Type := " + ct);
            } else if (op == 1) {
                changes.add("no Content-Type");
            } else {
                String ct = form == null ? "application/json" : form.contentType();
                headers.add(new String[] {"Content-Type", ct});
                headers.add(new String[] {"Content-Type", g.pick(CONTENT_TYPES)});
                changes.add("Content-Type twice");
            }
        }

        void mutateHeader() {
            switch (g.nextInt(9)) {
                case 0, 1 -> {
                    String v = g.next(Hostile.KEYS);
                    headers.removeIf(h -> h[0].equalsIgnoreCase("Idempotency-Key"));
                    if (g.chance(0.85)) {
                        headers.add(new String[] {"Idempotency-Key", v});
                        changes.add("Idempotency-Key := " + Mutations.show(v));
                    } else {
                        changes.add("no Idempotency-Key");
                    }
                }
                case 2 -> {
                    String v = g.pick(LANGUAGES);
                    headers.add(new String[] {"Accept-Language", v});
                    changes.add("Accept-Language := " + Mutations.show(v));
                }
                case 3, 4 -> {
                    String v = g.pick(ACCEPTS);
                    headers.removeIf(h -> h[0].equalsIgnoreCase("Accept"));
                    headers.add(new String[] {"Accept", v});
                    changes.add("Accept := " + Mutations.show(v));
                }
                case 5 -> {
                    String v = g.pick("garbage", "1.2.3.4, unknown", "::1", "999.999.999.999", "", "a".repeat(3000), "1.2.3.4:99999");
                    headers.add(new String[] {"X-Forwarded-For", v});
                    headers.add(new String[] {"Forwarded", "for=" + v});
                    changes.add("X-Forwarded-For := " + Mutations.show(v));
                }
                case 6 -> {
                    String[] h = g.pick(new String[] {"If-Modified-Since", "garbage"}, new String[] {"If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"},
                            new String[] {"If-None-Match", "*"}, new String[] {"If-Match", "\"x\""}, new String[] {"Range", "bytes=garbage"},
                            new String[] {"Content-Encoding", "gzip"}, new String[] {"Content-Encoding", "br"},
                            new String[] {"X-HTTP-Method-Override", "DELETE"}, new String[] {"Origin", "http://evil.example"},
                            new String[] {"Cookie", "q_session=garbage"}, new String[] {"Accept-Encoding", "garbage;q=x"},
                            new String[] {"Accept-Charset", "nonsense"}, new String[] {"Prefer", "return=representation"},
                            new String[] {"If-Unmodified-Since", "-1"});
                    headers.add(h.clone());
                    changes.add(h[0] + " := " + Mutations.show(h[1]));
                }
                case 7 -> {
                    String name = g.pick("X-Psi-Role", "X-Request-Id", "Traceparent", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Real-IP");
                    String v = g.next(Hostile.STRINGS);
                    headers.add(new String[] {name, v});
                    changes.add(name + " := " + Mutations.show(v));
                }
                default -> {
                    String name = "X-" + "a".repeat(g.pick(10, 1000));
                    headers.add(new String[] {name, "b".repeat(g.pick(10, 6000))});
                    changes.add("a long header");
                }
            }
        }

        void mutateAuth() {
            headers.removeIf(h -> h[0].equalsIgnoreCase("Authorization"));
            String valid = e.token == null ? Tokens.newWorker() : e.token.get();
            String[] choice = g.pick(new String[] {null, "no Authorization"},
                    new String[] {"Bearer", "Authorization: Bearer"},
                    new String[] {"Bearer " + "x.y.z", "a token that is not one"},
                    new String[] {"Bearer " + g.next(Hostile.STRINGS), "a hostile token"},
                    new String[] {"Basic dXNlcjpwYXNz", "Basic credentials"},
                    new String[] {"bearer " + valid, "lower-case scheme"},
                    new String[] {"Bearer  " + valid + " ", "padded token"},
                    new String[] {"Bearer " + valid + valid, "a token twice"},
                    new String[] {"Bearer " + valid.substring(0, valid.length() - 3) + "AAA", "a token with a changed signature"},
                    new String[] {"Bearer " + Tokens.expired("fuzz-" + g.nextInt(1000)), "an expired token"},
                    new String[] {"Bearer " + otherRole(g), "a token of another role"});
            if (choice[0] != null) {
                headers.add(new String[] {"Authorization", choice[0]});
            }
            if (g.chance(0.1)) {
                headers.add(new String[] {"Authorization", "Bearer " + valid});
                changes.add(choice[1] + ", and a second Authorization");
            } else {
                changes.add(choice[1]);
            }
        }

        static String otherRole(Gen g) {
            return switch (g.nextInt(6)) {
                case 0 -> Tokens.newWorker();
                case 1 -> Tokens.platform("client-unknown-" + g.nextInt(100));
                case 2 -> Tokens.officer(g.pick("440000", "310000", "110000"));
                case 3 -> Tokens.auditor();
                case 4 -> Tokens.admin();
                default -> Tokens.internal("some-service");
            };
        }

        Case build(int index) {
            StringBuilder target = new StringBuilder();
            String p = e.path;
            for (Map.Entry<String, String> v : path.entrySet()) {
                String value = rawPath.containsKey(v.getKey()) ? v.getValue() : encode(v.getValue());
                p = p.replace("{" + v.getKey() + "}", value);
            }
            target.append(p);
            if (rawQuery != null) {
                target.append('?').append(rawQuery);
            } else if (!query.isEmpty()) {
                target.append('?');
                for (int i = 0; i < query.size(); i++) {
                    if (i > 0) {
                        target.append('&');
                    }
                    target.append(encode(query.get(i)[0])).append('=').append(encode(query.get(i)[1]));
                }
            }
            byte[] body = null;
            if (hasBody) {
                body = bytes != null ? bytes : serialise().getBytes(StandardCharsets.UTF_8);
            }
            return new Case(index, e.method, target.toString(), List.copyOf(headers), body, List.copyOf(changes));
        }
    }

    /**
     * Percent-encodes everything but the unreserved characters, as UTF-8; a lone surrogate goes as the
     * three bytes a careless encoder would make of it ({@code %ED%A0%80}), which is not UTF-8.
     */
    public static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
                continue;
            }
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else {
                cp = c;
            }
            byte[] utf8 = utf8(cp);
            for (byte b : utf8) {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] utf8(int cp) {
        if (cp < 0x80) {
            return new byte[] {(byte) cp};
        }
        if (cp < 0x800) {
            return new byte[] {(byte) (0xc0 | cp >> 6), (byte) (0x80 | cp & 0x3f)};
        }
        if (cp < 0x10000) {
            return new byte[] {(byte) (0xe0 | cp >> 12), (byte) (0x80 | cp >> 6 & 0x3f), (byte) (0x80 | cp & 0x3f)};
        }
        return new byte[] {(byte) (0xf0 | cp >> 18), (byte) (0x80 | cp >> 12 & 0x3f), (byte) (0x80 | cp >> 6 & 0x3f),
                (byte) (0x80 | cp & 0x3f)};
    }

    /** {@code s} with control characters, lone surrogates and non-ASCII shown as escapes, cut at {@code max}. */
    public static String printable(String s, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (out.length() >= max && s.length() > max) {
            out.append("... (").append(s.length()).append(" chars)");
        }
        return out.toString();
    }
}
