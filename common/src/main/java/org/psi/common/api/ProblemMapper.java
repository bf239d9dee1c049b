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
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.i18n.Languages;
import org.psi.common.i18n.Message;
import org.psi.common.i18n.Messages;

/**
 * The one problem+json mapping of every PSI service: each failure becomes an RFC 9457 body with
 * a stable {@code type}, never a stack trace or a class name. Its {@code title}, {@code detail} and
 * field messages are in the language of the request's {@code Accept-Language} ({@link Languages}),
 * its {@code type} and codes never change.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** The client errors {@link #web} has a title for in the catalogue ({@code common.status.<code>}). */
    private static final Set<Integer> TITLED = Set.of(400, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412,
            413, 414, 415, 416, 417, 428, 429, 431);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        return respond(e, headers);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidValueException e, HttpHeaders headers) {
        return respond(ProblemException.validation(List.of(InvalidField.of(e.field(), e.code(), e.message()))), headers);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers) {
        List<InvalidField> errors = e.getConstraintViolations().stream()
                .map(v -> InvalidField.of(fieldOf(v), codeOf(v), messageOf(v)))
                .sorted(Comparator.comparing(InvalidField::field))
                .collect(Collectors.toList());
        return respond(ProblemException.validation(errors), headers);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers) {
        if (e instanceof UnrecognizedPropertyException u) {
            return respond(ProblemException.invalid(u.getPropertyName(), "UNKNOWN_FIELD",
                    "common.json.unknown-field", u.getPropertyName()), headers);
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = ((MismatchedInputException) e).getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (!field.isEmpty()) {
                return respond(ProblemException.invalid(field, "INVALID_TYPE", "common.json.invalid-type", field), headers);
            }
        }
        return respond(ProblemException.malformedBody("common.json.malformed"), headers);
    }

    /**
     * Quarkus maps this subtype itself, to a bare 500. Jackson raises it, while reading a request
     * body, when a field comes again after every field of the body's record has been read
     * ({@code {"scheme": "PENSION", "toRegion": "x", "toRegion": "310000"}}): the client's error.
     * Every other definition problem stays an internal error.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response invalidDefinition(InvalidDefinitionException e, HttpHeaders headers) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e.getOriginalMessage();
        if (field.isEmpty() || message == null || !message.startsWith("No fallback setter/field defined for creator property")) {
            return internal(e, headers);
        }
        return respond(ProblemException.invalid(field, "DUPLICATE_FIELD", "common.json.duplicate-field", field), headers);
    }

    /** Quarkus maps this subtype itself; this keeps it a problem like every other JSON error. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers) {
        return json(e, headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers) {
        return unauthorized(headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers) {
        return unauthorized(headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return respond(ProblemException.forbidden("common.forbidden.role"), headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, headers);
        }
        if (status == 401) {
            return unauthorized(headers);
        }
        // the type is made of the English reason phrase, whatever the language of the answer
        String english = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Client error";
        Message title = TITLED.contains(status) ? Message.of("common.status." + status) : Message.of("common.status.other");
        Message detail = switch (status) {
            case 404 -> Message.of("common.web.no-resource");
            case 405 -> Message.of("common.web.method-not-allowed");
            case 406 -> Message.of("common.web.not-acceptable");
            case 413 -> Message.of("common.web.body-too-large");
            case 415 -> Message.of("common.web.unsupported-media-type");
            // the framework's own English words, in English only; the title in any other language
            default -> e.getMessage() != null && !e.getMessage().startsWith("HTTP ")
                    && Languages.of(headers).equals(Languages.ENGLISH) ? Message.verbatim(e.getMessage()) : title;
        };
        String type = english.toLowerCase().replace(' ', '-');
        Response.ResponseBuilder builder = builder(new ProblemException(status, type, title, detail), Languages.of(headers));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response internal(Throwable e, HttpHeaders headers) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(new ProblemException(500, "internal", Message.of("common.title.internal"),
                Message.of("common.internal.incident", incident)), headers);
    }

    /** The problem answer of {@code problem} in the language the request asks for. */
    public static Response respond(ProblemException problem, HttpHeaders headers) {
        return respond(problem, Languages.of(headers));
    }

    public static Response respond(ProblemException problem, Locale locale) {
        return builder(problem, locale).build();
    }

    /**
     * The answer of a problem in {@code locale}: its body, {@code Content-Language} and
     * {@code Vary: Accept-Language} (the same request in another language gets other words).
     */
    public static Response.ResponseBuilder builder(ProblemException problem, Locale locale) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(problem.toProblem(locale));
    }

    private static Response unauthorized(HttpHeaders headers) {
        return builder(new ProblemException(401, "unauthorized", Message.of("common.title.unauthorized"),
                Message.of("common.unauthorized.bearer")), Languages.of(headers))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /**
     * A constraint's message: a PSI catalogue key where the constraint names one
     * ({@code @Pattern(message = "{enrollment.phone.format}")}), else Bean Validation's own words,
     * already in the request's language ({@link org.psi.common.i18n.RequestLocaleResolver}).
     */
    private static Message messageOf(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        if (template != null && template.length() > 2 && template.startsWith("{") && template.endsWith("}")) {
            String key = template.substring(1, template.length() - 1);
            if (!key.startsWith("jakarta.") && !key.startsWith("org.hibernate.") && Messages.exists(key)) {
                return Message.of(key);
            }
        }
        return Message.verbatim(v.getMessage());
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
