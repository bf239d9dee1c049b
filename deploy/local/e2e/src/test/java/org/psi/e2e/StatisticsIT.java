package org.psi.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published statistics of each service with tokens of the real Keycloak: the admin recomputes
 * them, the auditor reads the country as JSON and CSV, an officer only their own region (the
 * {@code region} claim of the realm), workers and platforms nothing; and whatever the stories have
 * put in the stack, no count of 1 to 9 persons is ever published (the stack holds a handful of
 * workers, so every non-zero count here must be withheld).
 */
class StatisticsIT {

    private static final String MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("enrollment-service", "/api/statistics/enrollments", "region,scheme", "persons"),
                Arguments.of("contribution-service", "/api/statistics/contributions", "region,scheme,payerKind", "persons"),
                Arguments.of("transfer-service", "/api/statistics/transfers", "region,direction", "transfers"));
    }

    private static RequestSpecification at(String service, String token) {
        Function<String, RequestSpecification> spec = switch (service) {
            case "enrollment-service" -> Stack::enrollment;
            case "contribution-service" -> Stack::contribution;
            default -> Stack::transfer;
        };
        return spec.apply(token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void publishedToAuditorsAndOfficersOfTheRegionOnly(String service, String path, String groupBy, String count) {
        Stack.assumeRuns(service);
        at(service, Tokens.staff("auditor")).post("/api/statistics/refresh").then().statusCode(403);
        at(service, Tokens.staff("psi.admin")).post("/api/statistics/refresh").then().statusCode(200)
                .body("asOf", notNullValue());

        JsonPath country = at(service, Tokens.staff("auditor")).queryParam("month", MONTH).queryParam("groupBy", groupBy)
                .get(path).then().statusCode(200).header("Last-Modified", notNullValue())
                .body("asOf", notNullValue()).body("threshold", equalTo(10)).extract().jsonPath();
        List<Map<String, Object>> figures = Stream.concat(country.<Map<String, Object>>getList("cells").stream(),
                country.<Map<String, Object>>getList("totals").stream()).toList();
        assertFalse(figures.isEmpty(), "at least the month's total");
        for (Map<String, Object> f : figures) {
            Number n = (Number) f.get(count);
            assertTrue(n == null ? Boolean.TRUE.equals(f.get("suppressed")) : n.longValue() == 0 || n.longValue() >= 10,
                    "a figure of 1 to 9 persons was published: " + f);
        }
        at(service, Tokens.staff("auditor")).accept("text/csv").queryParam("month", MONTH).queryParam("groupBy", groupBy)
                .get(path).then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("month,")).body(containsString(MONTH));

        // officers: their own province (with its cities), nothing else
        at(service, Tokens.staff("officer.guangdong")).queryParam("month", MONTH).get(path).then().statusCode(200)
                .body("region", equalTo("440000"));
        at(service, Tokens.staff("officer.guangdong")).queryParam("month", MONTH).queryParam("region", "440300").get(path)
                .then().statusCode(200).body("region", equalTo("440300"));
        at(service, Tokens.staff("officer.beijing")).queryParam("month", MONTH).queryParam("region", "440000").get(path)
                .then().statusCode(403).contentType("application/problem+json");
        at(service, Tokens.staff("officer.shenzhen")).queryParam("month", MONTH).queryParam("region", "440000").get(path)
                .then().statusCode(403);
        // people and platforms read no statistics; a bad month is a problem, not an error
        at(service, Tokens.worker("wang.fang")).queryParam("month", MONTH).get(path).then().statusCode(403);
        at(service, Tokens.platform("platform-fastmeal")).queryParam("month", MONTH).get(path).then().statusCode(403);
        at(service, Tokens.staff("auditor")).queryParam("month", "2026-13").get(path).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
