package org.psi.common.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the OpenAPI document describes one field of an answer, or an object of named fields: type,
 * whether it may be null, an example, a description. Plain data; the OpenAPI document is written from
 * it by {@code org.psi.common.openapi.StatisticsDocumentFilter}.
 *
 * @param type      {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array},
 *                  {@code object}, or null for a bare reference
 * @param ref       the name of a component schema the field is (or, for an array, holds)
 * @param fields    an object's fields, in order
 * @param maxItems  the most items of an array
 */
public record FieldDoc(String type, String format, boolean nullable, Object example, String description,
                       String ref, Map<String, FieldDoc> fields, Integer maxItems) {

    public FieldDoc {
        fields = fields == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A count or sum of a cell: a 64-bit integer, null when withheld. */
    public static FieldDoc count(long example) {
        return new FieldDoc("integer", "int64", true, example, null, null, null, null);
    }

    public static FieldDoc decimal() {
        return new FieldDoc("number", null, false, null, null, null, null, null);
    }

    public static FieldDoc flag() {
        return new FieldDoc("boolean", null, false, null, null, null, null, null);
    }

    /** An array of at most {@code maxItems} of the component schema {@code schema}. */
    public static FieldDoc listOf(String schema, int maxItems) {
        return new FieldDoc("array", null, false, null, null, schema, null, maxItems);
    }

    /** The component schema {@code schema}, as a field of {@code type} (or a bare reference when null). */
    public static FieldDoc ref(String schema, String type) {
        return new FieldDoc(type, null, false, null, null, schema, null, null);
    }

    /** An object of no fields yet; see {@link #field}. */
    public static FieldDoc object(String description) {
        return new FieldDoc("object", null, false, null, description, null, new LinkedHashMap<>(), null);
    }

    public FieldDoc field(String name, FieldDoc doc) {
        Map<String, FieldDoc> more = new LinkedHashMap<>(fields);
        more.put(name, doc);
        return new FieldDoc(type, format, nullable, example, description, ref, more, maxItems);
    }

    public FieldDoc example(Object example) {
        return new FieldDoc(type, format, nullable, example, description, ref, fields, maxItems);
    }

    public FieldDoc described(String description) {
        return new FieldDoc(type, format, nullable, example, description, ref, fields, maxItems);
    }

    public FieldDoc orNull() {
        return new FieldDoc(type, format, true, example, description, ref, fields, maxItems);
    }
}
