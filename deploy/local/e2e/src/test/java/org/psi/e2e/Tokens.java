package org.psi.e2e;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak of the stack (realm psi, deploy/keycloak/psi-realm.json):
 * the password grant for the demo users (password "demo"), client credentials for platforms and
 * services, and a worker's registration token (scope psi-identity). Tokens are reused while they
 * have more than a minute to live.
 */
public final class Tokens {

    public static final String TOKEN_ENDPOINT = Stack.REALM + "/protocol/openid-connect/token";
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long expiresAtMillis) {
    }

    private Tokens() {
    }

    /** A worker, logged in through the mobile app's client. */
    public static String worker(String username) {
        return password("psi-mobile", username);
    }

    /**
     * A worker's token for registration: the app asks for the optional scope psi-identity, and the
     * token carries the citizen ID the realm verified for the user (claim psi_national_id, audience
     * enrollment-service too). For POST /api/workers only; the other services refuse it.
     */
    public static String registration(String username) {
        return cached("psi-mobile/psi-identity/" + username, () -> request(Map.of("grant_type", "password",
                "client_id", "psi-mobile", "username", username, "password", Keycloak.passwordOf(username), "scope", "psi-identity"),
                TOKEN_ENDPOINT));
    }

    /** The citizen ID the realm verified for a demo worker, as their registration token states it. */
    public static String verifiedId(String username) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"psi_national_id\"\\s*:\\s*\"([0-9X]{18})\"")
                .matcher(payload(registration(username)));
        if (!m.find()) {
            throw new IllegalStateException(username + "'s registration token carries no verified citizen ID");
        }
        return m.group(1);
    }

    /** An officer, auditor or admin, logged in through the console's client. */
    public static String staff(String username) {
        return password("psi-console", username);
    }

    public static String password(String clientId, String username) {
        return cached(clientId + "/" + username, () -> request(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", Keycloak.passwordOf(username)), TOKEN_ENDPOINT));
    }

    /** A platform or service: client credentials with the local secret {@code <short name>-local-secret}. */
    public static String client(String clientId, String secret) {
        return cached(clientId, () -> request(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret), TOKEN_ENDPOINT));
    }

    public static String platform(String clientId) {
        return client(clientId, clientId.replaceFirst("^platform-", "") + "-local-secret");
    }

    public static String service(String clientId) {
        return client(clientId, clientId + "-local-secret");
    }

    /** A token that is not cached: for tokens meant to expire. */
    public static String fresh(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret),
                TOKEN_ENDPOINT).token();
    }

    /** A token of Keycloak's master realm: a real, signed token from another issuer. */
    public static String otherIssuer() {
        return request(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", "admin"), Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token").token();
    }

    /** The decoded payload (claims) of a JWT, as JSON text. */
    public static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The same token with its payload replaced and its signature kept. */
    public static String withPayload(String jwt, String payloadJson) {
        String[] parts = jwt.split("\\.");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String cached(String key, java.util.function.Supplier<Cached> fetch) {
        Cached c = CACHE.get(key);
        if (c == null || c.expiresAtMillis() - System.currentTimeMillis() < 60_000) {
            c = fetch.get();
            CACHE.put(key, c);
        }
        return c.token();
    }

    private static Cached request(Map<String, String> form, String endpoint) {
        var response = given().formParams(form).post(endpoint).then().statusCode(200).extract();
        long expiresIn = ((Number) response.path("expires_in")).longValue();
        return new Cached(response.path("access_token"), System.currentTimeMillis() + expiresIn * 1000);
    }
}
