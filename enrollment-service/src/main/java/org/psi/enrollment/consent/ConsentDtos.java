package org.psi.enrollment.consent;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.NationalId;
import org.psi.enrollment.platform.PlatformDtos;

/** Request and response bodies of /api/workers/me/platform-links. */
public final class ConsentDtos {

    private ConsentDtos() {
    }

    @Schema(name = "PlatformLinkRequest")
    public record LinkRequest(@NotNull @Schema(example = "FASTMEAL", maxLength = PlatformDtos.CODE_MAX,
            description = "A registered platform's code (any other is refused)") String platformCode) {
    }

    @Schema(name = "PlatformLink", description = "A worker's consent that a platform may contribute for them")
    public record Link(UUID id, @Schema(example = "FASTMEAL", maxLength = PlatformDtos.CODE_MAX) String platformCode, boolean active, Instant grantedAt,
                       @Schema(nullable = true) Instant revokedAt) {
        static Link of(PlatformLink l) {
            return new Link(l.id, l.platformCode, l.isActive(), l.grantedAt, l.revokedAt);
        }
    }

    @Schema(name = "PlatformConsent", description = "A consent given to the calling platform, with the citizen ID it reports the worker with")
    public record PlatformConsent(UUID linkId, @Schema(enumeration = {"ACTIVE", "REVOKED"}) String status, Instant grantedAt,
                                  @Schema(nullable = true) Instant revokedAt,
                                  @Schema(example = "440305199001011234", pattern = NationalId.PATTERN, minLength = NationalId.LENGTH, maxLength = NationalId.LENGTH) String nationalId) {
    }
}
