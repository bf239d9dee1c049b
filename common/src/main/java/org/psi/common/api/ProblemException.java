package org.psi.common.api;

import java.util.List;

/**
 * An error the API answers with a problem+json body. Thrown by services for outcomes that are
 * the caller's to fix (conflict, not found, forbidden); turned into a response by {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found");
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "Bad request", detail);
    }

    public static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(422, type, "Unprocessable request", detail);
    }

    public static ProblemException invalid(String field, String code, String message) {
        return new ProblemException(400, "validation", "Invalid request", message,
                List.of(Problem.FieldError.of(field, code, message)));
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
