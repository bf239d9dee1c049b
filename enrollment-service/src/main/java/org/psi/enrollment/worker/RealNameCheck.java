package org.psi.enrollment.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.NationalId;
import org.psi.common.security.IdentityClaim;

/**
 * Real-name binding: a login may register only the citizen ID its identity provider verified. The
 * ID comes in the claim {@value IdentityClaim#CLAIM} of a token issued for this service (audience
 * {@code enrollment-service}), which Keycloak adds only when the app asks for the optional client
 * scope {@code psi-identity} for the registration call (deploy/keycloak/README.md); no other token
 * carries it, and the other services refuse a token that does ({@link IdentityClaim}).
 *
 * <p>Checked before anything is looked up, so a caller without the verified claim of an ID learns
 * nothing about it (not whether it is registered). A claim that disagrees with the body is always
 * a 403; a missing claim is a 403 when {@code psi.identity.required} (production and the local
 * stack; off in tests but those that prove it).
 */
@ApplicationScoped
public class RealNameCheck {

    private final boolean required;
    private final String audience;
    private final JsonWebToken token;

    public RealNameCheck(@ConfigProperty(name = "psi.identity.required", defaultValue = "true") boolean required,
                         @ConfigProperty(name = "psi.identity.audience", defaultValue = "enrollment-service") String audience,
                         JsonWebToken token) {
        this.required = required;
        this.audience = audience;
        this.token = token;
    }

    /** Throws a 403 unless the caller's verified identity is {@code id} (or, when not required, none is given). */
    public void require(NationalId id) {
        Object claim = token.getClaim(IdentityClaim.CLAIM);
        if (claim == null) {
            if (required) {
                throw ProblemException.forbiddenOfType("identity-not-verified", "enrollment.identity.scope-required", IdentityClaim.SCOPE);
            }
            return;
        }
        Set<String> aud = token.getAudience();
        if (aud == null || !aud.contains(audience)) {
            throw ProblemException.forbiddenOfType("identity-not-verified", "enrollment.identity.audience");
        }
        NationalId verified;
        try {
            verified = NationalId.parse(claim.toString().replace("\"", ""));
        } catch (InvalidValueException e) {
            verified = null;
        }
        if (verified == null || !verified.value().equals(id.value())) {
            throw ProblemException.forbiddenOfType("identity-mismatch", "enrollment.identity.mismatch");
        }
    }
}
