package org.psi.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An overlay rendered by {@code kubectl kustomize} and loaded document by document into the
 * fabric8 Kubernetes model: built-in kinds as their typed classes (Deployment, Service, ...),
 * the operators' kinds (CloudNativePG, Keycloak) as {@link GenericKubernetesResource}.
 */
final class Rendered {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final String name;
    final List<HasMetadata> resources;

    private Rendered(String name, List<HasMetadata> resources) {
        this.name = name;
        this.resources = resources;
    }

    /** The overlay deploy/kubernetes/overlays/NAME, or the base for "base". */
    static Rendered overlay(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            Path dir = "base".equals(n) ? Repo.kubernetes().resolve("base") : Repo.kubernetes().resolve("overlays/" + n);
            return new Rendered(n, load(kustomize(dir)));
        });
    }

    static String kustomize(Path dir) {
        String kubectl = System.getProperty("psi.kubectl", "kubectl");
        if (kubectl.isBlank() || kubectl.contains("${")) {
            kubectl = "kubectl";
        }
        List<String> command = List.of(kubectl, "kustomize", dir.toString());
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + kubectl + " (" + e.getMessage() + "): the deploy tests render the "
                    + "overlays with `kubectl kustomize`; .ci/run installs kubectl when it is missing, or pass "
                    + "-Dpsi.kubectl=/path/to/kubectl", e);
        }
        try (InputStream out = p.getInputStream(); InputStream err = p.getErrorStream()) {
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> {
                try {
                    err.transferTo(stderr);
                } catch (IOException ignored) {
                    // the exit code tells
                }
            });
            errReader.start();
            String yaml = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
            }
            errReader.join();
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + stderr.toString(StandardCharsets.UTF_8));
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Splits a multi-document YAML stream and loads each document into the Kubernetes model. */
    static List<HasMetadata> load(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (doc.isBlank()) {
                continue;
            }
            KubernetesResource r = SERIALIZATION.unmarshal(doc, KubernetesResource.class);
            if (!(r instanceof HasMetadata h)) {
                throw new AssertionError("not a Kubernetes object: " + doc);
            }
            if (h.getMetadata() == null || h.getMetadata().getName() == null) {
                throw new AssertionError("a document without metadata.name: " + doc);
            }
            out.add(h);
        }
        return out;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                this.name + ": no " + type.getSimpleName() + " named " + name));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    GenericKubernetesResource customOne(String kind, String name) {
        return custom(kind).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " named " + name));
    }

    Deployment deployment(String service) {
        return one(Deployment.class, service);
    }

    static Container container(Deployment d) {
        List<Container> cs = d.getSpec().getTemplate().getSpec().getContainers();
        if (cs.size() != 1) {
            throw new AssertionError(d.getMetadata().getName() + " should run one container, runs " + cs.size());
        }
        return cs.get(0);
    }

    /**
     * The environment of a Deployment's container: plain values and ConfigMap keys resolved to
     * their values, secret references as {@code secret:NAME/KEY}.
     */
    Map<String, String> environment(Deployment d) {
        Map<String, String> env = new LinkedHashMap<>();
        Container c = container(d);
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null) {
                ConfigMap cm = one(ConfigMap.class, from.getConfigMapRef().getName());
                env.putAll(Optional.ofNullable(cm.getData()).orElse(Map.of()));
            } else {
                throw new AssertionError(d.getMetadata().getName() + ": envFrom other than a ConfigMap: " + from);
            }
        }
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                env.put(e.getName(), "secret:" + e.getValueFrom().getSecretKeyRef().getName() + "/"
                        + e.getValueFrom().getSecretKeyRef().getKey());
            } else if (e.getValueFrom() != null) {
                throw new AssertionError(d.getMetadata().getName() + ": " + e.getName() + " comes from neither a value "
                        + "nor a Secret: " + e.getValueFrom());
            } else {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }

    /** Reads a path of nested maps and lists inside a custom resource: get(r, "spec", "instances"). */
    @SuppressWarnings("unchecked")
    static Object get(GenericKubernetesResource r, Object... path) {
        Object cur = r.getAdditionalProperties();
        for (Object p : path) {
            if (cur == null) {
                return null;
            }
            if (p instanceof Integer i) {
                List<Object> l = (List<Object>) cur;
                cur = i < l.size() ? l.get(i) : null;
            } else {
                cur = ((Map<String, Object>) cur).get((String) p);
            }
        }
        return cur;
    }

    static String str(GenericKubernetesResource r, Object... path) {
        Object v = get(r, path);
        return v == null ? null : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(GenericKubernetesResource r, Object... path) {
        Object v = get(r, path);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }
}
