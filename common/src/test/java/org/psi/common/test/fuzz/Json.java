package org.psi.common.test.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text from a tree of {@link Map} (object), {@link List} (array), {@link String}, {@link Number},
 * {@link Boolean} and {@code null}, plus what a JSON library would not write: {@link Raw} tokens
 * ({@code 1e999}, {@code NaN}, {@code 0x10}) and objects with a key twice ({@link Pairs}). Strings are
 * written as valid JSON: control characters and lone surrogates escaped ({@code \u0000},
 * {@code \ud800}), so the service reads exactly the hostile value, not a mangled one.
 */
public final class Json {

    private Json() {
    }

    /** A token written as it is, unquoted. */
    public record Raw(String token) {
        @Override
        public String toString() {
            return token;
        }
    }

    /** An object whose keys may repeat, in this order. */
    public record Pairs(List<Map.Entry<String, Object>> entries) {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.token());
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Pairs pairs) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : pairs.entries()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /**
     * A deep copy of a tree of maps and lists (leaves are shared: they are immutable). A map without
     * an order of its own ({@code Map.of}, {@code HashMap}) is copied in key order, so that what is
     * generated from it does not change from one JVM to the next.
     */
    public static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> c = new LinkedHashMap<>();
            if (map instanceof LinkedHashMap<?, ?> || map instanceof java.util.SortedMap<?, ?>) {
                map.forEach((k, v) -> c.put(String.valueOf(k), copy(v)));
            } else {
                new java.util.TreeMap<String, Object>(stringKeys(map)).forEach((k, v) -> c.put(k, copy(v)));
            }
            return c;
        }
        if (value instanceof List<?> list) {
            List<Object> c = new ArrayList<>();
            list.forEach(v -> c.add(copy(v)));
            return c;
        }
        return value;
    }
}
