package org.psi.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A property that may be null and refers to a simple named schema (a month, an id, an instant) is
 * written in OpenAPI 3.0 as {@code allOf: [$ref], nullable: true}, which a null does not match, so a
 * client or validator refuses the answers PSI gives. Such a property becomes an inline copy of the
 * simple schema that allows null.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NullableReferencesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> named = openAPI.getComponents().getSchemas();
        named.values().forEach(s -> inline(s, named, 0));
    }

    private static void inline(Schema schema, Map<String, Schema> named, int depth) {
        if (schema == null || depth > 8) {
            return;
        }
        if (schema.getProperties() != null) {
            java.util.Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((name, property) -> inlined(property, named));
            schema.setProperties(properties);
            properties.values().forEach(p -> inline(p, named, depth + 1));
        }
        if (schema.getItems() != null) {
            schema.setItems(inlined(schema.getItems(), named));
            inline(schema.getItems(), named, depth + 1);
        }
    }

    /** {@code anyOf: [$ref simple, {type: null}]} (how the model says "that schema, or null") as an inline copy with null allowed. */
    private static Schema inlined(Schema property, Map<String, Schema> named) {
        if (property.getAnyOf() == null || property.getAnyOf().size() != 2) {
            return property;
        }
        Schema ref = property.getAnyOf().stream().filter(a -> a.getRef() != null).findFirst().orElse(null);
        boolean orNull = property.getAnyOf().stream().anyMatch(a -> a.getRef() == null && a.getType() != null
                && a.getType().equals(java.util.List.of(Schema.SchemaType.NULL)));
        if (ref == null || !orNull) {
            return property;
        }
        Schema target = named.get(ref.getRef().substring(ref.getRef().lastIndexOf('/') + 1));
        if (target == null || target.getType() == null || target.getType().isEmpty()
                || target.getType().contains(Schema.SchemaType.OBJECT) || target.getType().contains(Schema.SchemaType.ARRAY)) {
            return property;
        }
        java.util.List<Schema.SchemaType> types = new java.util.ArrayList<>(target.getType());
        types.add(Schema.SchemaType.NULL);
        return OASFactory.createSchema().type(types).format(target.getFormat()).pattern(target.getPattern())
                .enumeration(target.getEnumeration())
                .maxLength(target.getMaxLength()).minLength(target.getMinLength())
                .minimum(target.getMinimum()).maximum(target.getMaximum())
                .description(property.getDescription() != null ? property.getDescription() : target.getDescription())
                .examples(property.getExamples() != null ? property.getExamples() : target.getExamples());
    }
}
