package org.psi.common.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Runs a sibling PSI service, the real one, for the tests of another service: its packaged
 * application ({@code <repo>/<service>/target/quarkus-app/quarkus-run.jar}) starts as a child JVM
 * (copied first, so a rebuild of the shared working tree cannot pull it from under the child)
 * on a free port, with its own database on the module's embedded PostgreSQL
 * ({@link PostgresResource#server()}) and its OIDC pointed at the same test server
 * ({@link OidcServerResource}), so tokens made by {@link Tokens} work on both sides.
 *
 * <p>As a test resource it is the one resource a module needs: it starts the OIDC server and
 * PostgreSQL first (in that order, once per JVM), then the child, waits for {@code /q/health/ready},
 * and returns the configuration of all three: the OIDC settings ({@code keycloak.url},
 * {@code psi.test.oidc-url}), the datasource of the module under test, and the child's base URL
 * under {@code url-property}. The child runs with the {@code test} profile, so it reads the same
 * OIDC test settings its own tests use; it is killed when the test JVM exits.
 *
 * <pre>
 * &#64;WithTestResource(value = ServiceProcess.class, scope = TestResourceScope.GLOBAL, initArgs = {
 *         &#64;ResourceArg(name = "service", value = "enrollment-service"),
 *         &#64;ResourceArg(name = "url-property", value = "quarkus.rest-client.enrollment.url")})
 * </pre>
 *
 * Init args: {@code service} (the sibling module's directory, default {@code enrollment-service}),
 * {@code url-property} (default {@code quarkus.rest-client.<service without -service>.url}),
 * {@code jvm-args} (extra options for the child JVM, space separated), {@code needs} (sibling
 * services the child calls, comma separated: each is started first, once per JVM, and its URL is
 * given to the child as {@code quarkus.rest-client.<name without -service>.url}; e.g. a
 * contribution-service child needs {@code enrollment-service}).
 */
public class ServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Map<String, Running> RUNNING = new ConcurrentHashMap<>();
    private static Map<String, String> oidcConfig;

    private String service = "enrollment-service";
    private String urlProperty;
    private List<String> jvmArgs = List.of();
    private List<String> needs = List.of();

    /** A child service: its base URL (no trailing slash), the process, and the file its output goes to. */
    public record Running(String service, String url, Process process, Path log, String database, List<String> command) {
    }

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        urlProperty = initArgs.getOrDefault("url-property", urlPropertyOf(service));
        // and the system property psi.test.child-jvm-args (a benchmark's production collector and limits)
        String extra = (initArgs.getOrDefault("jvm-args", "") + " " + System.getProperty("psi.test.child-jvm-args", "")).strip();
        jvmArgs = extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
        String needed = initArgs.get("needs");
        needs = needed == null || needed.isBlank() ? List.of() : Arrays.asList(needed.strip().split("\\s*,\\s*"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(oidcServer());
        config.putAll(new PostgresResource().start());
        Map<String, String> childConfig = new HashMap<>();
        for (String sibling : needs) {
            String url = start(sibling, Map.of(), List.of()).url();
            childConfig.put(urlPropertyOf(sibling), url);
            config.put("psi.test." + sibling + ".url", url);
        }
        Running running = start(service, childConfig, jvmArgs);
        config.put(urlProperty == null ? urlPropertyOf(service) : urlProperty, running.url());
        config.put("psi.test." + service + ".url", running.url());
        return config;
    }

    @Override
    public void stop() {
        // the child, the database and the OIDC server serve every test class of this JVM; the child dies with it
    }

    /** Where a PSI service expects the base URL of {@code service}: {@code quarkus.rest-client.<name>.url}. */
    public static String urlPropertyOf(String service) {
        return "quarkus.rest-client." + service.replace("-service", "") + ".url";
    }

    /** The OIDC test server of this JVM, started on first use; its configuration ({@code keycloak.url}, ...). */
    public static synchronized Map<String, String> oidcServer() {
        if (oidcConfig == null) {
            OidcServerResource server = new OidcServerResource();
            oidcConfig = Map.copyOf(server.start());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "psi-oidc-server-stop"));
        }
        return oidcConfig;
    }

    /** The base URL of a child started earlier in this JVM. */
    public static String url(String service) {
        Running running = RUNNING.get(service);
        if (running == null) {
            throw new IllegalStateException(service + " was not started by ServiceProcess in this JVM");
        }
        return running.url();
    }

    /**
     * Starts {@code service} once per JVM (later calls return the running one): a fresh database on
     * the embedded PostgreSQL, the shared OIDC server, the {@code test} profile, and {@code config}
     * as extra settings (each passed both plain and as {@code %test.}).
     */
    public static synchronized Running start(String service, Map<String, String> config, List<String> jvmArgs) {
        Running existing = RUNNING.get(service);
        if (existing != null && existing.process().isAlive()) {
            return existing;
        }
        Path jar = privateCopy(service, locate(service));
        Map<String, String> oidc = oidcServer();
        String database = createDatabase(service);
        int port = freePort();
        String jdbcUrl = PostgresResource.server().getJdbcUrl("postgres", database);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.http.port", String.valueOf(port));
        settings.put("quarkus.http.host", "127.0.0.1");
        settings.put("keycloak.url", oidc.get("keycloak.url"));
        settings.put("psi.test.oidc-url", oidc.get("psi.test.oidc-url"));
        settings.put("quarkus.oidc.auth-server-url", oidc.get("psi.test.oidc-url"));
        settings.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        settings.put("quarkus.datasource.jdbc.url", jdbcUrl);
        settings.put("quarkus.datasource.username", "postgres");
        settings.put("quarkus.datasource.password", "postgres");
        settings.put("quarkus.devservices.enabled", "false");
        settings.putAll(config);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Dquarkus.profile=test");
        settings.forEach((k, v) -> {
            command.add("-D" + k + "=" + v);
            command.add("-D%test." + k + "=" + v);
        });
        command.add("-jar");
        command.add(jar.toString());

        Path target = Path.of(System.getProperty("user.dir"), "target");
        Path log = (Files.isDirectory(target) ? target : jar.getParent()).resolve(service + "-" + port + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service + " from " + jar, e);
        }
        Process child = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> kill(child), "psi-stop-" + service));
        String url = "http://127.0.0.1:" + port;
        waitUntilReady(service, url, process, log);
        Running running = new Running(service, url, process, log, database, List.copyOf(command));
        RUNNING.put(service, running);
        LOG.infof("%s runs at %s (pid %d, database %s, output in %s)", service, url, process.pid(), database, log);
        return running;
    }

    // ------------------------------------------------------------------ faults, for tests of a peer down or frozen

    /** Freezes a child (SIGSTOP): it keeps its port and connections but answers nothing, as a hung peer. */
    public static void freeze(String service) {
        signal(service, "STOP");
    }

    /** Lets a frozen child go on (SIGCONT). */
    public static void thaw(String service) {
        signal(service, "CONT");
    }

    /** Kills a child at once (SIGKILL), as a crash: nothing it had not committed survives. */
    public static synchronized void crash(String service) {
        Running running = running(service);
        signal(service, "KILL");
        try {
            running.process().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a child that was killed again, on the same port and database, and waits until it is ready. */
    public static synchronized Running restart(String service) {
        Running old = running(service);
        if (old.process().isAlive()) {
            throw new IllegalStateException(service + " still runs; crash it first");
        }
        Process process;
        try {
            process = new ProcessBuilder(old.command()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(old.log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service + " again", e);
        }
        Process child = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> kill(child), "psi-stop-" + service));
        waitUntilReady(service, old.url(), process, old.log());
        Running running = new Running(service, old.url(), process, old.log(), old.database(), old.command());
        RUNNING.put(service, running);
        return running;
    }

    private static Running running(String service) {
        Running running = RUNNING.get(service);
        if (running == null) {
            throw new IllegalStateException(service + " was not started by ServiceProcess in this JVM");
        }
        return running;
    }

    private static void signal(String service, String signal) {
        long pid = running(service).process().pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The packaged application of {@code service}, found from the module's directory upwards. */
    static Path locate(String service) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path moduleDir = null;
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(service).resolve("pom.xml"))) {
                moduleDir = d.resolve(service);
                break;
            }
        }
        if (moduleDir == null) {
            throw new IllegalStateException("No module " + service + " was found above " + dir);
        }
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged " + service + " is missing (" + jar + "): run ./mvnw -pl "
                    + service + " package first (./mvnw verify builds it before the modules that test against it)");
        }
        warnIfStale(service, moduleDir, jar);
        return jar;
    }

    /**
     * A copy of the packaged application for this JVM alone: the working tree is shared, and a
     * rebuild of the sibling module must not pull the jars from under the running child.
     */
    private static Path privateCopy(String service, Path jar) {
        Path app = jar.getParent();
        try {
            Path copy = Files.createTempDirectory("psi-" + service + "-");
            try (Stream<Path> files = Files.walk(app)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(app.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(copy), "psi-clean-" + service));
            return copy.resolve(jar.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the packaged " + service + " from " + app, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory; the system cleans it eventually
        }
    }

    private static void warnIfStale(String service, Path moduleDir, Path jar) {
        try (Stream<Path> sources = Files.walk(moduleDir.resolve("src/main"))) {
            FileTime built = Files.getLastModifiedTime(jar);
            Optional<Path> newer = sources.filter(Files::isRegularFile)
                    .filter(p -> {
                        try {
                            return Files.getLastModifiedTime(p).compareTo(built) > 0;
                        } catch (IOException e) {
                            return false;
                        }
                    }).findFirst();
            newer.ifPresent(p -> LOG.warnf("%s has sources newer than its package (%s); the tests run the packaged one."
                    + " Run ./mvnw -pl %s package to test against the current code", service, moduleDir.relativize(p), service));
        } catch (IOException | UncheckedIOException e) {
            // no sources to compare: nothing to warn about
        }
    }

    private static String createDatabase(String service) {
        String name = service.replaceAll("[^a-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = PostgresResource.server().getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database of " + service, e);
        }
        return name;
    }

    private static void waitUntilReady(String service, String url, Process process, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with status " + process.exitValue()
                        + " while starting; its output:\n" + tail(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        kill(process);
        throw new IllegalStateException(service + " was not ready within " + READY_TIMEOUT.toSeconds() + " s; its output:\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void kill(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
