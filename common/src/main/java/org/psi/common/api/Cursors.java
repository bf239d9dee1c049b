package org.psi.common.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque list cursors: the key of the last row shown, base64url-encoded. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key in a cursor, or null for no cursor; a cursor that was not made by PSI is a 400. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "INVALID_CURSOR", "common.cursor.invalid");
        }
    }
}
