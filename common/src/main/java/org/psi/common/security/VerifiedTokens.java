package org.psi.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens already verified, so that an app that sends the same token with every request pays
 * for its signature check and claim parsing once, not on every read. The first request with a token
 * goes through Quarkus OIDC as always (signature against the JWKS, issuer, audience, {@code typ},
 * expiry) and through every other augmentor; only the identity that came out of all of that is kept
 * ({@link Keep}, the last augmentor), keyed by the SHA-256 of the token, until the token expires and
 * at most {@code psi.security.token-cache.max-age}. A later request with the same token gets that
 * identity back ({@link Provider}, asked before Quarkus OIDC) with its own HTTP request in it, and
 * still passes the augmentors. A token is never kept past its {@code exp}; a signing key withdrawn
 * from the JWKS stops a kept token at most max-age later.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Kept(SecurityIdentity identity, long expiresAtNanos) {
    }

    private final Cache<String, Kept> cache;
    private final boolean enabled;
    private final Duration maxAge;

    public VerifiedTokens(@ConfigProperty(name = "psi.security.token-cache.enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "psi.security.token-cache.max-age", defaultValue = "PT5M") Duration maxAge,
                          @ConfigProperty(name = "psi.security.token-cache.size", defaultValue = "100000") long size) {
        this.enabled = enabled;
        this.maxAge = maxAge;
        this.cache = Caffeine.newBuilder().maximumSize(size).expireAfter(new Expiry<String, Kept>() {
            @Override
            public long expireAfterCreate(String key, Kept value, long currentTime) {
                return Math.max(0, value.expiresAtNanos() - System.nanoTime());
            }

            @Override
            public long expireAfterUpdate(String key, Kept value, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String key, Kept value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    SecurityIdentity find(String token) {
        if (!enabled) {
            return null;
        }
        Kept kept = cache.getIfPresent(key(token));
        // Caffeine may hand out an entry in the instant it expires: check the token's own expiry too
        return kept == null || kept.expiresAtNanos() - System.nanoTime() <= 0 ? null : kept.identity();
    }

    void keep(String token, SecurityIdentity identity) {
        if (!enabled || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long secondsLeft = jwt.getExpirationTime() - System.currentTimeMillis() / 1000;
        long nanosLeft = Math.min(Duration.ofSeconds(Math.max(0, secondsLeft)).toNanos(), maxAge.toNanos());
        if (nanosLeft > 0) {
            cache.asMap().putIfAbsent(key(token), new Kept(identity, System.nanoTime() + nanosLeft));
        }
    }

    /** How many verified tokens are kept (for tests). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers a bearer token already verified with its identity; any other goes on to Quarkus OIDC. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        public Provider(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            // before Quarkus OIDC's provider
            return 3000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            if (!(request.getToken() instanceof AccessTokenCredential)) {
                return Uni.createFrom().nullItem();
            }
            SecurityIdentity kept = tokens.find(request.getToken().getToken());
            if (kept == null) {
                return Uni.createFrom().nullItem();
            }
            // the kept identity, with this request's HTTP context instead of the first one's
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(kept);
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (http != null) {
                identity.addAttribute(RoutingContext.class.getName(), http);
                Object blocking = http.get(AuthenticationRequestContext.class.getName());
                if (blocking != null) {
                    identity.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
                }
            }
            return Uni.createFrom().item(identity.build());
        }
    }

    /** The last augmentor: keeps the identity of a bearer token that every check has passed. */
    @ApplicationScoped
    public static class Keep implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        public Keep(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
            if (token != null && token.getToken() != null) {
                tokens.keep(token.getToken(), identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
