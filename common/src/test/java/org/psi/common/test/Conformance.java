package org.psi.common.test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every HTTP exchange a test makes with REST Assured is checked against the service's own OpenAPI
 * document ({@code /q/openapi} of the service the request went to): the response always (its status
 * is described, its JSON body matches the schema of that status and media type), the request when it
 * succeeded (a request the service accepted must be one its document allows; the tests' bad requests
 * are refused by design). A drift between code and description fails the test that met it.
 * Bodies that are not JSON (NDJSON, CSV, JOSE) are left to their own checks.
 *
 * <p>Installed by {@link Installer} (META-INF/services).
 */
public final class Conformance implements Filter {

    private static final Map<String, java.util.Optional<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        // a 500 is an incident (the tests that provoke one break the database on purpose), not part of the contract
        if (uri.getPath().startsWith("/q/") || uri.getPath().startsWith("/.well-known/") || !json(response) || response.statusCode() == 500) {
            return response;
        }
        String base = uri.getScheme() + "://" + uri.getAuthority();
        // a peer's stand-in serves no document: remembered as none
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(base, b -> java.util.Optional.ofNullable(validatorOf(b))).orElse(null);
        if (validator == null) {
            return response;
        }
        ValidationReport report = validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        boolean accepted = response.statusCode() < 400;
        List<ValidationReport.Message> problems = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> accepted || !m.getKey().startsWith("validation.request"))
                // the validator reads the items of an array query parameter as JSON under OpenAPI 3.1
                // (swagger-request-validator 2.46): ?groupBy=region is valid; the services' own 400 tests check parameters
                .filter(m -> !m.getKey().equals("validation.request.parameter.schema.invalidJson")
                        && !m.getKey().equals("validation.request.parameter.collection.invalid"))
                .toList();
        if (!problems.isEmpty()) {
            StringBuilder s = new StringBuilder(request.getMethod() + " " + uri.getPath() + " -> " + response.statusCode()
                    + " does not conform to the service's OpenAPI document:");
            problems.forEach(m -> s.append("\n  ").append(m.getKey()).append(": ").append(m.getMessage()));
            s.append("\n  body: ").append(excerpt(response.asString()));
            throw new AssertionError(s.toString());
        }
        return response;
    }

    /** Whether the service at {@code base} (scheme, host and port) serves a document that its answers are checked against. */
    public static boolean checks(String base) {
        return VALIDATORS.computeIfAbsent(base, b -> java.util.Optional.ofNullable(validatorOf(b))).isPresent();
    }

    private static boolean json(Response response) {
        String type = response.contentType();
        return type != null && (type.startsWith("application/json") || type.startsWith("application/problem+json"));
    }

    private static String excerpt(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }

    /** The validator of the service at {@code base}, or null if it serves no OpenAPI document (a stand-in). */
    private static OpenApiInteractionValidator validatorOf(String base) {
        try {
            HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (doc.statusCode() != 200) {
                return null;
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(doc.body()).build();
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Installs the check before each {@code @QuarkusTest} method, in the class loader the test runs
     * in (Quarkus loads tests in its own, with their own REST Assured), in each module that has the
     * validator on its test classpath; {@code -Dpsi.conformance.off=true} leaves it out.
     */
    public static final class Installer implements io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback {
        @Override
        public void beforeEach(io.quarkus.test.junit.callback.QuarkusTestMethodContext context) {
            if (Boolean.getBoolean("psi.conformance.off") || !validatorPresent()) {
                return;
            }
            if (RestAssured.filters().stream().noneMatch(f -> f instanceof Conformance)) {
                RestAssured.filters(new Conformance());
            }
        }

        private static boolean validatorPresent() {
            try {
                Class.forName("com.atlassian.oai.validator.OpenApiInteractionValidator", false, Installer.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
