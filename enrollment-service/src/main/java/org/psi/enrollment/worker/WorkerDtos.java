package org.psi.enrollment.worker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.Sex;

/** Request and response bodies of /api/workers. */
public final class WorkerDtos {

    private WorkerDtos() {
    }

    @Schema(name = "WorkerRegistration")
    public record Registration(
            @NotNull @Schema(example = "11010519491231002X", description = "Citizen ID number (GB 11643); a lowercase x is accepted")
            String nationalId,
            @NotBlank @Size(max = 100) @Schema(example = "Li Na") String name,
            @NotBlank @Pattern(regexp = "\\+?[0-9]{6,20}", message = "{enrollment.worker.phone-format}")
            @Schema(example = "13800138000") String phone,
            @Schema(example = "110105", description = "Household-registration region; defaults to the ID's address code")
            String hukouRegion,
            @NotNull @Schema(example = "440305") String residenceRegion) {
    }

    @Schema(name = "WorkerProfile")
    public record Profile(
            UUID workerId,
            @Schema(example = "**************002X") String nationalIdMasked,
            @Schema(description = "The full citizen ID, only for an officer who gave a reason (audited)", nullable = true)
            String nationalId,
            @Schema(example = "Li Na") String name,
            @Schema(example = "13800138000") String phone,
            LocalDate birthDate,
            Sex sex,
            @Schema(example = "110105") String hukouRegion,
            @Schema(example = "440305") String residenceRegion,
            Instant registeredAt) {

        static Profile of(Worker w, String revealed) {
            return new Profile(w.id, w.nationalIdMasked(), revealed, w.name, w.phone, w.birthDate, w.sex,
                    w.hukouRegion, w.residenceRegion, w.createdAt);
        }
    }
}
