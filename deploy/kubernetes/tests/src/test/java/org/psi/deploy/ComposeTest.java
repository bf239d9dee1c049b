package org.psi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose: the compose file, its .env.example, the PostgreSQL init script and the nginx
 * configuration, checked against the services and against each other.
 */
class ComposeTest {

    /** A compose interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}. */
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?:(:?[-?])([^}]*))?}");

    static JsonNode compose() {
        try {
            return RealmImports.YAML.readTree(Repo.compose().resolve("compose.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compose value as the services see it: defaults filled in, a required variable as "env:VAR". */
    static String value(String raw) {
        Matcher m = INTERPOLATION.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String rep = "-".equals(m.group(2)) || ":-".equals(m.group(2)) ? m.group(3) : "env:" + m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        assertTrue(e.isObject(), "environment as a map");
        e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
        return env;
    }

    @Test
    void theServicesGetThePortsAndEnvironmentTheyRead() {
        JsonNode services = compose().path("services");
        List<String> problems = new ArrayList<>();
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            JsonNode s = services.path(name);
            assertFalse(s.isMissingNode(), "compose has " + name);
            String image = value(s.path("image").asText()).replaceFirst(":[^:/]+$", "");
            assertEquals(name, image.substring(image.lastIndexOf('/') + 1), name + ": the image is the service's");
            List<String> expose = new ArrayList<>();
            s.path("expose").forEach(p -> expose.add(p.asText()));
            assertEquals(List.of(String.valueOf(svc.httpPort())), expose, name + " exposes quarkus.http.port to the compose network");
            assertTrue(s.path("ports").isMissingNode(), name + " publishes no port: the proxy publishes its public paths");

            Map<String, String> env = environment(s);
            Set<String> read = svc.envVarsReadInProd();
            Set<String> quarkusEnv = new TreeSet<>();
            svc.propertyKeys().forEach(k -> quarkusEnv.add(QuarkusService.envName(k)));
            for (String v : read) {
                if (!env.containsKey(v)) {
                    problems.add(name + " reads ${" + v + "} in prod but compose does not set it");
                }
            }
            env.forEach((k, v) -> {
                if (!read.contains(k) && !KubernetesManifestsTest.LAUNCHER_ENV.contains(k) && !quarkusEnv.contains(k)) {
                    problems.add("compose sets " + k + " on " + name + ", which it does not read");
                }
                if (KubernetesManifestsTest.SECRET_NAME.matcher(k).matches() && !value(v).matches("env:[A-Z0-9_]+")) {
                    problems.add(name + ": " + k + " must come from .env as ${VAR:?...}, not be written in compose.yaml");
                }
            });
            Map<String, String> resolved = new LinkedHashMap<>();
            env.forEach((k, v) -> resolved.put(k, value(v)));

            QuarkusService.Jdbc jdbc = QuarkusService.Jdbc.parse(QuarkusService.resolve(svc.prod("quarkus.datasource.jdbc.url").orElseThrow(), resolved));
            assertEquals("postgres", jdbc.host(), name + ": the compose PostgreSQL");
            assertEquals(svc.defaultDatabaseName(), jdbc.database(), name + ": its own database");
            InitDb db = initDatabases().get(jdbc.database());
            assertNotNull(db, "init-databases.sh creates " + jdbc.database());
            assertEquals(db.role(), resolved.get("PSI_DB_USER"), name + " logs in as the owner of its database");
            assertEquals("env:" + db.passwordVar(), resolved.get("PSI_DB_PASSWORD"), name + ": the password the role was made with");

            assertEquals("http://keycloak:8080/realms/" + RealmImports.sourceRealm().path("realm").asText(),
                    QuarkusService.resolve(svc.prod("quarkus.oidc.auth-server-url").orElseThrow(), resolved), name + ": OIDC");
            for (String key : svc.propertyKeys()) {
                if (key.matches("quarkus\\.rest-client\\.[^.]+\\.url")) {
                    URI u = URI.create(QuarkusService.resolve(svc.prod(key).orElseThrow(), resolved));
                    assertTrue(Repo.SERVICES.contains(u.getHost()), name + ": " + key + " = " + u);
                    assertEquals(QuarkusService.of(u.getHost()).httpPort(), u.getPort(), name + ": " + key + " port");
                }
            }
            if (svc.prod("quarkus.oidc-client.credentials.secret").isPresent()) {
                String clientId = QuarkusService.resolve(svc.prod("quarkus.oidc-client.client-id").orElseThrow(), resolved);
                String secret = QuarkusService.resolve(svc.prod("quarkus.oidc-client.credentials.secret").orElseThrow(), resolved);
                assertEquals("env:" + RealmImports.placeholder(clientId), secret,
                        name + ": its client secret is the one Keycloak's realm import gives client " + clientId);
            }
            long memory = parseMemory(s.path("mem_limit").asText("0"));
            assertTrue(memory >= 512L * 1024 * 1024, name + ": mem_limit of at least 512m (deploy/README.md)");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static long parseMemory(String v) {
        Matcher m = Pattern.compile("(\\d+)([kmg]?)b?", Pattern.CASE_INSENSITIVE).matcher(v.trim());
        assertTrue(m.matches(), "memory " + v);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    record InitDb(String role, String database, String passwordVar) {
    }

    static Map<String, InitDb> initDatabases() {
        Map<String, InitDb> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^create (\\S+) (\\S+) \"\\$([A-Z0-9_]+)\"$")
                .matcher(Repo.read(Repo.compose().resolve("postgres/init-databases.sh")));
        while (m.find()) {
            out.put(m.group(2), new InitDb(m.group(1), m.group(2), m.group(3)));
        }
        return out;
    }

    @Test
    void postgresAndKeycloakAreWiredTogether() {
        JsonNode services = compose().path("services");
        JsonNode pg = services.path("postgres");
        Map<String, String> pgEnv = environment(pg);
        String mount = null;
        for (JsonNode v : pg.path("volumes")) {
            if (v.asText().startsWith("./postgres/init-databases.sh:/docker-entrypoint-initdb.d/")) {
                mount = v.asText();
            }
        }
        assertNotNull(mount, "postgres runs init-databases.sh on first start");
        for (InitDb db : initDatabases().values()) {
            assertEquals("env:" + db.passwordVar(), value(pgEnv.getOrDefault(db.passwordVar(), "")),
                    "postgres gets " + db.passwordVar() + " from .env for init-databases.sh");
        }
        Set<String> expected = new TreeSet<>();
        Repo.SERVICES.forEach(s -> expected.add(QuarkusService.of(s).defaultDatabaseName()));
        expected.add("keycloak");
        assertEquals(expected, new TreeSet<>(initDatabases().keySet()), "one database per service and one for Keycloak");

        JsonNode kc = services.path("keycloak");
        Map<String, String> kcEnv = environment(kc);
        QuarkusService.Jdbc kcDb = QuarkusService.Jdbc.parse(kcEnv.get("KC_DB_URL"));
        InitDb db = initDatabases().get(kcDb.database());
        assertNotNull(db, "Keycloak's database is created");
        assertEquals(db.role(), kcEnv.get("KC_DB_USERNAME"));
        assertEquals("env:" + db.passwordVar(), value(kcEnv.get("KC_DB_PASSWORD")));
        assertEquals("true", kcEnv.get("KC_HTTP_ENABLED"));
        assertEquals("true", kcEnv.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"));
        List<String> command = new ArrayList<>();
        kc.path("command").forEach(c -> command.add(c.asText()));
        assertTrue(command.contains("--import-realm"), "Keycloak imports the realm at start");
        boolean realmMounted = false;
        for (JsonNode v : kc.path("volumes")) {
            realmMounted |= v.asText().startsWith("./" + Repo.compose().relativize(Repo.root().resolve(RealmImports.COMPOSE_FILE))
                    .toString().replace('\\', '/') + ":/opt/keycloak/data/import/");
        }
        assertTrue(realmMounted, "Keycloak reads the generated realm (keycloak/psi-realm.json) from data/import");
        // An unset placeholder would leave the literal ${...} as the client secret: each one is required.
        for (String ph : RealmImports.placeholders(RealmImports.deploymentRealm(RealmImports.sourceRealm())).keySet()) {
            assertEquals("env:" + ph, value(kcEnv.getOrDefault(ph, "")), "Keycloak gets the realm placeholder " + ph + " from .env");
        }
    }

    @Test
    void theEnvExampleNamesEveryVariableAndEnvIsIgnored() throws IOException {
        String text = Repo.read(Repo.compose().resolve("compose.yaml"));
        Set<String> used = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
            if (KubernetesManifestsTest.SECRET_NAME.matcher(m.group(1)).matches()) {
                assertEquals(":?", m.group(2), m.group(1) + " is required (${VAR:?...}), so a missing secret stops compose");
            }
        }
        Properties example = new Properties();
        example.load(new StringReader(Repo.read(Repo.compose().resolve(".env.example"))));
        assertEquals(used, new TreeSet<>(example.stringPropertyNames()), ".env.example names exactly the variables compose.yaml uses");
        example.forEach((k, v) -> {
            if (KubernetesManifestsTest.SECRET_NAME.matcher((String) k).matches()) {
                assertTrue(((String) v).startsWith("change-me"), k + " in .env.example is a placeholder, not a secret");
            }
        });
        assertTrue(Repo.read(Repo.compose().resolve(".gitignore")).lines().anyMatch(".env"::equals), ".env is never committed");
    }

    /** An nginx location: exact (=) or prefix, and whether it proxies. */
    record Location(boolean exact, String path, String proxyPass, String maxBody) {
    }

    static Map<Integer, List<Location>> nginxServers() {
        String conf = Repo.read(Repo.compose().resolve("proxy/nginx.conf")).replaceAll("(?m)#.*$", "");
        Map<Integer, List<Location>> out = new LinkedHashMap<>();
        Matcher server = Pattern.compile("server\\s*\\{((?:[^{}]|\\{[^{}]*})*)}").matcher(conf);
        while (server.find()) {
            String body = server.group(1);
            Matcher listen = Pattern.compile("listen\\s+(\\d+)\\s*;").matcher(body);
            assertTrue(listen.find(), "every server block listens on a port");
            List<Location> locs = new ArrayList<>();
            Matcher loc = Pattern.compile("location\\s+(\\S+)(?:\\s+(\\S+))?\\s*\\{([^{}]*)}").matcher(body);
            while (loc.find()) {
                boolean exact = loc.group(2) != null;
                if (exact) {
                    assertEquals("=", loc.group(1), "only exact (=) and prefix locations: " + loc.group());
                }
                Matcher pp = Pattern.compile("proxy_pass\\s+(\\S+);").matcher(loc.group(3));
                locs.add(new Location(exact, exact ? loc.group(2) : loc.group(1), pp.find() ? pp.group(1) : null, null));
            }
            out.put(Integer.parseInt(listen.group(1)), locs);
        }
        return out;
    }

    /** nginx's choice: an exact match, else the longest prefix. */
    static Location route(List<Location> locs, String request) {
        for (Location l : locs) {
            if (l.exact() && l.path().equals(request)) {
                return l;
            }
        }
        Location best = null;
        for (Location l : locs) {
            if (!l.exact() && request.startsWith(l.path()) && (best == null || l.path().length() > best.path().length())) {
                best = l;
            }
        }
        return best;
    }

    @Test
    void theProxyPublishesThePublicPathsOnlyAndItsPortsAreTheServicesPorts() {
        Map<Integer, List<Location>> servers = nginxServers();
        JsonNode proxy = compose().path("services").path("proxy");
        Set<Integer> published = new TreeSet<>();
        proxy.path("ports").forEach(p -> {
            String[] parts = p.asText().split(":");
            assertEquals(parts[parts.length - 2], parts[parts.length - 1], "the proxy publishes each port as itself: " + p.asText());
            published.add(Integer.parseInt(parts[parts.length - 1]));
        });
        assertEquals(servers.keySet(), published, "the proxy publishes exactly the ports nginx listens on");
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            List<Location> locs = servers.get(svc.httpPort());
            assertNotNull(locs, "the proxy serves " + name + " on its own port " + svc.httpPort());
            String upstream = "http://" + name + ":" + svc.httpPort();
            for (String p : List.of("/api/workers/me", "/api/regions", svc.openApiPath())) {
                Location l = route(locs, p);
                if (p.startsWith("/api/regions") && !name.equals("enrollment-service")) {
                    continue;
                }
                assertTrue(l != null && upstream.equals(l.proxyPass()), name + ": " + p + " reaches " + upstream);
            }
            locs.stream().filter(l -> l.proxyPass() != null).forEach(l ->
                    assertEquals(upstream, l.proxyPass(), "port " + svc.httpPort() + " proxies only to " + name));
        }
        servers.forEach((port, locs) -> {
            for (String never : KubernetesManifestsTest.NEVER_PUBLIC) {
                Location l = route(locs, never);
                assertTrue(l == null || l.proxyPass() == null, "port " + port + " proxies " + never + " (location " + l + ")");
            }
        });
        List<Location> kc = servers.get(8180);
        assertNotNull(kc, "Keycloak's public endpoints on 8180");
        Location realms = route(kc, "/realms/psi/protocol/openid-connect/token");
        assertTrue(realms != null && "http://keycloak:8080".equals(realms.proxyPass()), "tokens from Keycloak through the proxy");
        Matcher body = Pattern.compile("client_max_body_size\\s+(\\d+[kmg]?)\\s*;").matcher(Repo.read(Repo.compose().resolve("proxy/nginx.conf")));
        assertTrue(body.find(), "the proxy sets client_max_body_size");
        long proxyMax = parseMemory(body.group(1));
        String conf = Repo.read(Repo.compose().resolve("proxy/nginx.conf"));
        for (String name : Repo.SERVICES) {
            QuarkusService svc = QuarkusService.of(name);
            assertTrue(proxyMax >= svc.bodyLimitAt("/api"), "the proxy lets through bodies up to " + name + "'s own limit, which answers 413 itself");
            for (String path : svc.streamedPaths()) {
                Matcher own = Pattern.compile("location = " + Pattern.quote(path) + " \\{[^}]*client_max_body_size\\s+(\\d+[kmg]?)\\s*;").matcher(conf);
                assertTrue(own.find() && parseMemory(own.group(1)) >= svc.bodyLimitAt(path),
                        "the proxy lets an upload to " + path + " through up to " + name + "'s own limit there");
            }
        }
    }
}
