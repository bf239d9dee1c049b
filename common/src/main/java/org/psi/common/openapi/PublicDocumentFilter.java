package org.psi.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI document a production service serves: the public API only. With
 * {@code psi.openapi.public-only=true} (set in {@code %prod}) every path under {@code /internal}
 * (service to service, role {@code internal}, never published by the Ingress) is left out of
 * {@code /q/openapi}; docs/INTERNAL-API.md documents them. Runs when the application starts, so
 * the same build serves both documents.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PublicDocumentFilter implements OASFilter {

    public static final String PUBLIC_ONLY = "psi.openapi.public-only";
    public static final String INTERNAL_PREFIX = "/internal";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean publicOnly = ConfigProvider.getConfig().getOptionalValue(PUBLIC_ONLY, Boolean.class).orElse(false);
        if (publicOnly) {
            removeInternal(openAPI);
        }
    }

    /** Removes every path under {@code /internal}. */
    public static void removeInternal(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> internal = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(p -> p.equals(INTERNAL_PREFIX) || p.startsWith(INTERNAL_PREFIX + "/")).toList();
        internal.forEach(openAPI.getPaths()::removePathItem);
    }
}
