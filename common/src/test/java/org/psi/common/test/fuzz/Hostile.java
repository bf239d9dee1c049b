package org.psi.common.test.fuzz;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile values, as jqwik arbitraries: strings with control characters, NUL, lone surrogates, emoji,
 * SQL and script text, very long ones; numbers out of every range and JSON number tokens no parser
 * should take; malformed months, dates, UUIDs, region codes and citizen IDs; JSON of the wrong type
 * or shape. {@link #instead(Gen, Object)} derives one from a valid value of a field, by its kind, so
 * that a mutated request gets past the checks before that field.
 */
public final class Hostile {

    private Hostile() {
    }

    /** Strings that have broken services before. */
    public static final List<String> NASTY = List.of("", " ", "\t", "   ", "null", "undefined", "true", "0", "-1", "NaN",
            "' OR '1'='1", "'; DROP TABLE worker; --", "\" OR 1=1 --", "1; select pg_sleep(0)", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "#{7*7}", "%s%s%s%n", "%d", "../../../../etc/passwd",
            "..\\..\\windows\\win.ini", "\u0000", "a\u0000b", "\r\n", "line\nbreak", "\u2028", "\u202e", "\ufeff", "\uffff",
            "\ufffe", "\ud800", "\udc00", "x\ud83d", "\ude00y", "\ud83d\ude00", "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67",
            "\ud83c\udde8\ud83c\uddf3", "\u674e\u5a1c", "\u03a9\u2248\u00e7\u221a", "\uff46\uff55\uff4c\uff4c", "\u0661\u0662\u0663",
            "\u0085", "\u00a0", "%00", "%zz", "\\u0000", "%", "&", "=", "?", "#", "/", "\\", "*", "||", ";", ",", "|", "\"", "'",
            "{}", "[]", "{\"a\":1}", "\u0007\u0008", "e\u0301", "\u1100\u1161\u11a8");

    /** JSON number tokens out of every range, or not JSON at all. */
    public static final List<String> NUMBER_TOKENS = List.of("1e309", "-1e309", "1e-400", "123456789012345678901234567890",
            "-123456789012345678901234567890", "-0", "0.1", "1.5", "-0.0", "1e2", "1E+2", "01", "+1", ".5", "1.", "NaN", "Infinity",
            "-Infinity", "0x10", "1_000", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
            "99999999999999999999999999999999999999999999999999999999999999999999999999999999", "1e9999999999");

    public static final Arbitrary<String> ANY_CHARS = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30);
    public static final Arbitrary<String> CONTROL = Arbitraries.strings().withCharRange('\u0000', '\u001f')
            .withChars('\u007f', '\u0085', '\u2028', '\u2029').ofMinLength(1).ofMaxLength(3);
    public static final Arbitrary<String> EMOJI = Arbitraries.of("\ud83d\ude00", "\ud83d\udca9", "\ud83c\uddf9\ud83c\uddfc",
            "\ud83d\udc4d\ud83c\udffd", "\u2764\ufe0f", "\ud83e\udd21", "\ud800\udc00").list().ofMinSize(1).ofMaxSize(8)
            .map(l -> String.join("", l));
    public static final Arbitrary<String> LONG = Combinators.combine(Arbitraries.of("a", "Z", "9", " ", "\u674e", "\ud83d\ude00", "-"),
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(129, 1100)),
                    Tuple.of(1, Arbitraries.integers().between(5_000, 70_000)))).as(String::repeat);

    /** Any of the hostile strings. */
    public static final Arbitrary<String> STRINGS = Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of(NASTY)),
            Tuple.of(2, ANY_CHARS),
            Tuple.of(2, Combinators.combine(Arbitraries.strings().ascii().ofMaxLength(6), CONTROL, Arbitraries.strings().ascii().ofMaxLength(6))
                    .as((a, c, b) -> a + c + b)),
            Tuple.of(1, LONG),
            Tuple.of(1, EMOJI),
            Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40)));

    /** Numbers in JSON: Java longs of every size, and tokens beyond them. */
    public static final Arbitrary<Object> NUMBERS = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.longs().map(l -> (Object) l)),
            Tuple.of(2, Arbitraries.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1,
                    (long) Integer.MIN_VALUE - 1, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, 1_000_000_000_000L).map(l -> (Object) l)),
            Tuple.of(2, Arbitraries.of(NUMBER_TOKENS).map(t -> (Object) new Json.Raw(t))),
            Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                    .map(b -> (Object) new Json.Raw(b.toString()))),
            Tuple.of(1, Arbitraries.doubles().map(d -> (Object) new Json.Raw(Double.toString(d)))),
            Tuple.of(1, Arbitraries.integers().between(-1000, 1000).map(i -> (Object) (long) i)));

    public static final Arbitrary<String> MONTHS = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of("2025-13", "2025-00", "2025-1", "25-01", "202501", "2025/01", "2025-01-01", "0000-01",
                    "-2025-01", "+10000-01", "9999-12", "2999-01", "1899-12", "2025-W01", "2025-\uff11\uff12", "2025\u201301",
                    " 2025-01", "2025-01 ", "2025-01\u0000", "2025-001", "20251-01", "-0001-01", "+2025-01", "2025-1a", "YYYY-MM")),
            Tuple.of(1, Combinators.combine(Arbitraries.integers().between(-99_999, 99_999), Arbitraries.integers().between(-5, 20))
                    .as((y, m) -> y + "-" + String.format("%02d", m))));

    public static final Arbitrary<String> DATES = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of("2025-02-30", "2025-13-01", "2025-00-10", "2023-02-29", "2025-04-31", "20250101", "2025-1-1",
                    "2025-01-01T00:00:00Z", "+99999-01-01", "0000-00-00", "2999-12-31", "1899-01-01", "2025-01-32", "2025-01-00",
                    "2025-01", "01/02/2025", "2025-01-01\u0000", "2025-01-0\ud800")),
            Tuple.of(1, Combinators.combine(Arbitraries.integers().between(-9999, 99_999), Arbitraries.integers().between(-1, 14),
                    Arbitraries.integers().between(-1, 40)).as((y, m, d) -> y + "-" + String.format("%02d-%02d", m, d))));

    public static final Arbitrary<String> UUIDS = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()).toString())),
            Tuple.of(3, Arbitraries.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid",
                    "1-1-1-1-1", "0-0-0-0-0", "00000000000000000000000000000000", "{00000000-0000-0000-0000-000000000000}",
                    "00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-0000000000000", "00000000-0000-0000-0000",
                    "123e4567-e89b-12d3-a456-4266141740000", "me", "-1", "0", "123456789012345678901234567890123456789",
                    "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ", "00000000-0000-0000-0000-00000000000\u0000")));

    public static final Arbitrary<String> REGIONS = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of("000000", "999999", "44030", "4403050", "44030X", "-44000", "440000 ", " 440000", "440301",
                    "990000", "110105", "4400\u0000", "\uff14\uff14\uff10\uff10\uff10\uff10", "44e300", "+44000", "440O00", "0x6B6C")),
            Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12)));

    public static final Arbitrary<String> CURSORS = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of("!!!", "====", "a", "%", "eyJ", "AAAA", "/+/+", "-_-_")),
            Tuple.of(2, STRINGS.map(s -> Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8)))),
            Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                    .map(b -> Base64.getUrlEncoder().withoutPadding().encodeToString(b))));

    /** Idempotency keys of the wrong size or make. */
    public static final Arbitrary<String> KEYS = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of("", " ", "\t", "a", "k".repeat(255), "k".repeat(256), "k".repeat(8000), "\u674e\u5a1c",
                    "\u00ff\u00fe", "key with spaces", "key,with,commas", "\ud83d\ude00")),
            Tuple.of(1, STRINGS));

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{17}[\\dX]");

    /** A hostile value in place of a valid one, of its kind or of another type. */
    public static Object instead(Gen g, Object valid) {
        return switch (g.weighted(6, 2, 1)) {
            case 0 -> ofKind(g, valid);
            case 1 -> anyJson(g, 0);
            default -> g.pick((Object) null, List.of(), Map.of(), true, false, new Json.Raw("{}"), List.of(valid == null ? "x" : valid),
                    Map.of("value", valid == null ? "x" : valid));
        };
    }

    /** A hostile value of the same kind as {@code valid}: a string for a string, a number for a number. */
    public static Object ofKind(Gen g, Object valid) {
        if (valid instanceof Number) {
            return g.chance(0.85) ? g.next(NUMBERS) : String.valueOf(valid);
        }
        if (valid instanceof Boolean) {
            return g.pick("true", "false", 1L, 0L, "yes", null, "TRUE");
        }
        if (valid instanceof String s) {
            return string(g, s);
        }
        if (valid instanceof Map<?, ?> map) {
            return g.chance(0.5) && !map.isEmpty() ? Mutations.mutateTree(g, Json.copy(map)).value() : anyJson(g, 0);
        }
        if (valid instanceof List<?> list) {
            return switch (g.weighted(3, 1, 1)) {
                case 0 -> list.isEmpty() ? List.of() : Mutations.mutateTree(g, Json.copy(list)).value();
                case 1 -> manyOf(g, list.isEmpty() ? "x" : list.get(0));
                default -> List.of();
            };
        }
        return anyJson(g, 0);
    }

    /** A hostile string in place of {@code valid}: of its form (month, date, UUID, region, citizen ID) or a mangled copy. */
    public static String string(Gen g, String valid) {
        if (g.chance(0.3)) {
            return g.next(STRINGS);
        }
        if (MONTH.matcher(valid).matches()) {
            return g.chance(0.8) ? g.next(MONTHS) : mangle(g, valid);
        }
        if (DATE.matcher(valid).matches()) {
            return g.chance(0.8) ? g.next(DATES) : mangle(g, valid);
        }
        if (UUID_FORM.matcher(valid).matches()) {
            return g.chance(0.8) ? g.next(UUIDS) : mangle(g, valid);
        }
        if (REGION.matcher(valid).matches()) {
            return g.chance(0.7) ? g.next(REGIONS) : mangle(g, valid);
        }
        if (NATIONAL_ID.matcher(valid).matches()) {
            return g.chance(0.7) ? nationalId(g, valid) : mangle(g, valid);
        }
        return mangle(g, valid);
    }

    /** {@code valid} changed a little: a control character, NUL or lone surrogate inside, case, padding, length. */
    public static String mangle(Gen g, String valid) {
        int at = valid.isEmpty() ? 0 : g.nextInt(valid.length() + 1);
        return switch (g.nextInt(12)) {
            case 0 -> valid.substring(0, at) + g.next(CONTROL) + valid.substring(at);
            case 1 -> valid.substring(0, at) + "\u0000" + valid.substring(at);
            case 2 -> valid + g.pick("\ud800", "\udfff", "\ud83d");
            case 3 -> valid.toLowerCase() + valid.toUpperCase();
            case 4 -> " " + valid + " ";
            case 5 -> valid.repeat(Math.max(2, 2000 / Math.max(1, valid.length())));
            case 6 -> valid + g.next(EMOJI);
            case 7 -> valid + g.pick("'--", "\"", "\\", "%00", "<b>", "';", "\\u0000");
            case 8 -> valid.isEmpty() ? "x" : valid.substring(0, at == valid.length() ? at - 1 : at);
            case 9 -> valid.isEmpty() ? "x" : valid + valid.charAt(valid.length() - 1);
            case 10 -> valid.replace('0', '\uff10').replace('-', '\u2212');
            default -> valid + g.next(ANY_CHARS);
        };
    }

    /** A citizen ID that is almost right: wrong check character, length, case, date. */
    public static String nationalId(Gen g, String valid) {
        return switch (g.nextInt(8)) {
            case 0 -> valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
            case 1 -> valid.substring(0, 17);
            case 2 -> valid + "1";
            case 3 -> valid.substring(0, 17) + "x";
            case 4 -> valid.substring(0, 6) + "99991399" + valid.substring(14);
            case 5 -> valid.substring(0, 6) + valid.substring(8, 14) + valid.substring(14, 17);
            case 6 -> valid.substring(0, 6) + "29990101" + valid.substring(14);
            default -> "000000" + valid.substring(6);
        };
    }

    /** Any JSON value, hostile: strings, numbers, deep nesting, large arrays, odd objects. */
    public static Object anyJson(Gen g, int depth) {
        int kind = depth > 3 ? g.weighted(4, 3, 1, 1) : g.weighted(4, 3, 1, 1, 1, 1, 1);
        return switch (kind) {
            case 0 -> g.next(STRINGS);
            case 1 -> g.next(NUMBERS);
            case 2 -> g.pick(true, false);
            case 3 -> null;
            case 4 -> nested(g, g.pick(2, 50, 400));
            case 5 -> {
                List<Object> l = new ArrayList<>();
                int n = g.pick(1, 3, 20);
                for (int i = 0; i < n; i++) {
                    l.add(anyJson(g, depth + 1));
                }
                yield l;
            }
            default -> {
                Map<String, Object> m = new LinkedHashMap<>();
                int n = g.between(0, 3);
                for (int i = 0; i < n; i++) {
                    m.put(g.chance(0.5) ? g.next(STRINGS) : "k" + i, anyJson(g, depth + 1));
                }
                yield m;
            }
        };
    }

    /** Arrays or objects nested {@code depth} deep. */
    public static Object nested(Gen g, int depth) {
        Object v = g.pick("x", 1L, null);
        boolean arrays = g.chance(0.5);
        for (int i = 0; i < depth; i++) {
            if (arrays) {
                List<Object> l = new ArrayList<>();
                l.add(v);
                v = l;
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("a", v);
                v = m;
            }
        }
        return v;
    }

    private static List<Object> manyOf(Gen g, Object item) {
        int n = g.pick(1000, 20_000);
        List<Object> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(item);
        }
        return l;
    }
}
