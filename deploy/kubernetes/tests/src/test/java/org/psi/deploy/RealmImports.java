package org.psi.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The realm that a real deployment imports, derived from deploy/keycloak/psi-realm.json (the
 * realm of the local stack) by one fixed rule, so the two never drift and nobody copies it by hand:
 * <ul>
 * <li>roles, client scopes, mappers, token lifetimes and every other realm setting: unchanged;</li>
 * <li>public clients (the apps): kept, with direct access grants (passwords sent by the app) off and
 * without the local stack's redirect URIs ({@code localhost}, {@code 127.0.0.1}: the app's own
 * {@code org.psi.mobile:/oauth2redirect} stays; a deployment adds its hosts' in Keycloak);</li>
 * <li>confidential clients: only PSI's own services are kept, their secret replaced by a
 * placeholder {@code ${PSI_CLIENT_SECRET_<CLIENT>}} that the import resolves from a Secret; the demo
 * platforms and test clients stay local (platforms are onboarded by an admin, each with its own
 * client);</li>
 * <li>users: only the service accounts of the kept clients; the demo people and their passwords
 * stay local.</li>
 * </ul>
 * Written to deploy/kubernetes/base/keycloak/psi-realm-import.yaml (a KeycloakRealmImport whose
 * placeholders read the Secret psi-oidc-clients) and deploy/compose/keycloak/psi-realm.json (read
 * by {@code kc.sh start --import-realm}, placeholders from the environment).
 */
final class RealmImports {

    static final String SECRET = "psi-oidc-clients";
    static final String KEYCLOAK_CR = "psi-keycloak";
    static final String IMPORT_NAME = "psi-realm";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    static final Path KUBERNETES_FILE = Path.of("deploy/kubernetes/base/keycloak/psi-realm-import.yaml");
    static final Path COMPOSE_FILE = Path.of("deploy/compose/keycloak/psi-realm.json");

    private RealmImports() {
    }

    static String placeholder(String clientId) {
        return "PSI_CLIENT_SECRET_" + QuarkusService.envName(clientId);
    }

    static JsonNode sourceRealm() {
        try {
            return JSON.readTree(Repo.realmFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm for a real deployment, from the local realm (see the class comment). */
    static ObjectNode deploymentRealm(JsonNode source) {
        ObjectNode realm = source.deepCopy();
        Set<String> kept = new TreeSet<>();
        ArrayNode clients = JSON.createArrayNode();
        for (JsonNode c : source.path("clients")) {
            ObjectNode client = c.deepCopy();
            String id = c.path("clientId").asText();
            if (c.path("publicClient").asBoolean(false)) {
                client.put("directAccessGrantsEnabled", false);
                ArrayNode redirects = JSON.createArrayNode();
                c.path("redirectUris").forEach(u -> {
                    if (!isLocal(u.asText())) {
                        redirects.add(u);
                    }
                });
                client.set("redirectUris", redirects);
            } else if (Repo.SERVICES.contains(id)) {
                client.put("secret", "${" + placeholder(id) + "}");
            } else {
                continue;
            }
            kept.add(id);
            clients.add(client);
        }
        realm.set("clients", clients);
        ArrayNode users = JSON.createArrayNode();
        for (JsonNode u : source.path("users")) {
            if (u.hasNonNull("serviceAccountClientId") && kept.contains(u.get("serviceAccountClientId").asText())) {
                users.add(u.deepCopy());
            }
        }
        realm.set("users", users);
        JsonNode clientRoles = realm.path("roles").path("client");
        if (clientRoles instanceof ObjectNode cr) {
            cr.retain(kept);
        }
        return realm;
    }

    /** A redirect URI of the local stack: an http(s) URI on this machine. */
    static boolean isLocal(String uri) {
        return uri.matches("(?i)https?://(localhost|127\\.[0-9.]+|\\[::1])([:/].*)?");
    }

    /** Placeholder name -> clientId, for the confidential clients of the deployment realm. */
    static Map<String, String> placeholders(JsonNode realm) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode c : realm.path("clients")) {
            String secret = c.path("secret").asText("");
            if (secret.startsWith("${") && secret.endsWith("}")) {
                out.put(secret.substring(2, secret.length() - 1), c.path("clientId").asText());
            }
        }
        return out;
    }

    static ObjectNode kubernetesImport(JsonNode source) {
        ObjectNode realm = deploymentRealm(source);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        doc.put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", IMPORT_NAME);
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK_CR);
        ObjectNode ph = spec.putObject("placeholders");
        placeholders(realm).forEach((name, clientId) ->
                ph.putObject(name).putObject("secret").put("name", SECRET).put("key", clientId));
        spec.set("realm", realm);
        return doc;
    }

    static String kubernetesText(JsonNode source) {
        try {
            return "# GENERATED from deploy/keycloak/psi-realm.json by the deploy tests (RealmImports.java): do not edit.\n"
                    + "# Regenerate: ./mvnw -pl deploy/kubernetes/tests verify -Dpsi.deploy.regenerate=true\n"
                    + YAML.writeValueAsString(kubernetesImport(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String composeText(JsonNode source) {
        try {
            return JSON.writeValueAsString(deploymentRealm(source)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeAll() {
        JsonNode source = sourceRealm();
        write(Repo.root().resolve(KUBERNETES_FILE), kubernetesText(source));
        write(Repo.root().resolve(COMPOSE_FILE), composeText(source));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
