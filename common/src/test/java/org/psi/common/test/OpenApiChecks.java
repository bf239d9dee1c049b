package org.psi.common.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of a service's OpenAPI document that every service's {@code OpenApiTest} runs. */
public final class OpenApiChecks {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiChecks() {
    }

    /** Every operation of {@code paths} (the document's {@code paths} object) has an operationId (a generated client's method name), unique in the document. */
    public static void everyOperationHasAUniqueOperationId(Map<String, Map<String, Object>> paths) {
        List<String> ids = new ArrayList<>();
        List<String> without = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Object id = ((Map<?, ?>) operation).get("operationId");
            if (id == null) {
                without.add(method.toUpperCase() + " " + path);
            } else {
                ids.add(id.toString());
            }
        }));
        assertEquals(List.of(), without, "operations without an operationId");
        List<String> repeated = new ArrayList<>(ids);
        new HashSet<>(ids).forEach(repeated::remove);
        assertEquals(List.of(), repeated, "operationIds used twice");
    }

    /** Writes the service's document to {@code target/openapi/<service>.json} (for the linters and a look); answers the file. */
    public static Path write(String service, String json) {
        try {
            Path file = Path.of("target", "openapi", service + ".json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lints a written document with redocly's recommended rules ({@code lint/redocly.yaml} at the
     * project's root), requiring 0 errors and 0 warnings, and with spectral's OWASP ruleset
     * ({@code lint/.spectral.yaml}), requiring 0 errors. The linters are the npm packages pinned in
     * {@code lint/package-lock.json}, installed there with {@code npm ci} the first time (Node.js and
     * npm on the PATH, as for the local stack).
     */
    public static void lintsClean(Path document) {
        Path lint = projectRoot().resolve("lint");
        Path redocly = lint.resolve("node_modules/.bin/redocly");
        Path spectral = lint.resolve("node_modules/.bin/spectral");
        synchronized (OpenApiChecks.class) {
            if (!Files.isExecutable(redocly) || !Files.isExecutable(spectral)) {
                run(lint, List.of("npm", "ci", "--no-audit", "--no-fund", "--silent"));
            }
        }
        AssertionError redoclyFailure = null;
        try {
            redoclyLintsClean(lint, redocly, document);
        } catch (AssertionError e) {
            redoclyFailure = e;
        }
        AssertionError spectralFailure = null;
        try {
            spectralLintsClean(lint, spectral, document);
        } catch (AssertionError e) {
            spectralFailure = e;
        }
        if (redoclyFailure != null && spectralFailure != null) {
            throw new AssertionError(redoclyFailure.getMessage() + "\n" + spectralFailure.getMessage(), redoclyFailure);
        }
        if (redoclyFailure != null) {
            throw redoclyFailure;
        }
        if (spectralFailure != null) {
            throw spectralFailure;
        }
    }

    /**
     * spectral's errors on a document ({@code lint/.spectral.yaml}: the OWASP ruleset and PSI's
     * exceptions): none allowed; each is listed with its rule, where it is and what it says.
     */
    private static void spectralLintsClean(Path lint, Path spectral, Path document) {
        List<String> command = List.of(spectral.toString(), "lint", "--ruleset", lint.resolve(".spectral.yaml").toString(),
                "--format", "json", "--quiet", document.toString());
        Result r = run(lint, command);
        String out = r.output();
        int start = out.indexOf('[');
        com.fasterxml.jackson.databind.JsonNode results;
        try {
            results = start < 0 ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.substring(start));
        } catch (IOException e) {
            results = null;
        }
        if (results == null || !results.isArray()) {
            throw new AssertionError("spectral answered no report for " + document + " (exit " + r.exitCode() + "):\n" + out);
        }
        List<String> errors = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode d : results) {
            if (d.path("severity").asInt(-1) == 0) {
                List<String> path = new ArrayList<>();
                d.path("path").forEach(p -> path.add(p.asText()));
                errors.add(d.path("code").asText() + " at " + String.join(".", path) + ": " + d.path("message").asText());
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("spectral lint of " + document + ": " + errors.size() + " errors (0 required):\n  "
                    + String.join("\n  ", errors.stream().sorted().toList()));
        }
    }

    private static void redoclyLintsClean(Path lint, Path redocly, Path document) {
        List<String> lintCommand = List.of(redocly.toString(), "lint", "--config", lint.resolve("redocly.yaml").toString(),
                "--format=json", document.toString());
        Result r = run(lint, lintCommand);
        String json = r.output().substring(Math.max(0, r.output().indexOf('{')));
        int errors;
        int warnings;
        try {
            var totals = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("totals");
            errors = totals.path("errors").asInt(-1);
            warnings = totals.path("warnings").asInt(-1);
        } catch (IOException e) {
            throw new AssertionError("redocly answered no report for " + document + ":\n" + r.output(), e);
        }
        if (errors != 0 || warnings != 0) {
            List<String> readable = new ArrayList<>(lintCommand);
            readable.set(readable.size() - 2, "--format=stylish");
            throw new AssertionError("redocly lint of " + document + ": " + errors + " errors and " + warnings
                    + " warnings (0 and 0 required):\n" + run(lint, readable).output().replaceAll("(?m)^.*[\u2551\u2554\u255a].*$\\R?", ""));
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (command.get(0).equals("npm") && code != 0) {
                throw new IllegalStateException("npm ci in " + dir + " failed (" + code + "):\n" + out);
            }
            return new Result(code, out);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command + " (Node.js and npm must be on the PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The project's root: the nearest directory above the module's with the {@code lint} folder. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("lint"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No lint folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /**
     * The shared responses (org.psi.common.openapi.SharedResponsesFilter): every operation that needs
     * a token answers 401, every one that needs a role 403 naming its roles, every one 429; and the
     * security scheme is OpenID Connect with the discovery document of the realm the service trusts.
     */
    @SuppressWarnings("unchecked")
    public static void sharedResponsesAndTheOidcScheme(Map<String, Object> doc, String realmUrl) {
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes");
        assertEquals(1, schemes.size(), "one security scheme: " + schemes);
        Map<String, Object> scheme = (Map<String, Object>) schemes.values().iterator().next();
        assertEquals("openIdConnect", scheme.get("type"));
        assertEquals(realmUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration", scheme.get("openIdConnectUrl"));
        List<String> wrong = new ArrayList<>();
        int secured = 0;
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (!responses.containsKey("429")) {
                    wrong.add(name + ": no 429");
                }
                List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
                if (security == null || security.isEmpty() || security.stream().allMatch(Map::isEmpty)) {
                    continue;
                }
                secured++;
                if (!responses.containsKey("401") || ((Map<String, Object>) responses.get("401")).get("content") == null) {
                    wrong.add(name + ": no 401 problem");
                }
                List<String> roles = security.stream().flatMap(r -> r.values().stream()).flatMap(List::stream).toList();
                if (!roles.isEmpty() && (!responses.containsKey("403") || ((Map<String, Object>) responses.get("403")).get("content") == null)) {
                    wrong.add(name + ": needs " + roles + " but has no 403 problem");
                }
            }
        }
        assertEquals(List.of(), wrong);
        if (secured == 0) {
            throw new AssertionError("no operation needs a token: the security requirements are missing");
        }
    }

    /** The OpenAPI document the service under test serves, as JSON. */
    public static String document() {
        return io.restassured.RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    /** {@link #lintsClean} of the document the service under test serves, written as {@code target/openapi/<service>.json}. */
    public static void servedDocumentLintsClean(String service) {
        lintsClean(write(service, document()));
    }

    /** {@link #sharedResponsesAndTheOidcScheme} of the served document against the realm the service is configured for. */
    public static void servedDocumentSharesItsResponsesAndNamesItsRealm() {
        sharedResponsesAndTheOidcScheme(io.restassured.path.json.JsonPath.from(document()).getMap(""),
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class));
    }
}
