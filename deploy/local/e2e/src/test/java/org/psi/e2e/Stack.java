package org.psi.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.filter.log.LogDetail;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the stack under test is: the URLs come from system properties that the build sets (the
 * ports of deploy/local/run for the tests), defaulting to a developer's stack on the standard ports.
 */
public final class Stack {

    public static final String KEYCLOAK = property("psi.keycloak.url", "http://localhost:8180");
    public static final String ENROLLMENT = property("psi.enrollment.url", "http://localhost:8081");
    public static final String CONTRIBUTION = property("psi.contribution.url", "http://localhost:8082");
    public static final String TRANSFER = property("psi.transfer.url", "http://localhost:8083");
    public static final String REALM = KEYCLOAK + "/realms/psi";

    private Stack() {
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Checks every answer against the document of the service that gave it ({@code -Dpsi.conformance.off=true}: not). */
    private static final boolean CONFORMANCE = !Boolean.getBoolean("psi.conformance.off");

    /**
     * A request to one service, logging request and response when an assertion fails; its answer
     * (and the request, when accepted) must conform to the service's OpenAPI document
     * ({@link org.psi.common.test.Conformance}).
     */
    public static RequestSpecification at(String baseUrl) {
        RequestSpecification spec = given().spec(new RequestSpecBuilder().setBaseUri(baseUrl).setContentType(ContentType.JSON)
                .setAccept(ContentType.JSON).build()).filter(new io.restassured.filter.log.ErrorLoggingFilter());
        if (CONFORMANCE) {
            spec = spec.filter(new org.psi.common.test.Conformance());
        }
        return spec.log().ifValidationFails(LogDetail.ALL);
    }

    public static RequestSpecification enrollment(String token) {
        return token == null ? at(ENROLLMENT) : at(ENROLLMENT).auth().oauth2(token);
    }

    public static RequestSpecification contribution(String token) {
        return token == null ? at(CONTRIBUTION) : at(CONTRIBUTION).auth().oauth2(token);
    }

    public static RequestSpecification transfer(String token) {
        return token == null ? at(TRANSFER) : at(TRANSFER).auth().oauth2(token);
    }

    /**
     * Whether the stack started this service. deploy/local/run starts every service that has been
     * written; the scenarios of a service not written yet are skipped, not failed.
     */
    public static boolean runs(String service) {
        String data = System.getProperty("psi.stack.data");
        if (data != null && !data.isBlank()) {
            try {
                List<String> started = Files.readAllLines(Path.of(data, "run", "services"));
                return started.stream().anyMatch(line -> line.startsWith(service + " "));
            } catch (IOException e) {
                return false;
            }
        }
        String url = switch (service) {
            case "enrollment-service" -> ENROLLMENT;
            case "contribution-service" -> CONTRIBUTION;
            case "transfer-service" -> TRANSFER;
            default -> throw new IllegalArgumentException(service);
        };
        try {
            return given().baseUri(url).get("/q/health/ready").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static void assumeRuns(String service) {
        Assumptions.assumeTrue(runs(service), service + " is not part of the stack yet");
    }
}
