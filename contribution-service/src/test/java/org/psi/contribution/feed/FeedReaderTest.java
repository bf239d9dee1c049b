package org.psi.contribution.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psi.common.api.ProblemException;

/** The three feed formats, read without Quarkus. */
class FeedReaderTest {

    private static final JsonFactory JSON = new JsonFactory();

    private static List<FeedLine> read(String format, String body) {
        return FeedReader.read(JSON, format, body.getBytes(StandardCharsets.UTF_8), 10);
    }

    @Test
    void csvHonoursHeaderOrderQuotingAndEmptyCells() {
        List<FeedLine> lines = read(FeedReader.CSV, "\uFEFFscheme,ref,nationalId,period,amountFen,orders,sector\r\n"
                + "PENSION,\"a,1\",11010519491231002X,2026-11,100,,\n"
                + "OCCUPATIONAL_INJURY,\"say \"\"hi\"\"\",11010519491231002X,2026-11-26,,3,FOOD_DELIVERY\n"
                + "\n");
        assertEquals(2, lines.size());
        assertEquals("a,1", lines.get(0).ref());
        assertEquals(100L, lines.get(0).amountFen());
        assertNull(lines.get(0).orders());
        assertNull(lines.get(0).sector());
        assertEquals("say \"hi\"", lines.get(1).ref());
        assertEquals(3L, lines.get(1).orders());
        assertEquals(2, lines.get(1).line());
    }

    @Test
    void ndjsonSkipsBlankLinesAndNumbersLinesInOrder() {
        List<FeedLine> lines = read(FeedReader.NDJSON, "{\"ref\":\"a\"}\r\n\n  \n{\"ref\":\"b\",\"amountFen\":null}");
        assertEquals(List.of("a", "b"), lines.stream().map(FeedLine::ref).toList());
        assertEquals(2, lines.get(1).line());
    }

    @Test
    void badInputIsRefused() {
        assertEquals(400, assertThrows(ProblemException.class, () -> read(FeedReader.JSON, "{\"lines\":[{\"orders\":true}]}")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> read(FeedReader.CSV, "ref,period\n\"a\"b,2026-11\n")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> read(FeedReader.CSV, "ref,period\n1,2,3\n")).status());
        assertEquals(413, assertThrows(ProblemException.class, () -> read(FeedReader.NDJSON, "{}\n".repeat(11))).status());
        assertEquals(415, assertThrows(ProblemException.class, () -> FeedReader.format("application/xml")).status());
        assertEquals(FeedReader.CSV, FeedReader.format("text/csv; charset=utf-8"));
    }
}
