package org.psi.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI document a production service serves: the public API only. With
 * {@code psi.openapi.public-only=true} (set in {@code %prod}) every path under {@code /internal}
 * (service to service, role {@code internal}, never published by the Ingress) is left out of
 * {@code /q/openapi}; docs/INTERNAL-API.md documents them. Runs when the application starts, so
 * the same build serves both documents. It also names the server the document describes
 * ({@code psi.openapi.server-url}: where this service is reached, by default on this host and port;
 * production sets the public address, {@code PSI_PUBLIC_URL}), for whom ({@code x-internal}: false
 * for the public document, true for the one with the internal endpoints) and in which environment.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PublicDocumentFilter implements OASFilter {

    public static final String PUBLIC_ONLY = "psi.openapi.public-only";
    public static final String INTERNAL_PREFIX = "/internal";
    public static final String SERVER_URL = "psi.openapi.server-url";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean publicOnly = ConfigProvider.getConfig().getOptionalValue(PUBLIC_ONLY, Boolean.class).orElse(false);
        if (publicOnly) {
            removeInternal(openAPI);
        }
        var config = ConfigProvider.getConfig();
        String url = config.getOptionalValue(SERVER_URL, String.class)
                .orElseGet(() -> "http://localhost:" + config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080));
        String title = openAPI.getInfo() == null || openAPI.getInfo().getTitle() == null ? "this service" : openAPI.getInfo().getTitle();
        // the whole address is a variable: one document for the local stack and for a deployment;
        // the public document's server is the public address (x-internal: false), the other one
        // this service itself, internal endpoints included (x-internal: true)
        openAPI.setServers(List.of(OASFactory.createServer().url("{origin}")
                .description(title + (publicOnly ? " in production, at its public address"
                        : " on the local stack or in a test, at its own address with its internal endpoints"))
                .addExtension("x-internal", !publicOnly)
                .addVariable("origin", OASFactory.createServerVariable().defaultValue(url)
                        .description("Where the service is reached: the local stack's address by default, the public one in production"))));
        // the realm this service trusts: its discovery document, as configured where it runs
        config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).filter(u -> u.startsWith("http"))
                .ifPresent(realm -> {
                    if (openAPI.getComponents() != null && openAPI.getComponents().getSecuritySchemes() != null) {
                        openAPI.getComponents().getSecuritySchemes().values().stream()
                                .filter(scheme -> scheme.getType() == org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.OPENIDCONNECT)
                                .forEach(scheme -> scheme.setOpenIdConnectUrl(realm.replaceAll("/+$", "") + "/.well-known/openid-configuration"));
                    }
                });
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
