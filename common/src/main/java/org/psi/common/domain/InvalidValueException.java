package org.psi.common.domain;

/**
 * A value that breaks a domain rule. Carries the field it concerns and a stable code, so the
 * API layer can turn it into a validation problem without knowing the rule.
 */
public class InvalidValueException extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidValueException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    /** The same violation, reported against another field name (e.g. a DTO property). */
    public InvalidValueException at(String otherField) {
        return new InvalidValueException(otherField, code, getMessage());
    }
}
