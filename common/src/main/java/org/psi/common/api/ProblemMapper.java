package org.psi.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.psi.common.domain.InvalidValueException;

/**
 * The one problem+json mapping of every PSI service: each failure becomes an RFC 9457 body with
 * a stable {@code type}, never a stack trace or a class name.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidValueException e) {
        return respond(validation(List.of(Problem.FieldError.of(e.field(), e.code(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.FieldError.of(fieldOf(v), codeOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(validation(errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return respond(validation(List.of(Problem.FieldError.of(u.getPropertyName(), "UNKNOWN_FIELD",
                    "The field " + u.getPropertyName() + " is not part of this request"))));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = ((MismatchedInputException) e).getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (!field.isEmpty()) {
                return respond(validation(List.of(Problem.FieldError.of(field, "INVALID_TYPE",
                        "The field " + field + " has the wrong type or format"))));
            }
        }
        return respond(new Problem(Problem.TYPE_BASE + "malformed-body", "Malformed request body", 400,
                "The request body is not well-formed JSON of the expected shape", null));
    }

    /**
     * Quarkus maps this subtype itself, to a bare 500. Jackson raises it, while reading a request
     * body, when a field comes again after every field of the body's record has been read
     * ({@code {"scheme": "PENSION", "toRegion": "x", "toRegion": "310000"}}): the client's error.
     * Every other definition problem stays an internal error.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response invalidDefinition(InvalidDefinitionException e) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e.getOriginalMessage();
        if (field.isEmpty() || message == null || !message.startsWith("No fallback setter/field defined for creator property")) {
            return internal(e);
        }
        return respond(validation(List.of(Problem.FieldError.of(field, "DUPLICATE_FIELD",
                "The field " + field + " is given more than once"))));
    }

    /** Quarkus maps this subtype itself; this keeps it a problem like every other JSON error. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this request", null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Client error";
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "This resource cannot answer in the media type asked for";
            case 413 -> "The request body is larger than this endpoint accepts";
            case 415 -> "This endpoint does not accept that content type";
            case 401 -> "A valid bearer token is required";
            default -> e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage() : title;
        };
        if (status == 401) {
            return unauthorized();
        }
        String type = title.toLowerCase().replace(' ', '-');
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + type, title, status, detail, null));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response internal(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "Something went wrong on our side; quote incident " + incident, null));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response unauthorized() {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                        "A valid bearer token is required", null))
                .build();
    }

    public static Problem validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields";
        return new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, errors);
    }

    /** The property path without the method and parameter names: {@code register.body.phone} -> {@code phone}. */
    private static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    && "body".equals(node.getName())) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && field.isEmpty()) {
                field.append(node.getName());
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String codeOf(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
            case "Size" -> "INVALID_SIZE";
            case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" -> "OUT_OF_RANGE";
            case "Pattern" -> "INVALID_FORMAT";
            default -> "INVALID";
        };
    }
}
