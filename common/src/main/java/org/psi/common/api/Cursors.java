package org.psi.common.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque list cursors: the key of the last row shown, base64url-encoded. */
public final class Cursors {

    /**
     * The longest cursor: the base64url of a key of at most 150 bytes (PSI's keys, a time and an id,
     * are under 80); a longer one was not made by PSI.
     */
    public static final int MAX_LENGTH = 200;

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
        if (cursor.length() > MAX_LENGTH) {
            throw ProblemException.invalid("cursor", "INVALID_CURSOR", "common.cursor.invalid");
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "INVALID_CURSOR", "common.cursor.invalid");
        }
    }

    /** A cursor whose key is an id (a page ordered by time-ordered ids): the id, null without a cursor; 400 if it is none. */
    public static java.util.UUID decodeId(String cursor) {
        String key = decode(cursor);
        try {
            return key == null ? null : java.util.UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "INVALID_CURSOR", "common.cursor.invalid");
        }
    }
}
