package org.psi.common.domain;

import org.psi.common.i18n.Message;

/**
 * A value that breaks a domain rule. Carries the field it concerns, a stable code and the
 * catalogue message of the rule, so the API layer can turn it into a validation problem (in the
 * request's language) without knowing the rule. {@link #getMessage()} is the English text.
 */
public class InvalidValueException extends RuntimeException {

    private final String field;
    private final String code;
    private final Message message;

    public InvalidValueException(String field, String code, Message message) {
        super();
        this.field = field;
        this.code = code;
        this.message = message;
    }

    /** {@code key}: the catalogue key of the message; {@code args}: its arguments. */
    public InvalidValueException(String field, String code, String key, Object... args) {
        this(field, code, Message.of(key, args));
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Message message() {
        return message;
    }

    @Override
    public String getMessage() {
        return message.english();
    }

    /** The same violation, reported against another field name (e.g. a DTO property). */
    public InvalidValueException at(String otherField) {
        return new InvalidValueException(otherField, code, message);
    }
}
