package org.psi.common.text;

import org.psi.common.i18n.Message;

/**
 * The rule every text PSI accepts from outside obeys: no control character (Unicode category Cc:
 * U+0000 to U+001F, U+007F to U+009F; a NUL would even fail in PostgreSQL with a 500) and no
 * unpaired surrogate (a JSON {@code "\ud800"} decodes to one; it is not a character and no UTF-8
 * encoder can write it). Applied at the edge, to every string of a JSON body ({@link TextInputModule}),
 * every path and query parameter and every header ({@link TextInputFilter}) and every field of a
 * contribution feed; a refusal is a 400 problem with the code {@value #CODE}.
 */
public final class TextInput {

    /** The problem code of a refused text. */
    public static final String CODE = "INVALID_CHARACTERS";

    private TextInput() {
    }

    /** Whether {@code s} (may be null) holds no control character and no unpaired surrogate. */
    public static boolean isClean(CharSequence s) {
        return s == null || firstBadIndex(s) < 0;
    }

    /** The index of the first control character or unpaired surrogate of {@code s}, or -1. */
    public static int firstBadIndex(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The message of a refusal, naming the field but never its value. */
    public static Message message(String field) {
        return field == null || field.isEmpty() ? Message.of("common.text.invalid-characters-anonymous")
                : Message.of("common.text.invalid-characters", field);
    }
}
