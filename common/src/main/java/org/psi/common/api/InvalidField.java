package org.psi.common.api;

import java.util.Locale;
import org.psi.common.i18n.Message;

/**
 * One invalid field (of a request body or parameter) or one invalid line (of a feed) before its
 * answer is written: the {@link Problem.FieldError} in the request's language.
 */
public record InvalidField(String field, Integer line, String code, Message message) {

    public static InvalidField of(String field, String code, Message message) {
        return new InvalidField(field, null, code, message);
    }

    public static InvalidField of(String field, String code, String key, Object... args) {
        return new InvalidField(field, null, code, Message.of(key, args));
    }

    public Problem.FieldError in(Locale locale) {
        return new Problem.FieldError(field, line, code, message.in(locale));
    }
}
