package org.psi.common.test;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Real signed access tokens for tests, verified by the service against the JWKS of the OIDC test
 * server ({@code OidcWiremockTestResource}). Roles go where Keycloak puts them: {@code realm_access.roles}.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "psi-api";

    private Tokens() {
    }

    public static String worker(String subject) {
        return builder(subject, Set.of("worker")).sign();
    }

    /** A worker with a fresh random subject. */
    public static String newWorker() {
        return worker(UUID.randomUUID().toString());
    }

    /** A platform's client-credentials token: the client id is in {@code azp}. */
    public static String platform(String clientId) {
        return builder("service-account-" + clientId, Set.of("platform")).claim("azp", clientId).sign();
    }

    public static String officer(String region) {
        return builder("officer-" + region + "-" + UUID.randomUUID(), Set.of("officer")).claim("region", region).sign();
    }

    public static String auditor() {
        return builder("auditor-" + UUID.randomUUID(), Set.of("auditor")).sign();
    }

    public static String admin() {
        return builder("admin-" + UUID.randomUUID(), Set.of("admin")).sign();
    }

    public static String internal(String clientId) {
        return builder("service-account-" + clientId, Set.of("internal")).claim("azp", clientId).sign();
    }

    public static String expired(String subject) {
        return builder(subject, Set.of("worker"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String wrongAudience(String subject) {
        return builder(subject, Set.of("worker")).audience("some-other-api").sign();
    }

    public static String wrongIssuer(String subject) {
        return builder(subject, Set.of("worker")).issuer("https://impostor.example.com").sign();
    }

    /** Claims that are all right, signed by a key the JWKS does not publish (same key id). */
    public static String badSignature(String subject) {
        return builder(subject, Set.of("worker")).jws().keyId("1").sign(otherKey().getPrivate());
    }

    public static JwtClaimsBuilder builder(String subject, Set<String> roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600));
    }

    private static KeyPair otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
