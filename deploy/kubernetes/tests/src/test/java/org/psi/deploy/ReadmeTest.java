package org.psi.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/README.md tells an operator what to create: every Secret and key the manifests name, every .env variable. */
class ReadmeTest {

    static String readme() {
        return Repo.read(Repo.root().resolve("deploy/README.md"));
    }

    @Test
    void everySecretAndKeyTheManifestsReferenceIsDocumented() {
        Set<String> refs = new TreeSet<>();
        for (String overlay : Repo.overlays()) {
            Rendered r = Rendered.overlay(overlay);
            for (Deployment d : r.all(Deployment.class)) {
                for (EnvVar e : Optional.ofNullable(Rendered.container(d).getEnv()).orElse(List.of())) {
                    if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                        refs.add(e.getValueFrom().getSecretKeyRef().getName() + " " + e.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
            for (GenericKubernetesResource c : r.custom("Cluster")) {
                for (Map<String, Object> role : Rendered.list(c, "spec", "managed", "roles")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> ps = (Map<String, Object>) role.get("passwordSecret");
                    refs.add(ps.get("name") + " password");
                }
                String boot = Rendered.str(c, "spec", "bootstrap", "initdb", "secret", "name");
                if (boot != null) {
                    refs.add(boot + " password");
                }
            }
            for (GenericKubernetesResource os : r.custom("ObjectStore")) {
                for (String k : List.of("accessKeyId", "secretAccessKey")) {
                    refs.add(Rendered.str(os, "spec", "configuration", "s3Credentials", k, "name") + " "
                            + Rendered.str(os, "spec", "configuration", "s3Credentials", k, "key"));
                }
            }
            for (GenericKubernetesResource kc : r.custom("Keycloak")) {
                for (String k : List.of("usernameSecret", "passwordSecret")) {
                    refs.add(Rendered.str(kc, "spec", "db", k, "name") + " " + Rendered.str(kc, "spec", "db", k, "key"));
                }
            }
            for (GenericKubernetesResource ri : r.custom("KeycloakRealmImport")) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Map<String, Object>>> ph = (Map<String, Map<String, Map<String, Object>>>) Rendered.get(ri, "spec", "placeholders");
                ph.values().forEach(p -> refs.add(p.get("secret").get("name") + " " + p.get("secret").get("key")));
            }
            for (Ingress i : r.all(Ingress.class)) {
                i.getSpec().getTls().forEach(t -> refs.add(t.getSecretName() + " tls.crt"));
            }
        }
        String readme = readme();
        List<String> missing = new ArrayList<>();
        for (String ref : refs) {
            String[] nk = ref.split(" ");
            int row = readme.indexOf("| `" + nk[0] + "`");
            if (row < 0 || !readme.substring(row, readme.indexOf('\n', row)).contains("`" + nk[1] + "`")) {
                missing.add(nk[0] + " / " + nk[1]);
            }
        }
        assertTrue(missing.isEmpty(), "deploy/README.md's Secret table lacks: " + missing);
    }

    @Test
    void everyComposeVariableIsDocumented() throws IOException {
        Properties example = new Properties();
        example.load(new StringReader(Repo.read(Repo.compose().resolve(".env.example"))));
        String readme = readme();
        List<String> missing = example.stringPropertyNames().stream().filter(v -> !readme.contains("`" + v + "`")).sorted().toList();
        assertTrue(missing.isEmpty(), "deploy/README.md does not explain " + missing);
    }

    @Test
    void everyOverlayIsDescribed() {
        String readme = readme();
        for (String overlay : Repo.overlays()) {
            assertTrue(readme.contains("`overlays/" + overlay + "`"), "deploy/README.md describes overlays/" + overlay);
        }
    }
}
