package org.psi.enrollment.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.CreditCode;
import org.psi.common.domain.Sector;

/** Request and response bodies of /api/platforms. */
public final class PlatformDtos {

    /** What a platform's code is made of: 2 to {@value #CODE_MAX} capitals, digits, _ and -. */
    public static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9_-]{1,31}";
    public static final int CODE_MAX = 32;
    public static final int NAME_MAX = 200;
    /** The longest OIDC client id (the platform table's column). */
    public static final int CLIENT_ID_MAX = 255;

    private PlatformDtos() {
    }

    @Schema(name = "PlatformRegistration")
    public record Registration(
            @NotNull @Pattern(regexp = CODE_PATTERN, message = "{enrollment.platform.code-format}")
            @Schema(example = "FASTMEAL", maxLength = CODE_MAX) String code,
            @NotBlank @Size(max = NAME_MAX) @Schema(example = "FastMeal Delivery Co., Ltd.") String name,
            @NotNull @Schema(example = "91350100M000100Y43", maxLength = CreditCode.LENGTH, pattern = CreditCode.PATTERN) String creditCode,
            @NotBlank @Size(max = CLIENT_ID_MAX) @Schema(example = "platform-fastmeal") String clientId,
            @NotEmpty @Size(max = Sector.COUNT) @Schema(example = "[\"FOOD_DELIVERY\", \"INSTANT_DELIVERY\"]")
            List<@Size(max = Sector.NAME_MAX) String> sectors) {
    }

    @Schema(name = "Platform")
    public record View(@Schema(maxLength = CODE_MAX) String code, @Schema(maxLength = NAME_MAX) String name,
                       @Schema(maxLength = CreditCode.LENGTH) String creditCode, @Schema(maxLength = CLIENT_ID_MAX) String clientId,
                       @Schema(maxItems = Sector.COUNT) Set<Sector> sectors, Instant registeredAt) {
        static View of(Platform p) {
            return new View(p.code, p.name, p.creditCode, p.clientId, p.sectors, p.createdAt);
        }
    }
}
