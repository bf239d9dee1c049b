package org.psi.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text rule and its Jackson module, without Quarkus. */
class TextInputTest {

    record Body(String name, List<String> tags, Map<String, String> notes) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        new TextInputModule().customize(m);
        return m;
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreRefused() {
        for (String bad : List.of("a\u0000b", "\u0007", "tab\t", "line\n", "del\u007f", "c1\u0085", "\ud800", "x\udc00y", "end\ud83d")) {
            assertFalse(TextInput.isClean(bad), bad.codePoints().boxed().toList().toString());
        }
        for (String good : List.of("", "Wang Fang", "王芳", "emoji \ud83d\ude00", "a-b_c.d/e", "\u00a0nbsp", "\u200b")) {
            assertTrue(TextInput.isClean(good), good);
        }
        assertTrue(TextInput.isClean(null));
        assertEquals(1, TextInput.firstBadIndex("a\u0000"));
        assertFalse(TextInput.message("paymentRef").english().contains("\u0000"));
    }

    @Test
    void theModuleChecksPropertiesListItemsAndMapKeysAndValuesAndNamesThePath() throws Exception {
        ObjectMapper m = mapper();
        assertEquals("Li Na", m.readValue("{\"name\":\"Li Na\",\"tags\":[\"a\"],\"notes\":{\"k\":\"v\"}}", Body.class).name());
        for (String[] c : new String[][] {
                {"{\"name\":\"a\\u0000b\"}", "name"},
                {"{\"tags\":[\"ok\",\"\\ud800\"]}", "tags[1]"},
                {"{\"notes\":{\"k\":\"v\\u001b\"}}", "notes.k"},
                {"{\"notes\":{\"k\\u0001\":\"v\"}}", "notes"}}) {
            JsonMappingException e = assertThrows(InvalidTextException.class, () -> m.readValue(c[0], Body.class), c[0]);
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("").replace(".[", "[");
            assertTrue(path.startsWith(c[1]), c[0] + " -> " + path);
        }
        // untyped values too
        assertThrows(InvalidTextException.class, () -> m.readValue("{\"a\":[\"\\u0000\"]}", Object.class));
    }

    @Test
    void headersMayHoldTabsButNoOtherControlCharacter() {
        assertTrue(TextInputFilter.cleanHeader("Bearer abc\tdef"));
        assertTrue(TextInputFilter.cleanHeader("caf\u00e9"), "octets above 0x7f are HTTP's, not text's");
        assertFalse(TextInputFilter.cleanHeader("a\u0000b"));
        assertFalse(TextInputFilter.cleanHeader("a\u007fb"));
    }
}
