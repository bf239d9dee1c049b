package org.psi.common.i18n;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text of the API named by its key in a message catalogue ({@link Messages}) with its
 * arguments, written in the caller's language only when the answer is written. Arguments are
 * domain values (a region code, a month, an id, a number), kept as written ({@code String.valueOf}),
 * never translated; an argument may itself be a {@code Message}, written in the same language.
 * {@link #verbatim} is a text some library already wrote in the request's language (a Bean
 * Validation message); never English built by hand.
 */
public final class Message {

    private final String key;
    private final List<Object> args;
    private final String text;

    private Message(String key, List<Object> args, String text) {
        this.key = key;
        this.args = args;
        this.text = text;
    }

    /** The text of {@code key} with these arguments ({0}, {1}, ... of the catalogue's pattern). */
    public static Message of(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        List<Object> kept = new ArrayList<>(args.length);
        for (Object a : args) {
            kept.add(a instanceof Message m ? m : String.valueOf(a));
        }
        return new Message(key, Collections.unmodifiableList(kept), null);
    }

    /** A text already written in the request's language by a library (Bean Validation). */
    public static Message verbatim(String text) {
        return new Message(null, List.of(), Objects.requireNonNull(text, "text"));
    }

    /** The catalogue key, or null for a verbatim text. */
    public String key() {
        return key;
    }

    /** The arguments: each a String or a Message. */
    public List<Object> args() {
        return args;
    }

    /** The arguments as strings (nested messages in English), as a stored record keeps them. */
    public List<String> plainArgs() {
        return args.stream().map(a -> a instanceof Message m ? m.english() : (String) a).toList();
    }

    public String in(Locale locale) {
        return text != null ? text : Messages.format(this, locale);
    }

    public String english() {
        return in(Languages.ENGLISH);
    }

    /** The English text: what a log line or an exception's message shows. */
    @Override
    public String toString() {
        return english();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && Objects.equals(key, m.key) && Objects.equals(args, m.args)
                && Objects.equals(text, m.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, args, text);
    }
}
