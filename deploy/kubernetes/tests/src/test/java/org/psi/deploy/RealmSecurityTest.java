package org.psi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every realm PSI ships (the local stack's file, the compose import, the Kubernetes import as each
 * overlay renders it) guards its passwords: brute-force protection and a password policy; the
 * production imports send no app back to localhost; the verified citizen ID is only in the
 * optional scope psi-identity, only in access tokens, and only with the enrollment-service as an
 * audience.
 */
class RealmSecurityTest {

    static final String IDENTITY_SCOPE = "psi-identity";

    /** name -> realm, of every realm shipped. */
    static Map<String, JsonNode> realms() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        out.put("deploy/keycloak/psi-realm.json (local)", RealmImports.sourceRealm());
        out.putAll(productionRealms());
        return out;
    }

    static Map<String, JsonNode> productionRealms() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try {
            out.put("compose import", RealmImports.JSON.readTree(Repo.root().resolve(RealmImports.COMPOSE_FILE).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> overlays = new ArrayList<>(Repo.overlays());
        overlays.add(0, "base");
        for (String overlay : overlays) {
            Rendered r = Rendered.overlay(overlay);
            r.custom("KeycloakRealmImport").forEach(ri ->
                    out.put("Kubernetes import (" + overlay + ")", RealmImports.JSON.valueToTree(Rendered.get(ri, "spec", "realm"))));
        }
        return out;
    }

    static Stream<String> realmNames() {
        return realms().keySet().stream();
    }

    static Stream<String> productionRealmNames() {
        return productionRealms().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realmNames")
    void passwordsCannotBeGuessed(String name) {
        JsonNode realm = realms().get(name);
        assertTrue(realm.path("bruteForceProtected").asBoolean(false), name + ": brute-force protection is on");
        int failures = realm.path("failureFactor").asInt(0);
        assertTrue(failures >= 3 && failures <= 10, name + ": a login is locked after 3 to 10 failures, not " + failures);
        assertTrue(realm.path("waitIncrementSeconds").asInt(0) >= 30, name + ": locked for at least 30 s, then longer");
        assertTrue(realm.path("maxFailureWaitSeconds").asInt(0) >= 600, name + ": up to at least 10 minutes");
        String policy = realm.path("passwordPolicy").asText("");
        Matcher length = Pattern.compile("(?:^|and )length\\((\\d+)\\)").matcher(policy);
        assertTrue(length.find() && Integer.parseInt(length.group(1)) >= 12, name + ": passwords of at least 12 characters: " + policy);
        assertTrue(policy.contains("notUsername") && policy.contains("notEmail"), name + ": not the username or the e-mail: " + policy);
        for (JsonNode u : realm.path("users")) {
            for (JsonNode c : u.path("credentials")) {
                assertFalse(c.has("value"), name + ": " + u.path("username").asText() + " has a plain password, which the "
                        + "policy would refuse at import (store it hashed: secretData and credentialData)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productionRealmNames")
    void theProductionImportsSendNoAppToLocalhost(String name) {
        JsonNode realm = productionRealms().get(name);
        int publicClients = 0;
        for (JsonNode c : realm.path("clients")) {
            if (!c.path("publicClient").asBoolean(false)) {
                continue;
            }
            publicClients++;
            String id = c.path("clientId").asText();
            assertFalse(c.path("directAccessGrantsEnabled").asBoolean(true), name + ": " + id + " takes no passwords from apps");
            List<String> uris = new ArrayList<>();
            c.path("redirectUris").forEach(u -> uris.add(u.asText()));
            String logout = c.path("attributes").path("post.logout.redirect.uris").asText("");
            if (!logout.equals("+")) {
                uris.addAll(List.of(logout.split("##")));
            }
            c.path("webOrigins").forEach(u -> uris.add(u.asText()));
            for (String u : uris) {
                assertFalse(u.matches("(?i).*(localhost|127\\.0\\.0\\.1|\\[::1]).*"), name + ": " + id + " redirects to " + u);
                assertFalse(u.equals("*") || u.equals("/*"), name + ": " + id + " redirects anywhere: " + u);
            }
        }
        assertTrue(publicClients > 0, name + " has the apps' clients");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realmNames")
    void theVerifiedCitizenIdIsOnlyInTheOptionalScopeForTheEnrollmentService(String name) {
        JsonNode realm = realms().get(name);
        JsonNode scope = null;
        for (JsonNode s : realm.path("clientScopes")) {
            if (IDENTITY_SCOPE.equals(s.path("name").asText())) {
                scope = s;
            }
            for (JsonNode m : s.path("protocolMappers")) {
                if ("psi_national_id".equals(m.path("config").path("claim.name").asText())) {
                    assertEquals(IDENTITY_SCOPE, s.path("name").asText(), name + ": only the scope " + IDENTITY_SCOPE + " maps the ID");
                }
            }
        }
        assertNotNull(scope, name + " has the client scope " + IDENTITY_SCOPE);
        boolean claim = false;
        boolean audience = false;
        for (JsonNode m : scope.path("protocolMappers")) {
            JsonNode config = m.path("config");
            if ("psi_national_id".equals(config.path("claim.name").asText())) {
                claim = true;
                assertEquals("true", config.path("access.token.claim").asText(), name + ": the ID in the access token");
                assertEquals("false", config.path("id.token.claim").asText("false"), name + ": not in the ID token");
                assertEquals("false", config.path("userinfo.token.claim").asText("false"), name + ": not from userinfo");
                assertEquals("false", config.path("lightweight.claim").asText("false"), name + ": not in lightweight tokens");
            }
            if ("oidc-audience-mapper".equals(m.path("protocolMapper").asText())) {
                audience = "enrollment-service".equals(config.path("included.custom.audience").asText());
            }
        }
        assertTrue(claim && audience, name + ": " + IDENTITY_SCOPE + " adds the claim psi_national_id and the audience enrollment-service");
        realm.path("defaultDefaultClientScopes").forEach(s -> assertFalse(IDENTITY_SCOPE.equals(s.asText()), name + ": never a default scope"));
        realm.path("defaultOptionalClientScopes").forEach(s -> assertFalse(IDENTITY_SCOPE.equals(s.asText()),
                name + ": not offered to every new client"));
        List<String> offeredBy = new ArrayList<>();
        for (JsonNode c : realm.path("clients")) {
            c.path("defaultClientScopes").forEach(s -> assertFalse(IDENTITY_SCOPE.equals(s.asText()),
                    name + ": " + c.path("clientId").asText() + " would put the ID in every token"));
            c.path("optionalClientScopes").forEach(s -> {
                if (IDENTITY_SCOPE.equals(s.asText())) {
                    offeredBy.add(c.path("clientId").asText());
                }
            });
        }
        assertEquals(List.of("psi-mobile"), offeredBy, name + ": the workers' app alone may ask for it");
    }

    @Test
    void everyDemoWorkerHasAVerifiedCitizenId() {
        JsonNode realm = RealmImports.sourceRealm();
        int workers = 0;
        for (JsonNode u : realm.path("users")) {
            boolean worker = false;
            for (JsonNode role : u.path("realmRoles")) {
                worker |= "worker".equals(role.asText());
            }
            if (!worker) {
                assertTrue(u.path("attributes").path("nationalId").isMissingNode(), u.path("username").asText() + " is no worker");
                continue;
            }
            workers++;
            String id = u.path("attributes").path("nationalId").path(0).asText("");
            assertTrue(validCitizenId(id), u.path("username").asText() + " has a valid verified citizen ID: " + id);
        }
        assertTrue(workers >= 5, "the demo workers: " + workers);
    }

    static boolean validCitizenId(String id) {
        if (!id.matches("\\d{17}[\\dX]")) {
            return false;
        }
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11) == id.charAt(17);
    }
}
