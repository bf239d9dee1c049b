package org.psi.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.RegionCode;

/**
 * Who is calling, read from the verified access token only, never from the request body:
 * the subject of a worker, the client id of a platform, the region of an officer.
 */
@RequestScoped
public class Caller {

    /** The claim that carries an officer's region: a 6-digit code; a province covers its cities. */
    public static final String REGION_CLAIM = "region";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    @Inject
    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The token subject: the stable id of the person or service account. */
    public String subject() {
        return token.getSubject();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The OIDC client the token was issued to ({@code azp}, or {@code client_id} for client credentials). */
    public String clientId() {
        String azp = token.getClaim("azp");
        if (azp != null) {
            return azp;
        }
        Object clientId = token.getClaim("client_id");
        return clientId == null ? null : clientId.toString();
    }

    /** The officer's region claim, if the token has a valid one. */
    public Optional<RegionCode> region() {
        Object claim = token.getClaim(REGION_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String raw = claim.toString().replace("\"", "");
        return raw.matches("\\d{6}") ? Optional.of(new RegionCode(raw)) : Optional.empty();
    }

    /** The officer's region; an officer token without one may not act on any region. */
    public RegionCode officerRegion() {
        return region().orElseThrow(() -> ProblemException.forbidden("common.officer.no-region"));
    }

    /** Whether the caller is an officer whose region covers {@code region}. */
    public boolean isOfficerOf(RegionCode region) {
        return is(Roles.OFFICER) && region().map(r -> r.covers(region)).orElse(false);
    }

    /** A short, non-identifying description of the caller, for audit records. */
    public String describe() {
        return (is(Roles.OFFICER) ? "officer:" + region().map(RegionCode::value).orElse("?") + ":" : "") + subject();
    }
}
