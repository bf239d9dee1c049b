package org.psi.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The bounds that are the same wherever a kind of value appears, written into every schema of the
 * document that does not state its own (after the other filters, so that their schemas get them too):
 * <ul>
 * <li>a UUID ({@code format: uuid}) is at most 36 characters: its text form, the only one
 * {@link java.util.UUID#fromString} takes;</li>
 * <li>a day ({@code format: date}, {@code YYYY-MM-DD}) at most 10;</li>
 * <li>an instant ({@code format: date-time}, written by {@link java.time.Instant#toString}) at most
 * {@value #INSTANT_MAX_LENGTH}, the length of the latest instant Java has
 * ({@code +1000000000-12-31T23:59:59.999999999Z});</li>
 * <li>a month ({@code YYYY-MM}, {@link #MONTH_PATTERN}) at most 7;</li>
 * <li>an integer the range of its format: a Java {@code int} ({@code int32}) or {@code long}
 * ({@code int64}) holds no other, and a body or parameter beyond it is refused as not a number of
 * its type; a schema that knows a narrower range states it;</li>
 * <li>a string that is one of the named schemas ({@code allOf: [$ref]}, as a property with an
 * example or description of its own is written) the length of that schema: its bound, or its longest
 * value if it is an enumeration.</li>
 * </ul>
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = BoundsFilter.LAST)
public class BoundsFilter implements OASFilter {

    /** Below every other filter of the document: they run first (Quarkus runs the highest priority first). */
    static final int LAST = -1000;
    /** The pattern of a month, {@code YYYY-MM}. */
    public static final String MONTH_PATTERN = org.psi.common.domain.Periods.MONTH_PATTERN;
    public static final int UUID_LENGTH = 36;
    public static final int DAY_LENGTH = 10;
    public static final int MONTH_LENGTH = 7;
    public static final int INSTANT_MAX_LENGTH = 37;

    @Override
    public Schema filterSchema(Schema schema) {
        List<SchemaType> types = schema.getType();
        if (types == null) {
            return schema;
        }
        if (types.contains(SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            Integer max = maxLength(schema.getFormat(), schema.getPattern());
            if (max != null) {
                schema.setMaxLength(max);
            }
        }
        if (types.contains(SchemaType.INTEGER) && ("int32".equals(schema.getFormat()) || "int64".equals(schema.getFormat()))) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> named = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        named.values().forEach(s -> lengthOfReference(s, named, seen));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            List<Parameter> parameters = new ArrayList<>(item.getParameters() == null ? List.of() : item.getParameters());
            for (Operation op : item.getOperations().values()) {
                if (op.getParameters() != null) {
                    parameters.addAll(op.getParameters());
                }
                if (op.getRequestBody() != null) {
                    content(op.getRequestBody().getContent(), named, seen);
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                        content(r.getContent(), named, seen);
                        if (r.getHeaders() != null) {
                            r.getHeaders().values().forEach(h -> lengthOfReference(h.getSchema(), named, seen));
                        }
                    }
                }
            }
            parameters.forEach(p -> lengthOfReference(p.getSchema(), named, seen));
        }
    }

    private static void content(Content content, Map<String, Schema> named, Set<Schema> seen) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> lengthOfReference(m.getSchema(), named, seen));
        }
    }

    /** Gives a string that is {@code allOf} a named schema the length of that schema, here and in every schema below. */
    private static void lengthOfReference(Schema s, Map<String, Schema> named, Set<Schema> seen) {
        if (s == null || !seen.add(s)) {
            return;
        }
        // a reference with a type and an example of its own: written as allOf: [$ref] in OpenAPI 3.0
        List<Schema> refs = s.getRef() != null && s.getType() != null ? List.of(s) : s.getAllOf();
        if (s.getMaxLength() == null && refs != null) {
            for (Schema part : refs) {
                Schema target = part.getRef() == null ? null : named.get(part.getRef().substring(part.getRef().lastIndexOf('/') + 1));
                if (target != null && target.getType() != null && target.getType().contains(SchemaType.STRING)) {
                    // the named schema may get its own bound only after this (SmallRye filters the document before its parts)
                    Integer max = target.getMaxLength() != null ? target.getMaxLength()
                            : target.getEnumeration() != null ? target.getEnumeration().stream().mapToInt(v -> String.valueOf(v).length()).max().orElse(0)
                            : maxLength(target.getFormat(), target.getPattern());
                    if (max != null) {
                        s.setMaxLength(max);
                    }
                }
            }
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> lengthOfReference(p, named, seen));
        }
        lengthOfReference(s.getItems(), named, seen);
        lengthOfReference(s.getAdditionalPropertiesSchema(), named, seen);
        for (List<Schema> parts : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (parts != null) {
                parts.forEach(p -> lengthOfReference(p, named, seen));
            }
        }
    }

    /** The longest text of a string of this format or pattern, or null if neither says. */
    static Integer maxLength(String format, String pattern) {
        if (format != null) {
            switch (format) {
                case "uuid":
                    return UUID_LENGTH;
                case "date":
                    return DAY_LENGTH;
                case "date-time":
                    return INSTANT_MAX_LENGTH;
                default:
                    break;
            }
        }
        return MONTH_PATTERN.equals(pattern) ? MONTH_LENGTH : null;
    }
}
