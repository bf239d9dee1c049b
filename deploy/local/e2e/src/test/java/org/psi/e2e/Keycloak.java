package org.psi.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/**
 * Users made for a test in the stack's Keycloak (realm psi) through its admin API: workers beyond the
 * demo users of the realm file, for the tests that need many (realm role worker, the citizen ID the
 * realm verified as the attribute the scope psi-identity maps, and a password the realm's policy
 * accepts: {@link #passwordOf}).
 */
final class Keycloak {

    private static final Map<String, String> PASSWORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The password of a user made here, or the demo users' "demo". */
    static String passwordOf(String username) {
        return PASSWORDS.getOrDefault(username, "demo");
    }

    private Keycloak() {
    }

    private static String admin() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", "admin")).post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A new user with the realm role worker and {@code nationalId} verified; returns the username, ready for {@link Tokens#worker}. */
    static String newWorker(String username, String firstName, String lastName, String nationalId) {
        String admin = admin();
        String users = Stack.KEYCLOAK + "/admin/realms/psi/users";
        String password = "e2e-" + java.util.UUID.randomUUID();
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "emailVerified", true, "firstName", firstName,
                        "lastName", lastName, "email", username + "@psi.example",
                        "attributes", Map.of("nationalId", List.of(nationalId)),
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(users).then().statusCode(201).extract().header("Location");
        PASSWORDS.put(username, password);
        String id = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> role = given().auth().oauth2(admin).get(Stack.KEYCLOAK + "/admin/realms/psi/roles/worker")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                .post(users + "/" + id + "/role-mappings/realm").then().statusCode(204);
        return username;
    }
}
