package org.psi.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error PSI returns. Its texts and its list of errors
 * have bounds (a detail or a field name may repeat what the request sent): a longer text is cut,
 * ending with an ellipsis, and errors past {@value #MAX_ERRORS} are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(example = "https://psi.example/problems/validation", maxLength = MAX_TYPE) String type,
        @Schema(example = "Invalid request", maxLength = MAX_TITLE) String title,
        @Schema(example = "400", minimum = "400", maximum = "599") int status,
        @Schema(example = "The request has 1 invalid field", maxLength = MAX_DETAIL) String detail,
        @Schema(maxItems = MAX_ERRORS) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://psi.example/problems/";
    public static final int MAX_TYPE = 200;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DETAIL = 2000;
    /** The most errors one problem lists (a feed's first invalid lines). */
    public static final int MAX_ERRORS = 1000;

    public Problem {
        type = cut(type, MAX_TYPE);
        title = cut(title, MAX_TITLE);
        detail = cut(detail, MAX_DETAIL);
        errors = errors == null || errors.size() <= MAX_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_ERRORS));
    }

    /** One invalid field (of a request body or parameter) or one invalid line (of a feed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "nationalId", maxLength = MAX_FIELD) String field,
            @Schema(minimum = "1", description = "The line of a feed, counted from 1") Integer line,
            @Schema(example = "INVALID_CHECK_CHARACTER", maxLength = MAX_CODE) String code,
            @Schema(example = "The check character of the citizen ID number does not match", maxLength = MAX_MESSAGE) String message) {

        public static final int MAX_FIELD = 200;
        public static final int MAX_CODE = 64;
        public static final int MAX_MESSAGE = 1000;

        public FieldError {
            field = cut(field, MAX_FIELD);
            code = cut(code, MAX_CODE);
            message = cut(message, MAX_MESSAGE);
        }

        public static FieldError of(String field, String code, String message) {
            return new FieldError(field, null, code, message);
        }
    }

    /** {@code s} if it has at most {@code max} characters, else its beginning and an ellipsis, {@code max} in all. */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "\u2026";
    }
}
