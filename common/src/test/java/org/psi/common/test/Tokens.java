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

    /** The private key of the OIDC test server (its JWKS publishes the public half, key id "1"). */
    public static final String SIGNING_KEY = "privateKey.jwk";

    public static String worker(String subject) {
        return sign(builder(subject, Set.of("worker")));
    }

    /** Signs with the test server's key, so a token can be made before (or outside) a Quarkus application. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A worker with a fresh random subject. */
    public static String newWorker() {
        return worker(UUID.randomUUID().toString());
    }

    /** A platform's client-credentials token: the client id is in {@code azp}. */
    public static String platform(String clientId) {
        return sign(builder("service-account-" + clientId, Set.of("platform")).claim("azp", clientId));
    }

    public static String officer(String region) {
        return sign(builder("officer-" + region + "-" + UUID.randomUUID(), Set.of("officer")).claim("region", region));
    }

    public static String auditor() {
        return sign(builder("auditor-" + UUID.randomUUID(), Set.of("auditor")));
    }

    public static String admin() {
        return sign(builder("admin-" + UUID.randomUUID(), Set.of("admin")));
    }

    public static String internal(String clientId) {
        return sign(builder("service-account-" + clientId, Set.of("internal")).claim("azp", clientId));
    }

    public static String expired(String subject) {
        return sign(builder(subject, Set.of("worker"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)));
    }

    public static String wrongAudience(String subject) {
        return sign(builder(subject, Set.of("worker")).audience("some-other-api"));
    }

    public static String wrongIssuer(String subject) {
        return sign(builder(subject, Set.of("worker")).issuer("https://impostor.example.com"));
    }

    /** Claims that are all right, signed by a key the JWKS does not publish (same key id). */
    public static String badSignature(String subject) {
        return builder(subject, Set.of("worker")).jws().keyId("1").sign(otherKey().getPrivate());
    }

    /** A worker's registration token: the verified citizen ID (scope psi-identity), for the enrollment-service too. */
    public static String withVerifiedId(String subject, String nationalId) {
        return sign(builder(subject, Set.of("worker")).audience(Set.of(AUDIENCE, "enrollment-service"))
                .claim("psi_national_id", nationalId));
    }

    /** An ID token (typ ID) of a worker, with the audience and roles of an access token. */
    public static String idToken(String subject) {
        return sign(builder(subject, Set.of("worker")).claim("typ", "ID"));
    }

    /** A refresh token's type (typ Refresh), otherwise an access token of a worker. */
    public static String refreshToken(String subject) {
        return sign(builder(subject, Set.of("worker")).claim("typ", "Refresh"));
    }

    /** An access token of a worker without the typ claim Keycloak always sets. */
    public static String untyped(String subject) {
        return sign(builder(subject, Set.of("worker")).remove("typ"));
    }

    /** The claims of a Keycloak access token ({@code typ: Bearer}). */
    public static JwtClaimsBuilder builder(String subject, Set<String> roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .claim("typ", "Bearer")
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
