package org.psi.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error PSI returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(example = "https://psi.example/problems/validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "The request has 1 invalid field") String detail,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://psi.example/problems/";

    /** One invalid field (of a request body or parameter) or one invalid line (of a feed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "nationalId") String field,
            Integer line,
            @Schema(example = "INVALID_CHECK_CHARACTER") String code,
            @Schema(example = "The check character of the citizen ID number does not match") String message) {

        public static FieldError of(String field, String code, String message) {
            return new FieldError(field, null, code, message);
        }
    }
}
