package org.psi.contribution.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the credential endpoints. */
public final class CredentialDtos {

    /** The media type of an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc-10). */
    public static final String SD_JWT = "application/dc+sd-jwt";
    /** The media type of a status list token (draft-ietf-oauth-status-list-12). */
    public static final String STATUS_LIST = "application/statuslist+jwt";

    /** The longest name of a claim a credential states (counted_months_by_region). */
    public static final int CLAIM_NAME_MAX = 32;

    private CredentialDtos() {
    }

    @Schema(name = "CredentialRequest", description = "The scheme, and optionally the public key of the app that will hold the credential")
    public record CredentialRequest(
            @NotBlank @Size(max = 24) @Schema(example = "PENSION", enumeration = {"PENSION", "MEDICAL"}) String scheme,
            @Schema(description = "An EC P-256 public JWK (kty, crv, x, y); the credential is bound to it (cnf), and each presentation must be signed with it. Without it the credential is a bearer credential",
                    example = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc\",\"y\":\"ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ\"}")
            @Size(max = 8) Map<String, Object> holderKey) {
    }

    @Schema(name = "IssuedCredential")
    public record IssuedCredential(
            @Schema(description = "The SD-JWT VC with every disclosure: <issuer-signed JWT>~<disclosure>~...~. The app keeps it and presents the issuer-signed JWT with the disclosures it chooses", maxLength = 16384) String credential,
            @Schema(example = "https://psi.example/contribution-service/credentials/insurance", maxLength = 255) String vct,
            @Schema(description = "The claims the holder may disclose, one by one", maxItems = 16)
            List<@Size(max = CLAIM_NAME_MAX) String> disclosable,
            @Schema(description = "Whether the credential is bound to the holder's key (cnf); false: a bearer credential, whoever holds it can present it") boolean keyBound,
            Instant expiresAt) {
    }

    @Schema(name = "CredentialPresentation")
    public record Presentation(
            @NotBlank @Size(max = 16384) @Schema(description = "<issuer-signed JWT>~<disclosure>~...~<key-binding JWT> (the last part empty for a bearer credential)") String presentation,
            @Size(max = 255) @Schema(description = "The nonce the verifier gave the holder (required for a key-bound credential)", example = "n-0S6_WzA2Mj") String nonce,
            @Size(max = 255) @Schema(description = "The verifier's identifier, the key-binding JWT's aud", example = "https://verifier.example") String audience) {
    }

    @Schema(name = "CredentialVerification")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CredentialVerification(
            boolean valid,
            @Schema(enumeration = {"MALFORMED", "WRONG_TYPE", "BAD_SIGNATURE", "WRONG_ISSUER", "EXPIRED", "BAD_DISCLOSURE",
                    "NO_KEY_BINDING", "BAD_KEY_BINDING", "STALE_KEY_BINDING", "WRONG_AUDIENCE_OR_NONCE", "NO_STATUS", "REVOKED"},
                    description = "Why it is not valid") String reason,
            @Schema(description = "Whether the presentation was signed by the key the credential is bound to") Boolean keyBound,
            @Schema(description = "The claims the holder disclosed, and only those") Map<String, Object> disclosed,
            @Schema(maxLength = 255) String vct,
            Instant expiresAt) {
    }
}
