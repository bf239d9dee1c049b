package org.psi.enrollment.worker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.NationalId;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Sex;

/** Request and response bodies of /api/workers. */
public final class WorkerDtos {

    /** The longest name (the worker table's column). */
    public static final int NAME_MAX = 100;
    /** The longest phone number: {@code +} and 20 digits, as the registration's pattern takes it. */
    public static final int PHONE_MAX = 21;

    private WorkerDtos() {
    }

    @Schema(name = "WorkerRegistration")
    public record Registration(
            @NotNull @Size(max = NationalId.LENGTH)
            @Schema(example = "11010519491231002X", description = "Citizen ID number (GB 11643); a lowercase x is accepted",
                    pattern = NationalId.PATTERN)
            String nationalId,
            @NotBlank @Size(max = NAME_MAX) @Schema(example = "Li Na") String name,
            @NotBlank @Pattern(regexp = "\\+?[0-9]{6,20}", message = "{enrollment.worker.phone-format}")
            @Schema(example = "13800138000", maxLength = PHONE_MAX) String phone,
            @Schema(example = "110105", description = "Household-registration region; defaults to the ID's address code",
                    maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN)
            String hukouRegion,
            @NotNull @Schema(example = "440305", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String residenceRegion) {
    }

    @Schema(name = "WorkerProfile")
    public record Profile(
            UUID workerId,
            @Schema(example = "**************002X", maxLength = NationalId.LENGTH, pattern = NationalId.MASKED_PATTERN) String nationalIdMasked,
            @Schema(description = "The full citizen ID, only for an officer who gave a reason (audited)", nullable = true,
                    maxLength = NationalId.LENGTH)
            String nationalId,
            @Schema(example = "Li Na", maxLength = NAME_MAX) String name,
            @Schema(example = "13800138000", maxLength = PHONE_MAX) String phone,
            LocalDate birthDate,
            Sex sex,
            @Schema(example = "110105", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String hukouRegion,
            @Schema(example = "440305", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String residenceRegion,
            Instant registeredAt) {

        static Profile of(Worker w, String revealed) {
            return new Profile(w.id, w.nationalIdMasked(), revealed, w.name, w.phone, w.birthDate, w.sex,
                    w.hukouRegion, w.residenceRegion, w.createdAt);
        }
    }
}
