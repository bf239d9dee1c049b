package org.psi.contribution.certificate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the certificate endpoints. */
public final class CertificateDtos {

    /** The media type of a compact JWS (RFC 7515). */
    public static final String JOSE = "application/jose";
    /** The longest compact JWS taken or made: a certificate of a whole record is far shorter. */
    public static final int MAX_JWS = 1 << 20;
    /** The longest key id: this service's ({@link CertificateKeys} checks them); a longer one named by a JWS is not echoed. */
    public static final int MAX_KID = 64;

    private CertificateDtos() {
    }

    @Schema(name = "CertificateView", description = "A certificate and what it says")
    public record CertificateView(@Schema(description = "The compact JWS", maxLength = MAX_JWS) String jws,
                                  @Schema(example = "psi-cert-2026-1", maxLength = MAX_KID) String kid,
                                  @Schema(description = "All signed claims: iss, sub (worker id), iat, exp, jti, certificate") Map<String, Object> claims,
                                  @Schema(description = "The certificate claim: scheme, months with region, base, due, paid and status, periods, counted months per region, individual account balance") Map<String, Object> certificate) {
    }

    @Schema(name = "CertificateVerification")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(@Schema(example = "true") boolean valid,
                               @Schema(example = "BAD_SIGNATURE", enumeration = {"MALFORMED", "UNKNOWN_KEY", "BAD_SIGNATURE", "WRONG_ISSUER", "EXPIRED"},
                                       description = "Why it is not valid") String reason,
                               @Schema(example = "psi-cert-2026-1", maxLength = MAX_KID) String kid,
                               @Schema(description = "The signed claims, when the signature holds") Map<String, Object> claims,
                               @Schema(description = "The certificate claim, when the signature holds") Map<String, Object> certificate) {
    }

    @Schema(name = "CertificateToVerify")
    public record ToVerify(@Schema(description = "A compact JWS", maxLength = MAX_JWS) String jws) {
    }
}
