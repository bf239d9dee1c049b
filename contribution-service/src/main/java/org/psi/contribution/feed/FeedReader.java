package org.psi.contribution.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psi.common.api.InvalidField;
import org.psi.common.api.ProblemException;
import org.psi.common.i18n.Message;
import org.psi.common.text.TextInput;

/**
 * Reads a feed body in one of its three forms into lines, streaming and without binding each line
 * to an object tree:
 * <ul>
 *   <li>{@code application/json}: {@code {"lines": [{...}, ...]}}</li>
 *   <li>{@code application/x-ndjson}: one line object per text line</li>
 *   <li>{@code text/csv}: UTF-8, a header row naming the columns, then one line per row; an empty
 *       cell is an absent field; RFC 4180 quoting</li>
 * </ul>
 * A line's fields: {@code ref, nationalId, scheme, period, amountFen, orders, sector, reversesRef}.
 * A body that is not well-formed, a field of the wrong type, a text with a control character or
 * an unpaired surrogate ({@link TextInput}) or an unknown field is bad input (400, each problem
 * with its line); more lines than allowed is 413. No problem carries a value of the feed: an
 * unknown name is shown only when it looks like a field name, and a CSV feed whose first row names
 * no known column is refused as having no header row (that row is likely a line, citizen ID and all).
 */
public final class FeedReader {

    public static final String JSON = "application/json";
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    static final List<String> FIELDS = List.of("ref", "nationalId", "scheme", "period", "amountFen", "orders", "sector", "reversesRef");

    private final JsonFactory factory;
    private final int maxLines;
    /** In a job's chunk: added to a text line of the chunk to give the line of the whole upload (0 for a batch). */
    private final int lineShift;
    /** A batch numbers its lines 1, 2, ...; a job's chunk by their text line in the upload. */
    private final boolean byTextLine;
    private final List<InvalidField> errors = new ArrayList<>();
    private int errorCount;

    private FeedReader(JsonFactory factory, int maxLines, int lineShift, boolean byTextLine) {
        this.factory = factory;
        this.maxLines = maxLines;
        this.lineShift = lineShift;
        this.byTextLine = byTextLine;
    }

    /**
     * One chunk of a feed job, read as {@link #read} reads a batch but numbering each line by its
     * text line in the whole upload ({@code lineShift} plus its text line in the chunk), and keeping
     * the lines with a bad field together with their errors instead of refusing them: in a job such a
     * line is rejected and the others go on. A body that is not well-formed in its format is still bad
     * input (a {@link ProblemException}).
     */
    public record Chunk(List<FeedLine> lines, List<InvalidField> errors) {
    }

    public static Chunk readChunk(JsonFactory factory, String format, byte[] body, int lineShift) {
        FeedReader reader = new FeedReader(factory, Integer.MAX_VALUE, lineShift, true);
        List<FeedLine> lines = switch (format) {
            case NDJSON -> reader.ndjson(body);
            case CSV -> reader.csv(body);
            default -> throw unsupported();
        };
        if (reader.errorCount > 0 && lines.isEmpty()) {
            // a CSV header's own errors (an unknown or repeated column) concern every line
            throw new ProblemException(400, "invalid-feed", Message.of("contribution.title.invalid-feed"),
                    Message.of("contribution.feed.bad-fields", reader.errorCount), reader.errors);
        }
        return new Chunk(lines, reader.errors);
    }

    /** The media type the body is read as, from a Content-Type header; 415 for any other. */
    public static String format(String contentType) {
        if (contentType == null) {
            throw unsupported();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase();
        return switch (type) {
            case JSON, NDJSON, CSV -> type;
            default -> throw unsupported();
        };
    }

    public static List<FeedLine> read(JsonFactory factory, String format, byte[] body, int maxLines) {
        FeedReader reader = new FeedReader(factory, maxLines, 0, false);
        List<FeedLine> lines = switch (format) {
            case JSON -> reader.json(body);
            case NDJSON -> reader.ndjson(body);
            case CSV -> reader.csv(body);
            default -> throw unsupported();
        };
        if (reader.errorCount > 0) {
            throw new ProblemException(400, "invalid-feed", Message.of("contribution.title.invalid-feed"),
                    Message.of("contribution.feed.bad-fields", reader.errorCount), reader.errors);
        }
        return lines;
    }

    // ------------------------------------------------------------------ JSON

    private List<FeedLine> json(byte[] body) {
        List<FeedLine> lines = new ArrayList<>();
        try (JsonParser p = factory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("contribution.feed.json-object", "{\"lines\": [...]}");
            }
            boolean sawLines = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"lines".equals(name)) {
                    String shown = shownName(name, "a field");
                    fieldError(0, shown, "UNKNOWN_FIELD", "contribution.feed.unknown-feed-field", shown);
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw malformed("contribution.feed.lines-array");
                }
                sawLines = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == null) {
                        throw malformed("contribution.feed.json-ends-inside");
                    }
                    lines.add(lineObject(p, lines.size() + 1));
                    checkCount(lines.size());
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw malformed("contribution.feed.json-trailing");
            }
            if (!sawLines) {
                throw ProblemException.invalid("lines", "REQUIRED", "contribution.feed.lines-required", "{\"lines\": [...]}");
            }
        } catch (JsonProcessingException e) {
            throw jsonProblem(e, lineShift);
        } catch (IOException e) {
            throw malformed("contribution.feed.unreadable");
        }
        return lines;
    }

    /** One parser over the whole body, reading one root-level object per text line. */
    private List<FeedLine> ndjson(byte[] body) {
        List<FeedLine> lines = new ArrayList<>();
        try (JsonParser p = factory.createParser(body)) {
            int lastLine = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int textLine = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw malformed("contribution.feed.ndjson-not-object", lineShift + textLine);
                }
                if (textLine == lastLine) {
                    throw malformed("contribution.feed.ndjson-two-objects", lineShift + textLine);
                }
                lines.add(lineObject(p, byTextLine ? lineShift + textLine : lines.size() + 1));
                lastLine = p.currentTokenLocation().getLineNr();
                checkCount(lines.size());
            }
        } catch (JsonProcessingException e) {
            throw jsonProblem(e, lineShift);
        } catch (IOException e) {
            throw malformed("contribution.feed.unreadable");
        }
        if (lines.isEmpty()) {
            throw ProblemException.invalid("lines", "REQUIRED", "contribution.feed.ndjson-empty");
        }
        return lines;
    }

    /** Reads one line object; the parser is on its START_OBJECT and is left on its END_OBJECT. */
    private FeedLine lineObject(JsonParser p, int line) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            fieldError(line, "lines[" + (line - 1) + "]", "INVALID_TYPE", "contribution.feed.line-object");
            p.skipChildren();
            return new FeedLine(line, null, null, null, null, null, null, null, null);
        }
        String ref = null;
        String nationalId = null;
        String scheme = null;
        String period = null;
        Long amount = null;
        Long orders = null;
        String sector = null;
        String reverses = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "ref" -> ref = string(p, t, line, name);
                case "nationalId" -> nationalId = string(p, t, line, name);
                case "scheme" -> scheme = string(p, t, line, name);
                case "period" -> period = string(p, t, line, name);
                case "amountFen" -> amount = integer(p, t, line, name);
                case "orders" -> orders = integer(p, t, line, name);
                case "sector" -> sector = string(p, t, line, name);
                case "reversesRef" -> reverses = string(p, t, line, name);
                default -> {
                    String shown = shownName(name, "a field");
                    fieldError(line, shown, "UNKNOWN_FIELD", "contribution.feed.unknown-line-field", shown);
                    p.skipChildren();
                }
            }
        }
        return new FeedLine(line, ref, nationalId, scheme, period, amount, orders, sector, reverses);
    }

    private String string(JsonParser p, JsonToken t, int line, String field) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getText();
            if (!TextInput.isClean(text)) {
                fieldError(line, field, TextInput.CODE, TextInput.message(field));
                return null;
            }
            return text;
        }
        fieldError(line, field, "INVALID_TYPE", "contribution.feed.is-a-string", field);
        p.skipChildren();
        return null;
    }

    private Long integer(JsonParser p, JsonToken t, int line, String field) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        fieldError(line, field, "INVALID_TYPE", t == JsonToken.VALUE_STRING ? "contribution.feed.whole-number-not-string"
                : t == JsonToken.VALUE_NUMBER_FLOAT ? "contribution.feed.whole-number-not-fraction" : "contribution.feed.whole-number-not-this", field);
        p.skipChildren();
        return null;
    }

    // ------------------------------------------------------------------ CSV

    private List<FeedLine> csv(byte[] body) {
        String text = utf8(body);
        CsvCursor cursor = new CsvCursor(text);
        List<String> header = cursor.row();
        if (header == null || header.isEmpty() || header.size() == 1 && header.get(0).isBlank()) {
            throw malformed("contribution.feed.csv-header", String.join(",", FIELDS));
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        if (header.stream().map(String::strip).noneMatch(FIELDS::contains)) {
            // no column name is known: most likely the header row is missing and this is a line
            // (its citizen ID included), which must not come back in the problem
            throw malformed("contribution.feed.csv-header-unknown", String.join(",", FIELDS));
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (!FIELDS.contains(name)) {
                String shown = shownName(name, "column " + (i + 1));
                fieldError(0, shown, "UNKNOWN_FIELD", "contribution.feed.csv-unknown-column", shown, String.join(",", FIELDS));
            } else if (columns.put(name, i) != null) {
                fieldError(0, name, "DUPLICATE_COLUMN", "contribution.feed.csv-column-twice", name);
            }
        }
        if (errorCount > 0) {
            return List.of();
        }
        List<FeedLine> lines = new ArrayList<>();
        List<String> row;
        while ((row = cursor.row()) != null) {
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            int line = byTextLine ? lineShift + cursor.startLine : lines.size() + 1;
            if (row.size() != header.size()) {
                throw byTextLine ? malformed("contribution.feed.job-csv-cells", line, row.size(), header.size())
                        : malformed("contribution.feed.csv-cells", line, cursor.startLine, row.size(), header.size());
            }
            if (byTextLine && cursor.spansLines) {
                throw malformed("contribution.feed.job-csv-line-break", line);
            }
            for (Map.Entry<String, Integer> c : columns.entrySet()) {
                if (!TextInput.isClean(row.get(c.getValue()))) {
                    fieldError(line, c.getKey(), TextInput.CODE, TextInput.message(c.getKey()));
                    row.set(c.getValue(), "");
                }
            }
            lines.add(new FeedLine(line, cell(row, columns, "ref"), cell(row, columns, "nationalId"),
                    cell(row, columns, "scheme"), cell(row, columns, "period"),
                    number(row, columns, "amountFen", line), number(row, columns, "orders", line),
                    cell(row, columns, "sector"), cell(row, columns, "reversesRef")));
            checkCount(lines.size());
        }
        if (lines.isEmpty() && errorCount == 0) {
            throw ProblemException.invalid("lines", "REQUIRED", "A CSV feed has at least one row after its header");
        }
        return lines;
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return null;
        }
        String v = row.get(i);
        return v.isEmpty() ? null : v;
    }

    private Long number(List<String> row, Map<String, Integer> columns, String name, int line) {
        String v = cell(row, columns, name);
        if (v == null) {
            return null;
        }
        String s = v.strip();
        if (!wholeNumber(s)) {
            fieldError(line, name, "INVALID_TYPE", "contribution.feed.whole-number", name);
            return null;
        }
        return Long.parseLong(s);
    }

    /** RFC 4180 rows: cells separated by commas, quoted cells may hold commas, quotes ("") and line breaks. */
    private final class CsvCursor {
        private final String s;
        private int pos;
        private int textLine = 1;
        int startLine;
        /** Whether the last row had a line break inside a quoted cell. */
        boolean spansLines;

        CsvCursor(String s) {
            this.s = s;
        }

        List<String> row() {
            if (pos >= s.length()) {
                return null;
            }
            startLine = textLine;
            spansLines = false;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < s.length() && s.charAt(pos) == '"') {
                            cell.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            textLine++;
                            spansLines = true;
                        }
                        cell.append(c);
                    }
                } else if (c == '"') {
                    if (cell.length() > 0 || wasQuoted) {
                        throw malformed("contribution.feed.csv-quote-inside", lineShift + textLine);
                    }
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && pos < s.length() && s.charAt(pos) == '\n') {
                        pos++;
                    }
                    textLine++;
                    cells.add(cell.toString());
                    return cells;
                } else {
                    if (wasQuoted) {
                        throw malformed("contribution.feed.csv-after-quote", lineShift + textLine);
                    }
                    cell.append(c);
                }
            }
            if (quoted) {
                throw malformed("contribution.feed.csv-unclosed", lineShift + startLine);
            }
            cells.add(cell.toString());
            return cells;
        }
    }

    // ------------------------------------------------------------------ common

    /**
     * A name the sender gave (an unknown field or column) as a problem may show it: only when it
     * looks like a field name; anything else (a citizen ID in a row taken for the header, a name,
     * a value) is never echoed and is described as {@code instead}.
     */
    static String shownName(String name, String instead) {
        return name.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}") ? name : instead;
    }

    private void checkCount(int lines) {
        if (lines > maxLines) {
            throw ProblemException.payloadTooLarge("too-many-lines", "contribution.feed.too-many-lines", maxLines);
        }
    }

    private void fieldError(int line, String field, String code, String key, Object... args) {
        fieldError(line, field, code, Message.of(key, args));
    }

    private void fieldError(int line, String field, String code, Message message) {
        errorCount++;
        if (byTextLine || errors.size() < FeedLines.MAX_LISTED_ERRORS) {
            errors.add(new InvalidField(field, line == 0 ? null : line, code, message));
        }
    }

    private static boolean wholeNumber(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() <= start || s.length() - start > 18) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("contribution.feed.csv-utf8");
        }
    }

    private static ProblemException jsonProblem(JsonProcessingException e, int lineShift) {
        var at = e.getLocation();
        return at == null ? malformed("contribution.feed.json-malformed")
                : malformed("contribution.feed.json-malformed-at", lineShift + at.getLineNr(), at.getColumnNr());
    }

    private static ProblemException malformed(String key, Object... args) {
        return ProblemException.malformedBody(key, args);
    }

    private static ProblemException unsupported() {
        return new ProblemException(415, "unsupported-media-type", Message.of("common.status.415"),
                Message.of("contribution.feed.media-types"));
    }
}
