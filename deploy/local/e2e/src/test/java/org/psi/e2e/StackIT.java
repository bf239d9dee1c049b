package org.psi.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every part of the stack is up and wired: Keycloak publishes the psi realm, and each PSI service
 * that the stack started is ready, publishes its OpenAPI document, refuses a request without a
 * token and accepts a worker's token from the real Keycloak.
 */
class StackIT {

    /** A worker endpoint of each service (API contract): 401 without a token, anything but 401 with one. */
    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("enrollment-service", Stack.ENROLLMENT, "/api/workers/me"),
                Arguments.of("contribution-service", Stack.CONTRIBUTION, "/api/workers/me/statement"),
                Arguments.of("transfer-service", Stack.TRANSFER, "/api/transfers/me"));
    }

    @Test
    void keycloakServesThePsiRealm() {
        given().get(Stack.REALM + "/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(Stack.REALM));
        // the realm's users and clients are the ones of deploy/keycloak/psi-realm.json
        String worker = Tokens.payload(Tokens.worker("wang.fang"));
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.hamcrest.MatcherAssert.assertThat(worker, containsString("\"aud\":\"psi-api\"")),
                () -> org.hamcrest.MatcherAssert.assertThat(worker, containsString("\"sub\":\"00000000-0000-4000-8000-000000000101\"")),
                () -> org.hamcrest.MatcherAssert.assertThat(worker, containsString("\"roles\":[\"worker\"]")));
        String officer = Tokens.payload(Tokens.staff("officer.guangdong"));
        org.hamcrest.MatcherAssert.assertThat(officer, containsString("\"region\":\"440000\""));
        for (String platform : List.of("platform-fastmeal", "platform-quickride", "platform-swiftparcel")) {
            org.hamcrest.MatcherAssert.assertThat(Tokens.payload(Tokens.platform(platform)),
                    containsString("\"azp\":\"" + platform + "\""));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void serviceIsUpAndSecured(String service, String url, String workerPath) {
        Stack.assumeRuns(service);
        given().baseUri(url).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(url).accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString(service));
        // every answer of these tests is checked against this document (Stack.at)
        org.junit.jupiter.api.Assertions.assertTrue(org.psi.common.test.Conformance.checks(url), service + " serves no document to check against");
        Stack.at(url).get(workerPath).then().statusCode(401);
        Stack.at(url).auth().oauth2(Tokens.worker("chen.jing")).get(workerPath).then().statusCode(not(equalTo(401)));
    }
}
