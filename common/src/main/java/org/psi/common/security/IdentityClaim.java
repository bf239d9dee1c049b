package org.psi.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified citizen ID of a person, as the identity provider states it for registration (the
 * optional client scope {@value #SCOPE} adds the claim {@value #CLAIM} and the audience
 * {@code enrollment-service}). Only the service that binds it may receive such a token
 * ({@code psi.identity.accepts-claim=true}, the enrollment-service); every other service refuses a
 * token that carries the claim (401), so an app cannot use its registration token for anything
 * else and the ID does not travel further than it must.
 */
@ApplicationScoped
public class IdentityClaim implements SecurityIdentityAugmentor {

    public static final String CLAIM = "psi_national_id";
    public static final String SCOPE = "psi-identity";

    private final boolean accepted;

    public IdentityClaim(@ConfigProperty(name = "psi.identity.accepts-claim", defaultValue = "false") boolean accepted) {
        this.accepted = accepted;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!accepted && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.containsClaim(CLAIM)) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "A token with the verified identity claim is meant for registration only"));
        }
        return Uni.createFrom().item(identity);
    }
}
