package org.psi.common.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of a service's OpenAPI document that every service's {@code OpenApiTest} runs. */
public final class OpenApiChecks {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiChecks() {
    }

    /** Every operation of {@code paths} (the document's {@code paths} object) has an operationId (a generated client's method name), unique in the document. */
    public static void everyOperationHasAUniqueOperationId(Map<String, Map<String, Object>> paths) {
        List<String> ids = new ArrayList<>();
        List<String> without = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Object id = ((Map<?, ?>) operation).get("operationId");
            if (id == null) {
                without.add(method.toUpperCase() + " " + path);
            } else {
                ids.add(id.toString());
            }
        }));
        assertEquals(List.of(), without, "operations without an operationId");
        List<String> repeated = new ArrayList<>(ids);
        new HashSet<>(ids).forEach(repeated::remove);
        assertEquals(List.of(), repeated, "operationIds used twice");
    }
}
