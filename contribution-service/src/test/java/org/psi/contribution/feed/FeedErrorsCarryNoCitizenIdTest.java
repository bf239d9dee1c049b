package org.psi.contribution.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.api.ProblemException;
import org.psi.common.i18n.Languages;

/**
 * No error a feed reader can produce carries a citizen ID: every kind of bad
 * feed in every format (JSON, NDJSON, CSV with and without its header row, malformed rows, the ID
 * in the wrong place, under a wrong name, with a control character, too many lines) is read and
 * checked line by line, and the whole problem (detail and every listed error, as the client would
 * get it) is scanned for the ID, its first 17 characters, its first 14 (address code and birth
 * date) and its birth date.
 */
class FeedErrorsCarryNoCitizenIdTest {

    private static final String ID = "11010519491231002X";
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final FeedLimits LIMITS = new FeedLimits(5, 10_000_000, 100_000);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String HEADER = "ref,nationalId,scheme,period,amountFen";

    /** Bad feeds: name -> {format, body}. */
    private static Map<String, String[]> feeds() {
        Map<String, String[]> f = new LinkedHashMap<>();
        String line = "{\"ref\":\"r1\",\"nationalId\":\"" + ID + "\",\"scheme\":\"PENSION\",\"period\":\"2026-11\",\"amountFen\":100}";
        // CSV
        f.put("csv without its header row", csv(String.join(",", "r1", ID, "PENSION", "2026-11", "100") + "\n"
                + String.join(",", "r2", ID, "PENSION", "2026-10", "100") + "\n"));
        f.put("csv without header, the ID first", csv(ID + ",r1,PENSION,2026-11,100\n"));
        f.put("csv header with the ID as a column", csv("ref," + ID + ",scheme,period,amountFen\nr1,x,PENSION,2026-11,100\n"));
        f.put("csv header with a name as a column", csv("ref,nationalId,王芳,period\nr1," + ID + ",x,2026-11\n"));
        f.put("csv a row with too many cells", csv(HEADER + "\nr1," + ID + ",PENSION,2026-11,100,extra\n"));
        f.put("csv a row with too few cells", csv(HEADER + "\nr1," + ID + ",PENSION\n"));
        f.put("csv an unclosed quote", csv(HEADER + "\n\"r1," + ID + ",PENSION,2026-11,100\n"));
        f.put("csv a quote inside a cell", csv(HEADER + "\nr1," + ID + "\"x,PENSION,2026-11,100\n"));
        f.put("csv text after a closing quote", csv(HEADER + "\nr1,\"" + ID + "\"x,PENSION,2026-11,100\n"));
        f.put("csv the ID as the amount", csv(HEADER + "\nr1," + ID + ",PENSION,2026-11," + ID + "\n"));
        f.put("csv the ID with a NUL", csv(HEADER + "\nr1," + ID + "\u0000,PENSION,2026-11,100\n"));
        f.put("csv a bad check character", csv(HEADER + "\nr1," + ID.substring(0, 17) + "3,PENSION,2026-11,100\n"));
        f.put("csv the ID as the ref, too long", csv(HEADER + "\n" + ID.repeat(10) + "," + ID + ",PENSION,2026-11,100\n"));
        f.put("csv the ID as the scheme", csv(HEADER + "\nr1," + ID + "," + ID + ",2026-11,100\n"));
        f.put("csv the ID as the period", csv(HEADER + "\nr1," + ID + ",PENSION," + ID + ",100\n"));
        f.put("csv the ID padded to 40", csv(HEADER + "\nr1," + ID + "0000000000000000000000,PENSION,2026-11,100\n"));
        f.put("csv not UTF-8", new String[] {FeedReader.CSV, HEADER + "\nr1," + ID + ",PENSION,2026-11,\u00ff\n", "latin1"});
        f.put("csv too many lines", csv(HEADER + "\n" + ("r1," + ID + ",PENSION,2026-11,100\n").repeat(6)));
        f.put("csv only a header", csv(HEADER + "\n"));
        // JSON
        f.put("json the ID as a field name", json("{\"lines\":[{\"ref\":\"r1\",\"" + ID + "\":1}]}"));
        f.put("json the ID as a feed field name", json("{\"" + ID + "\":[],\"lines\":[" + line + "]}"));
        f.put("json the ID as a number", json("{\"lines\":[{\"ref\":\"r1\",\"nationalId\":" + ID.substring(0, 17) + "}]}"));
        f.put("json the ID as the amount", json("{\"lines\":[{\"ref\":\"r1\",\"nationalId\":\"" + ID + "\",\"amountFen\":\"" + ID + "\"}]}"));
        f.put("json the ID with an unpaired surrogate", json("{\"lines\":[{\"ref\":\"r1\",\"nationalId\":\"" + ID + "\\ud800\"}]}"));
        f.put("json cut off after the ID", json("{\"lines\":[{\"ref\":\"r1\",\"nationalId\":\"" + ID + "\""));
        f.put("json an unclosed string", json("{\"lines\":[{\"ref\":\"r1\",\"nationalId\":\"" + ID));
        f.put("json trailing text", json("{\"lines\":[" + line + "]} " + ID));
        f.put("json an array", json("[" + line + "]"));
        f.put("json a line that is the ID", json("{\"lines\":[\"" + ID + "\"]}"));
        f.put("json a bad check character", json("{\"lines\":[" + line.replace(ID, ID.substring(0, 17) + "3") + "]}"));
        f.put("json the ID as ref with a control character", json("{\"lines\":[" + line.replace("\"r1\"", "\"" + ID + "\\u0007\"") + "]}"));
        f.put("json the ID as the scheme", json("{\"lines\":[" + line.replace("\"PENSION\"", "\"" + ID + "\"") + "]}"));
        f.put("json the ID as the sector", json("{\"lines\":[" + line.replace("\"PENSION\"", "\"OCCUPATIONAL_INJURY\"")
                .replace("\"2026-11\"", "\"2026-11-02\"").replace("\"amountFen\":100", "\"orders\":1,\"sector\":\"" + ID + "\"") + "]}"));
        f.put("json too many lines", json("{\"lines\":[" + String.join(",", List.of(line, line, line, line, line, line)) + "]}"));
        // NDJSON
        f.put("ndjson the ID as a field name", ndjson("{\"ref\":\"r1\",\"" + ID + "\":true}\n"));
        f.put("ndjson two objects on a line", ndjson(line + line + "\n"));
        f.put("ndjson a line that is the ID", ndjson(line + "\n\"" + ID + "\"\n"));
        f.put("ndjson a bare ID", ndjson(ID + "\n"));
        f.put("ndjson cut off", ndjson(line + "\n{\"nationalId\":\"" + ID));
        f.put("ndjson the ID as the period", ndjson(line.replace("\"2026-11\"", "\"" + ID + "\"") + "\n"));
        f.put("ndjson the ID with a NUL", ndjson(line.replace(ID, ID + "\\u0000") + "\n"));
        return f;
    }

    @Test
    void noFeedErrorCarriesTheCitizenId() throws Exception {
        List<String> leaks = new ArrayList<>();
        int refused = 0;
        for (Map.Entry<String, String[]> feed : feeds().entrySet()) {
            String[] f = feed.getValue();
            byte[] body = f.length > 2 ? f[1].getBytes(StandardCharsets.ISO_8859_1) : f[1].getBytes(StandardCharsets.UTF_8);
            ProblemException problem = null;
            try {
                List<FeedLine> lines = FeedReader.read(JSON, f[0], body, LIMITS.maxLines());
                FeedLines.validate(lines, TODAY, LIMITS);
            } catch (ProblemException e) {
                problem = e;
            }
            if (problem == null) {
                // a line the readers accept (a bad check character is judged later, line by line, in the report)
                continue;
            }
            refused++;
            assertTrue(problem.status() >= 400 && problem.status() < 500, feed.getKey() + ": a 4xx");
            String text = MAPPER.writeValueAsString(problem.toProblem(Languages.ENGLISH)) + " "
                    + MAPPER.writeValueAsString(problem.toProblem(Languages.CHINESE)) + " " + problem.getMessage();
            for (String part : List.of(ID, ID.substring(0, 17), ID.substring(0, 14), ID.substring(6, 14))) {
                if (text.contains(part)) {
                    leaks.add(feed.getKey() + " shows " + part + ": " + text);
                }
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        assertTrue(refused >= feeds().size() - 2, "nearly every feed here is refused: " + refused + " of " + feeds().size());
    }

    @Test
    void aCsvFeedWithoutItsHeaderRowIsRefusedAsSuch() {
        String[] f = csv("r1," + ID + ",PENSION,2026-11,100\n");
        try {
            FeedReader.read(JSON, f[0], f[1].getBytes(StandardCharsets.UTF_8), 10);
            fail("a CSV feed without header row is refused");
        } catch (ProblemException e) {
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("header row"), e.getMessage());
            assertEquals(null, e.toProblem(Languages.ENGLISH).errors(), "no field is listed: the row's cells are not field names");
        }
    }

    @Test
    void unknownNamesAreShownOnlyWhenTheyLookLikeFieldNames() {
        String[] f = csv("ref,nationalId,scheme,period,amountFen,bonus\nr1," + ID + ",PENSION,2026-11,100,1\n");
        try {
            FeedReader.read(JSON, f[0], f[1].getBytes(StandardCharsets.UTF_8), 10);
            fail("an unknown column is refused");
        } catch (ProblemException e) {
            assertEquals("bonus", e.toProblem(Languages.ENGLISH).errors().get(0).field(), "a name that looks like a field's is shown");
        }
        assertEquals("column 2", FeedReader.shownName(ID, "column 2"));
        assertFalse(FeedReader.shownName("王芳", "a field").contains("王"));
    }

    private static String[] csv(String body) {
        return new String[] {FeedReader.CSV, body};
    }

    private static String[] json(String body) {
        return new String[] {FeedReader.JSON, body};
    }

    private static String[] ndjson(String body) {
        return new String[] {FeedReader.NDJSON, body};
    }
}
