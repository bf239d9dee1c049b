package org.psi.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PSI service says about itself in its module: its {@code application.properties} as the
 * {@code prod} profile sees it, and the Quarkus extensions its pom uses. The manifests are checked
 * against this, so a change in a service that its manifests do not follow fails the build.
 */
final class QuarkusService {

    /** An environment-variable reference inside a property value: {@code ${PSI_DB_URL:...}}. */
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    final String name;
    final Path module;
    private final Properties properties = new Properties();
    private final String pom;

    private QuarkusService(String name) {
        this.name = name;
        this.module = Repo.root().resolve(name);
        Path file = module.resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(name + " has no " + file + ": the manifests cannot be checked against it");
        }
        try {
            properties.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.pom = Repo.read(module.resolve("pom.xml"));
    }

    private static final Map<String, QuarkusService> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static QuarkusService of(String name) {
        return CACHE.computeIfAbsent(name, QuarkusService::new);
    }

    /** The value the prod profile sees: {@code %prod.key} over {@code key}. */
    Optional<String> prod(String key) {
        String v = properties.getProperty("%prod." + key);
        return Optional.ofNullable(v != null ? v : properties.getProperty(key));
    }

    String prod(String key, String fallback) {
        return prod(key).orElse(fallback);
    }

    /** The paths whose uploads are streamed past psi.http.max-body-bytes, up to the server's own limit. */
    java.util.List<String> streamedPaths() {
        return prod("psi.http.streamed-paths").map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip).toList())
                .orElse(java.util.List.of());
    }

    /** The largest body the service takes at {@code path}, and answers a 413 problem beyond. */
    long bodyLimitAt(String path) {
        long server = ComposeTest.parseMemory(prod("quarkus.http.limits.max-body-size", "10240k"));
        if (streamedPaths().contains(path)) {
            return server;
        }
        return Math.min(server, Long.parseLong(prod("psi.http.max-body-bytes", "1048576")));
    }

    /** Every environment variable that a prod-profile value refers to, e.g. PSI_DB_URL. */
    Set<String> envVarsReadInProd() {
        Set<String> keys = new TreeSet<>();
        for (String k : properties.stringPropertyNames()) {
            if (k.startsWith("%prod.")) {
                keys.add(k.substring("%prod.".length()));
            } else if (!k.startsWith("%")) {
                keys.add(k);
            }
        }
        Set<String> vars = new TreeSet<>();
        for (String k : keys) {
            Matcher m = ENV_REF.matcher(prod(k).orElse(""));
            while (m.find()) {
                vars.add(m.group(1));
            }
        }
        return vars;
    }

    /** Property keys in any profile, without the profile prefix. */
    Set<String> propertyKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (String k : properties.stringPropertyNames()) {
            keys.add(k.startsWith("%") ? k.substring(k.indexOf('.') + 1) : k);
        }
        return keys;
    }

    /** The environment variable name that sets a property (MicroProfile Config's rule). */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /**
     * Resolves {@code ${VAR:default}} expressions of a prod value with the given environment,
     * falling back to the default; an unresolved reference without default stays as it is.
     */
    static String resolve(String value, Map<String, String> env) {
        Pattern expr = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^${}]*))?}");
        String v = value;
        for (int i = 0; i < 10; i++) {
            Matcher m = expr.matcher(v);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String replacement = env.containsKey(m.group(1)) ? env.get(m.group(1)) : m.group(2);
                if (replacement == null) {
                    replacement = m.group();
                } else {
                    changed = true;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            v = out.toString();
            if (!changed) {
                break;
            }
        }
        return v;
    }

    int httpPort() {
        return Integer.parseInt(prod("quarkus.http.port", "8080"));
    }

    boolean usesExtension(String artifactId) {
        return pom.contains("<artifactId>" + artifactId + "</artifactId>");
    }

    private String nonApplicationRoot() {
        String root = prod("quarkus.http.non-application-root-path", "q");
        String base = prod("quarkus.http.root-path", "/");
        if (root.startsWith("/")) {
            return trim(root);
        }
        return trim(base) + trim(root);
    }

    private static String trim(String p) {
        String s = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return s.startsWith("/") || s.isEmpty() ? s : "/" + s;
    }

    /** True when health and metrics are served on Quarkus' separate management interface. */
    boolean managementInterface() {
        return Boolean.parseBoolean(prod("quarkus.management.enabled", "false"));
    }

    /** The port that serves health and metrics. */
    int observabilityPort() {
        return managementInterface() ? Integer.parseInt(prod("quarkus.management.port", "9000")) : httpPort();
    }

    private String observabilityRoot() {
        return managementInterface() ? trim(prod("quarkus.management.root-path", "q")) : nonApplicationRoot();
    }

    String healthPath(String kind) {
        String root = prod("quarkus.smallrye-health.root-path", "health");
        String leaf = switch (kind) {
            case "live" -> prod("quarkus.smallrye-health.liveness-path", "live");
            case "ready" -> prod("quarkus.smallrye-health.readiness-path", "ready");
            case "started" -> prod("quarkus.smallrye-health.startup-path", "started");
            default -> throw new IllegalArgumentException(kind);
        };
        return observabilityRoot() + trim(root) + trim(leaf);
    }

    String metricsPath() {
        return observabilityRoot() + trim(prod("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    String openApiPath() {
        return nonApplicationRoot() + trim(prod("quarkus.smallrye-openapi.path", "openapi"));
    }

    String swaggerUiPath() {
        return nonApplicationRoot() + trim(prod("quarkus.swagger-ui.path", "swagger-ui"));
    }

    /** The database name of the service's own JDBC URL (the default it falls back to). */
    String defaultDatabaseName() {
        String url = resolve(prod("quarkus.datasource.jdbc.url").orElseThrow(), Map.of());
        return Jdbc.parse(url).database();
    }

    int jdbcMaxSize(Map<String, String> env) {
        String fromEnv = env.get(envName("quarkus.datasource.jdbc.max-size"));
        return Integer.parseInt(fromEnv != null ? fromEnv : prod("quarkus.datasource.jdbc.max-size", "20"));
    }

    /** host, port and database of a PostgreSQL JDBC URL. */
    record Jdbc(String host, int port, String database) {
        static Jdbc parse(String url) {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new AssertionError("not a PostgreSQL JDBC URL: " + url);
            }
            URI u = URI.create(url.substring("jdbc:".length()));
            String path = u.getPath() == null ? "" : u.getPath();
            return new Jdbc(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), path.replaceFirst("^/", ""));
        }
    }
}
