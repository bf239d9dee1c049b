package org.psi.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/** A problem and a cursor stay within the bounds the OpenAPI documents state. */
class BoundedAnswersTest {

    @Test
    void aProblemCutsItsTextsAndListsAtMostItsErrors() {
        String longText = "\uD83D\uDE00".repeat(Problem.MAX_DETAIL);
        Problem p = new Problem("t".repeat(500), "x".repeat(500), 400, longText,
                Collections.nCopies(Problem.MAX_ERRORS + 5, Problem.FieldError.of("f".repeat(300), "C".repeat(100), "m".repeat(2000))));
        assertEquals(Problem.MAX_TYPE, p.type().length());
        assertEquals(Problem.MAX_TITLE, p.title().length());
        assertTrue(p.detail().length() <= Problem.MAX_DETAIL && p.detail().endsWith("\u2026"));
        assertTrue(Character.isLowSurrogate(p.detail().charAt(p.detail().length() - 2)), "no pair of surrogates is split");
        assertEquals(Problem.MAX_ERRORS, p.errors().size());
        Problem.FieldError e = p.errors().get(0);
        assertEquals(Problem.FieldError.MAX_FIELD, e.field().length());
        assertEquals(Problem.FieldError.MAX_CODE, e.code().length());
        assertEquals(Problem.FieldError.MAX_MESSAGE, e.message().length());
        assertEquals("short", Problem.cut("short", 10));
        assertNull(Problem.cut(null, 10));
    }

    @Test
    void aCursorLongerThanPsiMakesIsRefused() {
        String key = "2026-11-26T08:00:00.123456Z|" + java.util.UUID.randomUUID();
        String cursor = Cursors.encode(key);
        assertTrue(cursor.length() <= Cursors.MAX_LENGTH);
        assertEquals(key, Cursors.decode(cursor));
        ProblemException e = assertThrows(ProblemException.class, () -> Cursors.decode("A".repeat(Cursors.MAX_LENGTH + 1)));
        assertEquals(400, e.status());
        assertEquals("INVALID_CURSOR", e.errors().get(0).code());
    }
}
