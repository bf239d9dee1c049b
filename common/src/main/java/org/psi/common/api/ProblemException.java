package org.psi.common.api;

import java.util.List;
import java.util.Locale;
import org.psi.common.i18n.Message;

/**
 * An error the API answers with a problem+json body. Thrown by services for outcomes that are
 * the caller's to fix (conflict, not found, forbidden); turned into a response by {@link ProblemMapper},
 * in the request's language: a throw site names the catalogue key of its detail and the arguments
 * ({@code ProblemException.conflict("transfer-open", "transfer.transfer-open", scheme)}), never English
 * text. {@link #getMessage()} is the English detail, for logs.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final Message title;
    private final Message detail;
    private final List<InvalidField> errors;

    public ProblemException(int status, String type, Message title, Message detail, List<InvalidField> errors) {
        super();
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public ProblemException(int status, String type, Message title, Message detail) {
        this(status, type, title, detail, null);
    }

    /** 404 not-found; the detail names what was not found. */
    public static ProblemException notFound(String key, Object... args) {
        return new ProblemException(404, "not-found", Message.of("common.title.not-found"), Message.of(key, args));
    }

    public static ProblemException conflict(String type, String key, Object... args) {
        return new ProblemException(409, type, Message.of("common.title.conflict"), Message.of(key, args));
    }

    public static ProblemException forbidden(String key, Object... args) {
        return forbiddenOfType("forbidden", key, args);
    }

    /** 403 with a type of its own (an overload of {@link #forbidden} would take a key for a type). */
    public static ProblemException forbiddenOfType(String type, String key, Object... args) {
        return new ProblemException(403, type, Message.of("common.title.forbidden"), Message.of(key, args));
    }

    public static ProblemException badRequest(String type, String key, Object... args) {
        return new ProblemException(400, type, Message.of("common.title.bad-request"), Message.of(key, args));
    }

    public static ProblemException unprocessable(String type, String key, Object... args) {
        return new ProblemException(422, type, Message.of("common.title.unprocessable"), Message.of(key, args));
    }

    public static ProblemException payloadTooLarge(String type, String key, Object... args) {
        return new ProblemException(413, type, Message.of("common.title.payload-too-large"), Message.of(key, args));
    }

    /** 503: a service this one needs did not answer. */
    public static ProblemException unavailable(String type, String key, Object... args) {
        return new ProblemException(503, type, Message.of("common.title.unavailable"), Message.of(key, args));
    }

    public static ProblemException malformedBody(String key, Object... args) {
        return new ProblemException(400, "malformed-body", Message.of("common.title.malformed-body"), Message.of(key, args));
    }

    /** 400 validation with one invalid field. */
    public static ProblemException invalid(String field, String code, String key, Object... args) {
        return validation(List.of(InvalidField.of(field, code, key, args)));
    }

    /** 400 validation: the detail is the one field's message, or how many fields are invalid. */
    public static ProblemException validation(List<InvalidField> errors) {
        Message detail = errors.size() == 1 ? errors.get(0).message()
                : Message.of("common.validation.fields", errors.size());
        return new ProblemException(400, "validation", Message.of("common.title.invalid"), detail, errors);
    }

    public Problem toProblem(Locale locale) {
        return new Problem(Problem.TYPE_BASE + type, title.in(locale), status, detail.in(locale),
                errors == null ? null : errors.stream().map(e -> e.in(locale)).toList());
    }

    @Override
    public String getMessage() {
        return detail.english();
    }

    public Message detail() {
        return detail;
    }

    public List<InvalidField> errors() {
        return errors;
    }

    public int status() {
        return status;
    }
}
