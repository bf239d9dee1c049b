package org.psi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The files generated from deploy/keycloak/psi-realm.json are committed (so that
 * {@code kubectl apply -k} and {@code docker compose up} work from a clone) and must be what the
 * generator makes of the current realm file. {@code -Dpsi.deploy.regenerate=true} rewrites them.
 */
class GeneratedFilesTest {

    @BeforeAll
    static void regenerateWhenAsked() {
        if (Boolean.getBoolean("psi.deploy.regenerate")) {
            RealmImports.writeAll();
        }
    }

    @Test
    void theKubernetesRealmImportIsGeneratedFromTheRealmFile() throws IOException {
        JsonNode source = RealmImports.sourceRealm();
        Path file = Repo.root().resolve(RealmImports.KUBERNETES_FILE);
        assertEquals(RealmImports.YAML.readTree(RealmImports.kubernetesText(source)), RealmImports.YAML.readTree(file.toFile()),
                file + " is stale: deploy/keycloak/psi-realm.json changed. Regenerate: "
                        + "./mvnw -pl deploy/kubernetes/tests verify -Dpsi.deploy.regenerate=true");
    }

    @Test
    void theComposeRealmIsGeneratedFromTheRealmFile() throws IOException {
        JsonNode source = RealmImports.sourceRealm();
        Path file = Repo.root().resolve(RealmImports.COMPOSE_FILE);
        assertEquals(RealmImports.JSON.readTree(RealmImports.composeText(source)), RealmImports.JSON.readTree(file.toFile()),
                file + " is stale: deploy/keycloak/psi-realm.json changed. Regenerate: "
                        + "./mvnw -pl deploy/kubernetes/tests verify -Dpsi.deploy.regenerate=true");
    }
}
