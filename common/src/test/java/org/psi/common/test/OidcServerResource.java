package org.psi.common.test;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The OIDC test server of every PSI service test: Quarkus' {@link OidcWiremockTestResource} (real
 * discovery document and JWKS; tokens signed by {@link Tokens}), plus a client-credentials token
 * endpoint that hands PSI's services an {@code internal} token for their calls to each other.
 *
 * <p>Services read {@code psi.test.oidc-url} (the realm URL) for {@code quarkus.oidc.auth-server-url}
 * and {@code quarkus.oidc-client.auth-server-url}.
 */
public class OidcServerResource extends OidcWiremockTestResource {

    public static final String REALM_PATH = "/auth/realms/quarkus";
    /** The client id in the internal tokens this server issues for client credentials to an unknown client. */
    public static final String SERVICE_CLIENT = "psi-service";
    /**
     * PSI's own confidential clients: a client-credentials request that names one of them
     * ({@code client_id} in the form, as with {@code client_secret_post}) gets a token issued to it,
     * as Keycloak would, so that what a service may read of another is decided by its client id in
     * tests as in production.
     */
    public static final java.util.List<String> SERVICE_CLIENTS = java.util.List.of("contribution-service", "transfer-service",
            "enrollment-service");

    @Override
    public Map<String, String> start() {
        Map<String, String> conf = new HashMap<>(super.start());
        URI base = URI.create(conf.get("keycloak.url"));
        WireMock admin = new WireMock(base.getHost(), base.getPort());
        for (String client : SERVICE_CLIENTS) {
            admin.register(post(urlPathEqualTo(REALM_PATH + "/token"))
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .withRequestBody(containing("client_id=" + client))
                    .atPriority(1)
                    .willReturn(tokenResponse(Tokens.internal(client))));
        }
        admin.register(post(urlPathEqualTo(REALM_PATH + "/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .atPriority(2)
                .willReturn(tokenResponse(Tokens.internal(SERVICE_CLIENT))));
        conf.put("psi.test.oidc-url", conf.get("keycloak.url") + "/realms/quarkus");
        return conf;
    }

    /**
     * Makes the test server's introspection endpoint call {@code token} active, for a worker
     * {@code subject} with the audience psi-api: what a service that falls back to introspection
     * would accept. {@code keycloakUrl} is the {@code keycloak.url} of the test configuration.
     */
    public static void activeOnIntrospection(String keycloakUrl, String token, String subject) {
        URI base = URI.create(keycloakUrl);
        long now = System.currentTimeMillis() / 1000;
        new WireMock(base.getHost(), base.getPort()).register(post(urlPathEqualTo(REALM_PATH + "/protocol/openid-connect/token/introspect"))
                .withRequestBody(containing("token=" + token))
                .atPriority(1)
                .willReturn(okJson("{\"active\":true,\"sub\":\"" + subject + "\",\"username\":\"" + subject + "\","
                        + "\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"typ\":\"Bearer\","
                        + "\"realm_access\":{\"roles\":[\"worker\"]},\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenResponse(String token) {
        return okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3000}");
    }
}
