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
import org.psi.common.domain.Sector;

/** Request and response bodies of /api/platforms. */
public final class PlatformDtos {

    private PlatformDtos() {
    }

    @Schema(name = "PlatformRegistration")
    public record Registration(
            @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,31}", message = "{enrollment.platform.code-format}")
            @Schema(example = "FASTMEAL") String code,
            @NotBlank @Size(max = 200) @Schema(example = "FastMeal Delivery Co., Ltd.") String name,
            @NotNull @Schema(example = "91350100M000100Y43") String creditCode,
            @NotBlank @Size(max = 255) @Schema(example = "platform-fastmeal") String clientId,
            @NotEmpty @Schema(example = "[\"FOOD_DELIVERY\", \"INSTANT_DELIVERY\"]") List<String> sectors) {
    }

    @Schema(name = "Platform")
    public record View(String code, String name, String creditCode, String clientId, Set<Sector> sectors, Instant registeredAt) {
        static View of(Platform p) {
            return new View(p.code, p.name, p.creditCode, p.clientId, p.sectors, p.createdAt);
        }
    }
}
