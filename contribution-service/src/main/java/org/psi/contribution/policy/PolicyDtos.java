package org.psi.contribution.policy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of /api/regions/{code}/policies/{year}. */
public final class PolicyDtos {

    private PolicyDtos() {
    }

    @Schema(name = "RegionPolicyInput")
    public record Input(
            @NotNull @Min(1) @Max(100_000_000) @Schema(example = "936000", description = "Average monthly wage of the region for the year, fen") Long averageMonthlyWageFen,
            @NotNull @Min(1) @Max(1000) @Schema(example = "60") Integer baseFloorPercent,
            @NotNull @Min(1) @Max(1000) @Schema(example = "300") Integer baseCeilingPercent,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "20") BigDecimal pensionRatePercent,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "8", description = "Points of the pension rate that go to the individual account") BigDecimal pensionIndividualPercent,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "9") BigDecimal medicalRatePercent,
            @DecimalMin("0") @DecimalMax("100") @Schema(example = "0", description = "Points of the medical rate that go to the individual account (default 0)") BigDecimal medicalIndividualPercent,
            @NotNull @Schema(example = "{\"FOOD_DELIVERY\": 7, \"INSTANT_DELIVERY\": 7, \"RIDE_HAILING\": 1}", description = "Occupational-injury fee per order by sector, fen") Map<String, Long> injuryFeePerOrderFen) {
    }

    @Schema(name = "RegionPolicy")
    public record View(@Schema(example = "440000") String region, @Schema(example = "2026") int year,
                       long averageMonthlyWageFen, int baseFloorPercent, int baseCeilingPercent,
                       BigDecimal pensionRatePercent, BigDecimal pensionIndividualPercent,
                       BigDecimal medicalRatePercent, BigDecimal medicalIndividualPercent,
                       Map<String, Long> injuryFeePerOrderFen,
                       @Schema(description = "Seeded by the project with illustrative values, not an official policy") boolean illustrative,
                       int version, String updatedBy, Instant updatedAt) {
        static View of(RegionPolicy p) {
            Map<String, Long> fees = new TreeMap<>();
            p.injuryFeePerOrderFen.forEach((k, v) -> fees.put(k, v.longValue()));
            return new View(p.id.region, p.id.year, p.averageMonthlyWageFen, p.baseFloorPercent, p.baseCeilingPercent,
                    plain(p.pensionRatePercent), plain(p.pensionIndividualPercent), plain(p.medicalRatePercent),
                    plain(p.medicalIndividualPercent), fees, p.illustrative, p.version, p.updatedBy, p.updatedAt);
        }
    }

    /** 20.00 -> 20, 9.50 -> 9.5: a percent as people write it. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
