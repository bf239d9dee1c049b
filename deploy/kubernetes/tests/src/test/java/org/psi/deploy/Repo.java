package org.psi.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are in the PSI repository, as seen from the deploy tests. */
final class Repo {

    /** The services that the manifests deploy: module directory = artifactId = Kubernetes name. */
    static final List<String> SERVICES = List.of("enrollment-service", "contribution-service", "transfer-service");

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("psi.repo");
        Path start = configured == null || configured.isBlank() || configured.contains("${")
                ? Path.of("").toAbsolutePath() : Path.of(configured).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("deploy/kubernetes"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the PSI repository root above " + start);
    }

    static Path kubernetes() {
        return root().resolve("deploy/kubernetes");
    }

    static Path compose() {
        return root().resolve("deploy/compose");
    }

    static Path realmFile() {
        return root().resolve("deploy/keycloak/psi-realm.json");
    }

    /** Every overlay directory under deploy/kubernetes/overlays, by name. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(kubernetes().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
