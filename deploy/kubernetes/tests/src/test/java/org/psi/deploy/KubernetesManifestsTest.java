package org.psi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders the kustomize base and every overlay with {@code kubectl kustomize}, loads every
 * document into the fabric8 model, and checks that the manifests agree with the services as their
 * modules describe them (application.properties, pom) and with the realm file.
 */
class KubernetesManifestsTest {

    /** Names of settings that are secrets: they may only come from a secretKeyRef. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|KEYS|JWKS|TOKEN|CREDENTIAL).*");
    /** Environment that is not application configuration: the JVM launcher of the base image. */
    static final Set<String> LAUNCHER_ENV = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO", "JAVA_OPTS_APPEND");
    static final String CNPG = "postgresql.cnpg.io/v1";
    /** Connections kept free on every PostgreSQL: superuser_reserved, the operator, backups, replicas, a human. */
    static final int RESERVED_CONNECTIONS = 20;

    static Stream<String> overlays() {
        List<String> all = new ArrayList<>(Repo.overlays());
        assertTrue(all.containsAll(List.of("small", "production")), "overlays small and production exist: " + all);
        all.add(0, "base");
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDocumentLoadsAndEveryPartIsThere(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, Integer> kinds = new HashMap<>();
        for (HasMetadata h : r.resources) {
            kinds.merge(h.getKind(), 1, Integer::sum);
            if (h instanceof GenericKubernetesResource g) {
                assertTrue(Set.of(CNPG, "barmancloud.cnpg.io/v1", "k8s.keycloak.org/v2alpha1").contains(g.getApiVersion()),
                        "unknown kind in " + overlay + ": " + g.getApiVersion() + " " + g.getKind()
                                + " (a typo in a built-in kind also lands here)");
            }
        }
        for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap")) {
            assertEquals(Repo.SERVICES.size(), kinds.getOrDefault(kind, 0), overlay + ": one " + kind + " per service");
        }
        for (String kind : List.of("Cluster", "Database", "ScheduledBackup", "ObjectStore", "Keycloak",
                "KeycloakRealmImport", "NetworkPolicy", "Ingress")) {
            assertTrue(kinds.getOrDefault(kind, 0) > 0, overlay + " has a " + kind);
        }
        assertTrue(r.all(Secret.class).isEmpty(), overlay + ": Secrets are referenced, never shipped in the manifests");
        if (!"base".equals(overlay)) {
            r.resources.forEach(h -> assertNotNull(h.getMetadata().getNamespace(), overlay + ": namespace of " + h.getKind()
                    + " " + h.getMetadata().getName()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void deploymentsMatchTheServices(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            Deployment d = r.deployment(name);
            Container c = Rendered.container(d);
            String where = overlay + " " + name + ": ";

            String image = c.getImage().replaceFirst("@.*$", "").replaceFirst(":[^:/]+$", "");
            assertEquals(name, image.substring(image.lastIndexOf('/') + 1), where + "the image is the service's (Jib names it after the artifactId)");

            int port = svc.httpPort();
            var http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + "no container port named http"));
            assertEquals(port, http.getContainerPort(), where + "container port = quarkus.http.port");

            assertTrue(svc.usesExtension("quarkus-smallrye-health"), name + " uses quarkus-smallrye-health, which the probes need");
            checkProbe(where + "startupProbe", c.getStartupProbe(), svc.healthPath("started"), svc.observabilityPort(), c);
            checkProbe(where + "livenessProbe", c.getLivenessProbe(), svc.healthPath("live"), svc.observabilityPort(), c);
            checkProbe(where + "readinessProbe", c.getReadinessProbe(), svc.healthPath("ready"), svc.observabilityPort(), c);

            assertTrue(svc.usesExtension("quarkus-micrometer-registry-prometheus"), name + " exports Prometheus metrics");
            Map<String, String> ann = d.getSpec().getTemplate().getMetadata().getAnnotations();
            assertEquals(svc.metricsPath(), ann.get("prometheus.io/path"), where + "metrics path");
            assertEquals(String.valueOf(svc.observabilityPort()), ann.get("prometheus.io/port"), where + "metrics port");

            Map<String, Quantity> requests = c.getResources().getRequests();
            Map<String, Quantity> limits = c.getResources().getLimits();
            assertNotNull(requests.get("cpu"), where + "cpu request");
            assertNotNull(requests.get("memory"), where + "memory request");
            assertEquals(Quantity.getAmountInBytes(requests.get("memory")), Quantity.getAmountInBytes(limits.get("memory")),
                    where + "memory limit = request (the JVM sizes its heap from the limit; no overcommit)");
            assertTrue(Quantity.getAmountInBytes(limits.get("memory")).longValue() >= 512L * 1024 * 1024,
                    where + "at least 512Mi: measured RSS under load was 278 MB with a 307 MB heap cap (deploy/README.md)");

            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(matches(d.getSpec().getSelector(), podLabels), where + "the selector matches the pods");
            assertEquals("psi", podLabels.get("app.kubernetes.io/part-of"), where + "pods are part-of psi");

            Service s = r.one(Service.class, name);
            assertTrue(matches(s.getSpec().getSelector(), podLabels) && !s.getSpec().getSelector().isEmpty(),
                    where + "the Service selects the pods");
            ServicePort sp = s.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + "the Service has no port named http"));
            assertEquals(port, sp.getPort(), where + "the Service port is the service's own port (as locally)");
            assertTrue(targets(sp.getTargetPort(), c, port), where + "the Service targets the container port");

            HorizontalPodAutoscaler hpa = r.one(HorizontalPodAutoscaler.class, name);
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertEquals(name, hpa.getSpec().getScaleTargetRef().getName(), where + "the HPA scales the Deployment");
            assertTrue(hpa.getSpec().getMinReplicas() >= 1 && hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas(),
                    where + "HPA bounds");

            PodDisruptionBudget pdb = r.one(PodDisruptionBudget.class, name);
            assertTrue(matches(pdb.getSpec().getSelector(), podLabels), where + "the PDB selects the pods");
            assertTrue(pdb.getSpec().getMaxUnavailable() != null || hpa.getSpec().getMinReplicas() > 1,
                    where + "a PDB with minAvailable on a single replica would block every node drain");

            var strategy = d.getSpec().getStrategy();
            assertEquals("RollingUpdate", strategy.getType(), where + "rolling updates (Flyway migrates under its lock)");
        }
    }

    private static void checkProbe(String what, Probe p, String path, int port, Container c) {
        assertNotNull(p, what);
        assertNotNull(p.getHttpGet(), what + " is an HTTP probe");
        assertEquals(path, p.getHttpGet().getPath(), what + " path follows the health extension's settings");
        assertTrue(targets(p.getHttpGet().getPort(), c, port), what + " port");
    }

    private static boolean targets(IntOrString ref, Container c, int port) {
        if (ref == null) {
            return false;
        }
        if (ref.getIntVal() != null) {
            return ref.getIntVal() == port;
        }
        return c.getPorts().stream().anyMatch(p -> ref.getStrVal().equals(p.getName()) && p.getContainerPort() == port);
    }

    static boolean matches(LabelSelector sel, Map<String, String> labels) {
        if (sel == null) {
            return false;
        }
        if (sel.getMatchLabels() != null && !matches(sel.getMatchLabels(), labels)) {
            return false;
        }
        for (LabelSelectorRequirement req : Optional.ofNullable(sel.getMatchExpressions()).orElse(List.of())) {
            String v = labels.get(req.getKey());
            boolean ok = switch (req.getOperator()) {
                case "In" -> v != null && req.getValues().contains(v);
                case "NotIn" -> v == null || !req.getValues().contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> throw new AssertionError("operator " + req.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyEnvironmentVariableTheServiceReadsIsProvided(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            Map<String, String> env = r.environment(r.deployment(name));
            Set<String> read = svc.envVarsReadInProd();
            for (String v : read) {
                if (!env.containsKey(v)) {
                    problems.add(name + " reads ${" + v + "} in prod but its Deployment does not set it");
                }
            }
            Set<String> quarkusEnv = new TreeSet<>();
            svc.propertyKeys().forEach(k -> quarkusEnv.add(QuarkusService.envName(k)));
            for (String v : env.keySet()) {
                if (read.contains(v) || LAUNCHER_ENV.contains(v)) {
                    continue;
                }
                if (v.startsWith("QUARKUS_") && quarkusEnv.contains(v)) {
                    continue;
                }
                problems.add(name + "'s Deployment sets " + v + ", which its application.properties does not read"
                        + " (a typo, or a setting the service dropped)");
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void secretsComeOnlyFromSecretReferences(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        for (String name : Repo.SERVICES) {
            r.environment(r.deployment(name)).forEach((k, v) -> {
                if (SECRET_NAME.matcher(k).matches()) {
                    assertTrue(v.startsWith("secret:"), overlay + " " + name + ": " + k + " must come from a secretKeyRef");
                }
            });
        }
        for (ConfigMap cm : r.all(ConfigMap.class)) {
            cm.getData().keySet().forEach(k -> assertFalse(SECRET_NAME.matcher(k).matches(),
                    overlay + ": ConfigMap " + cm.getMetadata().getName() + " holds " + k + ", which is a secret"));
        }
        for (GenericKubernetesResource ri : r.custom("KeycloakRealmImport")) {
            for (Map<String, Object> client : Rendered.list(ri, "spec", "realm", "clients")) {
                Object secret = client.get("secret");
                assertTrue(secret == null || String.valueOf(secret).matches("\\$\\{[A-Z0-9_]+}"),
                        overlay + ": the realm import carries a literal secret for " + client.get("clientId"));
            }
            for (Map<String, Object> user : Rendered.list(ri, "spec", "realm", "users")) {
                assertTrue(user.get("credentials") == null, overlay + ": the realm import carries a password for " + user.get("username"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void databasesMatchTheJdbcUrls(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Set<String> databasesInUse = new TreeSet<>();
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            Map<String, String> env = r.environment(r.deployment(name));
            String where = overlay + " " + name + ": ";
            String url = QuarkusService.resolve(svc.prod("quarkus.datasource.jdbc.url").orElseThrow(), env);
            QuarkusService.Jdbc jdbc = QuarkusService.Jdbc.parse(url);
            assertEquals(svc.defaultDatabaseName(), jdbc.database(), where + "the database is the one the service names");
            assertTrue(jdbc.host().endsWith("-rw"), where + "connects to the primary (<cluster>-rw): " + jdbc.host());
            String cluster = jdbc.host().substring(0, jdbc.host().length() - "-rw".length());
            GenericKubernetesResource c = r.customOne("Cluster", cluster);
            assertEquals(5432, jdbc.port(), where + "PostgreSQL port");

            GenericKubernetesResource db = r.custom("Database").stream()
                    .filter(d -> cluster.equals(Rendered.str(d, "spec", "cluster", "name"))
                            && jdbc.database().equals(Rendered.str(d, "spec", "name")))
                    .findFirst().orElseThrow(() -> new AssertionError(where + "no Database " + jdbc.database() + " on " + cluster));
            databasesInUse.add(cluster + "/" + jdbc.database());
            String owner = Rendered.str(db, "spec", "owner");

            String user = env.get("PSI_DB_USER");
            String password = env.get("PSI_DB_PASSWORD");
            assertNotNull(user, where + "PSI_DB_USER");
            assertTrue(password.startsWith("secret:") && password.endsWith("/password"), where + "PSI_DB_PASSWORD from a basic-auth Secret");
            String secret = password.substring("secret:".length(), password.lastIndexOf('/'));
            assertEquals("secret:" + secret + "/username", user, where + "user and password from the same Secret");
            Map<String, Object> role = Rendered.list(c, "spec", "managed", "roles").stream()
                    .filter(ro -> owner.equals(ro.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(where + "no managed role " + owner + " on " + cluster));
            @SuppressWarnings("unchecked")
            Map<String, Object> ps = (Map<String, Object>) role.get("passwordSecret");
            assertEquals(secret, ps.get("name"), where + "the service logs in as the owner of its database");
        }
        for (GenericKubernetesResource db : r.custom("Database")) {
            String key = Rendered.str(db, "spec", "cluster", "name") + "/" + Rendered.str(db, "spec", "name");
            assertTrue(databasesInUse.contains(key), overlay + ": Database " + key + " is used by no service");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void connectionPoolsFitUnderMaxConnections(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, Integer> demand = new HashMap<>();
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            Map<String, String> env = r.environment(r.deployment(name));
            String cluster = QuarkusService.Jdbc.parse(QuarkusService.resolve(svc.prod("quarkus.datasource.jdbc.url").orElseThrow(), env))
                    .host().replaceFirst("-rw$", "");
            int max = r.one(HorizontalPodAutoscaler.class, name).getSpec().getMaxReplicas();
            // During a rolling update one extra pod (maxSurge) holds its pool too.
            demand.merge(cluster, svc.jdbcMaxSize(env) * (max + 1), Integer::sum);
        }
        demand.forEach((cluster, n) -> {
            int maxConnections = Integer.parseInt(Rendered.str(r.customOne("Cluster", cluster), "spec", "postgresql", "parameters", "max_connections"));
            assertTrue(n + RESERVED_CONNECTIONS <= maxConnections, overlay + ": the pools on " + cluster + " may open " + n
                    + " connections (max-size x (maxReplicas + 1)), plus " + RESERVED_CONNECTIONS + " reserved, over max_connections " + maxConnections);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void backupsAreConfiguredForEveryCluster(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        for (GenericKubernetesResource c : r.custom("Cluster")) {
            String name = c.getMetadata().getName();
            Map<String, Object> plugin = Rendered.list(c, "spec", "plugins").stream()
                    .filter(p -> "barman-cloud.cloudnative-pg.io".equals(p.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": " + name + " archives no WAL"));
            assertEquals(Boolean.TRUE, plugin.get("isWALArchiver"), overlay + ": " + name + " WAL archiver");
            @SuppressWarnings("unchecked")
            String store = (String) ((Map<String, Object>) plugin.get("parameters")).get("barmanObjectName");
            GenericKubernetesResource os = r.customOne("ObjectStore", store);
            assertNotNull(Rendered.str(os, "spec", "configuration", "destinationPath"), overlay + ": " + store + " destination");
            assertNotNull(Rendered.str(os, "spec", "retentionPolicy"), overlay + ": " + store + " retention");
            assertNotNull(Rendered.str(os, "spec", "configuration", "s3Credentials", "accessKeyId", "name"),
                    overlay + ": " + store + " credentials by reference to a Secret");
            assertTrue(r.custom("ScheduledBackup").stream().anyMatch(b -> name.equals(Rendered.str(b, "spec", "cluster", "name"))
                            && "plugin".equals(Rendered.str(b, "spec", "method"))
                            && "barman-cloud.cloudnative-pg.io".equals(Rendered.str(b, "spec", "pluginConfiguration", "name"))),
                    overlay + ": a ScheduledBackup of " + name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheOwnersReachTheDatabases(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        // Who owns which cluster: the services by their JDBC URL, Keycloak by its db host.
        Map<String, Set<String>> owners = new HashMap<>();
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            Map<String, String> env = r.environment(r.deployment(name));
            String cluster = QuarkusService.Jdbc.parse(QuarkusService.resolve(svc.prod("quarkus.datasource.jdbc.url").orElseThrow(), env))
                    .host().replaceFirst("-rw$", "");
            owners.computeIfAbsent(cluster, k -> new TreeSet<>()).add(name);
        }
        GenericKubernetesResource kc = r.custom("Keycloak").get(0);
        String kcCluster = Rendered.str(kc, "spec", "db", "host").replaceFirst("-rw$", "");
        owners.computeIfAbsent(kcCluster, k -> new TreeSet<>()).add("keycloak");

        // Every workload in the namespace, by its pod labels (Keycloak's pods are made by its operator).
        Map<String, Map<String, String>> workloads = new LinkedHashMap<>();
        r.all(Deployment.class).forEach(d -> workloads.put(d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getLabels()));
        workloads.put("keycloak", Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                "app.kubernetes.io/instance", kc.getMetadata().getName()));
        workloads.put("keycloak-realm-import", Map.of("app", "keycloak-realm-import", "app.kubernetes.io/managed-by",
                "keycloak-operator", "app.kubernetes.io/instance", kc.getMetadata().getName()));

        for (GenericKubernetesResource c : r.custom("Cluster")) {
            String cluster = c.getMetadata().getName();
            Map<String, String> dbPod = Map.of("cnpg.io/cluster", cluster);
            List<NetworkPolicy> policies = r.all(NetworkPolicy.class).stream()
                    .filter(p -> matches(p.getSpec().getPodSelector(), dbPod)).toList();
            assertFalse(policies.isEmpty(), overlay + ": no NetworkPolicy isolates " + cluster);
            Set<String> reach = new TreeSet<>();
            for (NetworkPolicy p : policies) {
                assertTrue(p.getSpec().getPolicyTypes().contains("Ingress"), overlay + ": " + p.getMetadata().getName());
                for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                    assertFalse(rule.getFrom() == null || rule.getFrom().isEmpty(),
                            overlay + ": " + p.getMetadata().getName() + " lets anyone in");
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        assertTrue(peer.getIpBlock() == null, overlay + ": no ipBlock peers on a database");
                        if (peer.getNamespaceSelector() != null) {
                            Set<Integer> ports = ports(rule);
                            Map<String, String> ns = Optional.ofNullable(peer.getNamespaceSelector().getMatchLabels()).orElse(Map.of());
                            boolean operator = "cnpg-system".equals(ns.get("kubernetes.io/metadata.name")) && peer.getPodSelector() != null
                                    && Set.of(8000, 5432).containsAll(ports) && !ports.isEmpty();
                            boolean monitoring = "monitoring".equals(ns.get("network.psi/role")) && Set.of(9187).equals(ports);
                            assertTrue(operator || monitoring, overlay + ": " + p.getMetadata().getName()
                                    + " lets another namespace reach " + cluster + " on " + ports);
                            continue;
                        }
                        if (matches(peer.getPodSelector(), dbPod)) {
                            continue; // its own instances: replication
                        }
                        workloads.forEach((w, labels) -> {
                            if (matches(peer.getPodSelector(), labels)) {
                                reach.add(w.equals("keycloak-realm-import") ? "keycloak" : w);
                            }
                        });
                    }
                }
            }
            assertEquals(owners.getOrDefault(cluster, Set.of()), reach,
                    overlay + ": the workloads that reach " + cluster + " are exactly its owners");
            // and the realm import Job reaches Keycloak's database like Keycloak does
            if (cluster.equals(kcCluster)) {
                boolean job = policies.stream().flatMap(p -> p.getSpec().getIngress().stream()).flatMap(rule -> rule.getFrom().stream())
                        .anyMatch(peer -> peer.getNamespaceSelector() == null && matches(peer.getPodSelector(), workloads.get("keycloak-realm-import")));
                assertTrue(job, overlay + ": the realm-import Job can reach " + cluster);
            }
        }
    }

    private static Set<Integer> ports(NetworkPolicyIngressRule rule) {
        Set<Integer> out = new TreeSet<>();
        for (NetworkPolicyPort p : Optional.ofNullable(rule.getPorts()).orElse(List.of())) {
            out.add(p.getPort().getIntVal());
        }
        return out;
    }

    /** Paths that must never be reachable from outside. */
    static final List<String> NEVER_PUBLIC = List.of("/internal", "/internal/eligibility", "/internal/transfers/x/hold",
            "/q/metrics", "/q/health", "/q/health/ready", "/q/dev-ui", "/q/swagger-ui", "/q/swagger-ui/index.html", "/admin",
            "/admin/master/console/", "/metrics", "/health");

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theIngressExposesThePublicApisAndNeverInternalOrMetrics(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<Ingress> ingresses = r.all(Ingress.class);
        Map<String, List<String>> publicPathsByService = new HashMap<>();
        for (Ingress ing : ingresses) {
            for (IngressRule rule : ing.getSpec().getRules()) {
                assertNotNull(rule.getHost(), overlay + ": every rule names its host");
                for (HTTPIngressPath p : rule.getHttp().getPaths()) {
                    String type = p.getPathType();
                    assertTrue(Set.of("Prefix", "Exact").contains(type), overlay + ": pathType " + type + " of " + p.getPath()
                            + " cannot be checked");
                    for (String never : NEVER_PUBLIC) {
                        assertFalse(routes(p.getPath(), type, never), overlay + ": " + rule.getHost() + p.getPath() + " (" + type
                                + ") exposes " + never);
                    }
                    String backend = p.getBackend().getService().getName();
                    publicPathsByService.computeIfAbsent(backend, k -> new ArrayList<>()).add(p.getPath());
                    if (Repo.SERVICES.contains(backend)) {
                        Service s = r.one(Service.class, backend);
                        var port = p.getBackend().getService().getPort();
                        assertTrue(s.getSpec().getPorts().stream().anyMatch(sp -> Objects.equals(sp.getName(), port.getName())
                                || Objects.equals(sp.getPort(), port.getNumber())), overlay + ": backend port of " + p.getPath());
                    }
                }
            }
            ing.getSpec().getTls().forEach(t -> assertNotNull(t.getSecretName(), overlay + ": TLS by a Secret"));
            String bodySize = Optional.ofNullable(ing.getMetadata().getAnnotations()).orElse(Map.of())
                    .get("nginx.ingress.kubernetes.io/proxy-body-size");
            assertNotNull(bodySize, overlay + ": the Ingress sets the body size limit");
            for (IngressRule rule : ing.getSpec().getRules()) {
                for (HTTPIngressPath p : rule.getHttp().getPaths()) {
                    String name = p.getBackend().getService().getName();
                    if (Repo.SERVICES.contains(name)) {
                        long serviceMax = QuarkusService.of(name).bodyLimitAt(p.getPath());
                        assertTrue(ComposeTest.parseMemory(bodySize) >= serviceMax, overlay + ": the Ingress lets through bodies to "
                                + p.getPath() + " up to " + name + "'s own limit there, which answers 413 itself");
                    }
                }
            }
        }
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            List<String> paths = publicPathsByService.getOrDefault(name, List.of());
            assertTrue(paths.contains("/api"), overlay + ": " + name + "'s /api is published");
            assertTrue(paths.contains(svc.openApiPath()), overlay + ": " + name + "'s OpenAPI document is published");
            // production serves neither Swagger UI nor /internal in its document (the local stack does)
            assertEquals("false", svc.prod("quarkus.swagger-ui.enabled", "true"), name + ": no Swagger UI in production");
            assertEquals("true", svc.prod("psi.openapi.public-only", "false"), name + ": the production OpenAPI document lists the public API only");
        }
        GenericKubernetesResource kc = r.custom("Keycloak").get(0);
        assertTrue(publicPathsByService.getOrDefault(kc.getMetadata().getName() + "-service", List.of()).contains("/realms"),
                overlay + ": Keycloak's /realms is published (token and login endpoints)");
    }

    /** Does an Ingress path of this type route a request for {@code request}? (Kubernetes' matching rules.) */
    static boolean routes(String path, String type, String request) {
        if ("Exact".equals(type)) {
            return path.equals(request);
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.isEmpty() || request.equals(p) || request.startsWith(p + "/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void keycloakImportsTheRealmFileAndTheServicesUseIt(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<GenericKubernetesResource> keycloaks = r.custom("Keycloak");
        assertEquals(1, keycloaks.size(), overlay + ": one Keycloak");
        GenericKubernetesResource kc = keycloaks.get(0);
        String kcName = kc.getMetadata().getName();
        JsonNode source = RealmImports.sourceRealm();
        String realmName = source.path("realm").asText();

        GenericKubernetesResource ri = r.custom("KeycloakRealmImport").get(0);
        assertEquals(kcName, Rendered.str(ri, "spec", "keycloakCRName"), overlay + ": the import targets the Keycloak");
        JsonNode imported = RealmImports.JSON.valueToTree(Rendered.get(ri, "spec", "realm"));
        assertEquals(RealmImports.deploymentRealm(source), imported,
                overlay + ": the imported realm is deploy/keycloak/psi-realm.json under RealmImports' rule; regenerate with "
                        + "-Dpsi.deploy.regenerate=true");

        // Keycloak's database
        String kcDbHost = Rendered.str(kc, "spec", "db", "host");
        GenericKubernetesResource kcDb = r.customOne("Cluster", kcDbHost.replaceFirst("-rw$", ""));
        assertEquals(Rendered.str(kcDb, "spec", "bootstrap", "initdb", "database"), Rendered.str(kc, "spec", "db", "database"),
                overlay + ": Keycloak's database is the one its Cluster creates");
        assertEquals(Rendered.str(kcDb, "spec", "bootstrap", "initdb", "secret", "name"), Rendered.str(kc, "spec", "db", "passwordSecret", "name"),
                overlay + ": Keycloak logs in as the owner of its database");

        String internalUrl = "http://" + kcName + "-service:8080/realms/" + realmName;
        assertEquals("true", Rendered.str(kc, "spec", "http", "httpEnabled"), overlay + ": Keycloak answers on 8080 inside the cluster");
        assertEquals("true", Rendered.str(kc, "spec", "hostname", "backchannelDynamic"),
                overlay + ": services reach Keycloak inside the cluster while tokens carry the public issuer");
        URI publicUrl = URI.create(Rendered.str(kc, "spec", "hostname", "hostname"));
        assertTrue(r.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules().stream())
                .anyMatch(rule -> publicUrl.getHost().equals(rule.getHost())), overlay + ": Keycloak's public host has an Ingress rule");

        Map<String, Object> placeholders = castMap(Rendered.get(ri, "spec", "placeholders"));
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            Map<String, String> env = r.environment(r.deployment(name));
            assertEquals(internalUrl, QuarkusService.resolve(svc.prod("quarkus.oidc.auth-server-url").orElseThrow(), env),
                    overlay + " " + name + ": OIDC at the in-cluster Keycloak, realm " + realmName);
            assertEquals(svc.prod("quarkus.oidc.token.audience", ""), "psi-api", name + " checks the audience psi-api");
            Optional<String> clientSecret = svc.prod("quarkus.oidc-client.credentials.secret");
            if (clientSecret.isPresent()) {
                String clientId = QuarkusService.resolve(svc.prod("quarkus.oidc-client.client-id").orElseThrow(), env);
                assertEquals(internalUrl, QuarkusService.resolve(svc.prod("quarkus.oidc-client.auth-server-url").orElseThrow(), env),
                        overlay + " " + name + ": client credentials from the in-cluster Keycloak");
                String ref = QuarkusService.resolve(clientSecret.get(), env);
                JsonNode client = null;
                for (JsonNode c : imported.path("clients")) {
                    if (clientId.equals(c.path("clientId").asText())) {
                        client = c;
                    }
                }
                assertNotNull(client, overlay + ": the realm has no client " + clientId + " for " + name);
                String ph = client.path("secret").asText().replaceAll("^\\$\\{|}$", "");
                Map<String, Object> secretRef = castMap(castMap(placeholders.get(ph)).get("secret"));
                assertEquals("secret:" + secretRef.get("name") + "/" + secretRef.get("key"), ref,
                        overlay + " " + name + ": its client secret is the one the realm import puts on client " + clientId);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        assertNotNull(o);
        return (Map<String, Object>) o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesCallEachOtherThroughTheirServices(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            Map<String, String> env = r.environment(r.deployment(name));
            for (String key : svc.propertyKeys()) {
                if (!key.matches("quarkus\\.rest-client\\.[^.]+\\.url")) {
                    continue;
                }
                URI u = URI.create(QuarkusService.resolve(svc.prod(key).orElseThrow(), env));
                String target = u.getHost();
                assertTrue(Repo.SERVICES.contains(target), overlay + " " + name + ": " + key + " points at " + u
                        + ", not at a PSI Service");
                assertEquals(QuarkusService.of(target).httpPort(), u.getPort(), overlay + " " + name + ": " + key + " port");
            }
        }
    }
}
