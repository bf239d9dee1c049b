package org.psi.contribution.policy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Sector;

/** Bodies of /api/regions/{code}/policies/{year}. */
public final class PolicyDtos {

    /** The longest name of who set a policy (the policy tables' columns). */
    public static final int ACTOR_MAX = 255;

    private PolicyDtos() {
    }

    @Schema(name = "RegionPolicyInput", description = "What GET answers can be sent back: region, year, illustrative, version, updatedBy and updatedAt are read-only (region and year, when given, must be those of the path; the others are ignored)")
    public record Input(
            @NotNull @Schema(example = "936000", description = "Average monthly wage of the region for the year, fen; above 0", minimum = "1", maximum = "" + PolicyService.MAX_WAGE_FEN) Long averageMonthlyWageFen,
            @NotNull @Schema(example = "60", description = "Above 0", minimum = "1", maximum = "" + PolicyService.MAX_BASE_PERCENT) Integer baseFloorPercent,
            @NotNull @Schema(example = "300", description = "Not below the floor", minimum = "1", maximum = "" + PolicyService.MAX_BASE_PERCENT) Integer baseCeilingPercent,
            @NotNull @Schema(example = "20", description = "Above 0, at most 30, keeping at least 12 points for the pooled fund") BigDecimal pensionRatePercent,
            @NotNull @Schema(example = "8", description = "Points of the pension rate that go to the individual account; above 0") BigDecimal pensionIndividualPercent,
            @NotNull @Schema(example = "9", description = "Above 0") BigDecimal medicalRatePercent,
            @Schema(example = "0", description = "Points of the medical rate that go to the individual account (default 0), below the rate") BigDecimal medicalIndividualPercent,
            @NotNull @Schema(example = "{\"FOOD_DELIVERY\": 7, \"INSTANT_DELIVERY\": 7, \"RIDE_HAILING\": 1}",
                    description = "Occupational-injury fee per order by sector, fen, 0 to 100000", maxProperties = Sector.COUNT)
            Map<String, Long> injuryFeePerOrderFen,
            @Schema(readOnly = true, maxLength = RegionCode.LENGTH) @Size(max = RegionCode.LENGTH) String region,
            @Schema(readOnly = true, minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) Integer year,
            @Schema(readOnly = true) Boolean illustrative,
            @Schema(readOnly = true, minimum = "1", maximum = "" + PolicyService.MAX_VERSIONS) Integer version,
            @Schema(readOnly = true) @Size(max = ACTOR_MAX) String updatedBy, @Schema(readOnly = true) Instant updatedAt) {

        public PolicyService.PolicyInput policy() {
            return new PolicyService.PolicyInput(averageMonthlyWageFen, baseFloorPercent, baseCeilingPercent, pensionRatePercent,
                    pensionIndividualPercent, medicalRatePercent, medicalIndividualPercent, injuryFeePerOrderFen);
        }
    }

    @Schema(name = "RegionPolicyVersion")
    public record VersionView(@Schema(example = "2", minimum = "1", maximum = "" + PolicyService.MAX_VERSIONS) int version,
                              @Schema(minimum = "1", maximum = "" + PolicyService.MAX_WAGE_FEN) long averageMonthlyWageFen, @Schema(minimum = "1", maximum = "" + PolicyService.MAX_BASE_PERCENT) int baseFloorPercent,
                              @Schema(minimum = "1", maximum = "" + PolicyService.MAX_BASE_PERCENT) int baseCeilingPercent, BigDecimal pensionRatePercent, BigDecimal pensionIndividualPercent,
                              BigDecimal medicalRatePercent, BigDecimal medicalIndividualPercent,
                              @Schema(maxProperties = Sector.COUNT) Map<String, Long> injuryFeePerOrderFen, boolean illustrative,
                              @Schema(maxLength = ACTOR_MAX) String setBy,
                              @Schema(description = "When this version took effect") Instant effectiveAt) {
        static VersionView of(PolicyVersionStore.Version v) {
            return new VersionView(v.version(), v.averageMonthlyWageFen(), v.baseFloorPercent(), v.baseCeilingPercent(),
                    plain(v.pensionRatePercent()), plain(v.pensionIndividualPercent()), plain(v.medicalRatePercent()),
                    plain(v.medicalIndividualPercent()), v.injuryFeePerOrderFen(), v.illustrative(), v.setBy(), v.effectiveAt());
        }
    }

    @Schema(name = "RegionPolicyVersions")
    public record Versions(@Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                           @Schema(example = "2026", minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) int year,
                           @Schema(description = "Newest first", maxItems = PolicyService.MAX_VERSIONS) List<VersionView> versions) {
    }

    @Schema(name = "RegionPolicy")
    public record View(@Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                       @Schema(example = "2026", minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) int year,
                       @Schema(minimum = "1", maximum = "" + PolicyService.MAX_WAGE_FEN) long averageMonthlyWageFen, @Schema(minimum = "1", maximum = "" + PolicyService.MAX_BASE_PERCENT) int baseFloorPercent, @Schema(minimum = "1", maximum = "" + PolicyService.MAX_BASE_PERCENT) int baseCeilingPercent,
                       BigDecimal pensionRatePercent, BigDecimal pensionIndividualPercent,
                       BigDecimal medicalRatePercent, BigDecimal medicalIndividualPercent,
                       @Schema(maxProperties = Sector.COUNT) Map<String, Long> injuryFeePerOrderFen,
                       @Schema(description = "Seeded by the project with illustrative values, not an official policy") boolean illustrative,
                       @Schema(minimum = "1", maximum = "" + PolicyService.MAX_VERSIONS) int version,
                       @Schema(maxLength = ACTOR_MAX) String updatedBy, Instant updatedAt) {
        static View of(RegionPolicy p) {
            Map<String, Long> fees = new TreeMap<>();
            p.injuryFeePerOrderFen.forEach((k, v) -> fees.put(k, v.longValue()));
            return new View(p.id.region, p.id.year, p.averageMonthlyWageFen, p.baseFloorPercent, p.baseCeilingPercent,
                    plain(p.pensionRatePercent), plain(p.pensionIndividualPercent), plain(p.medicalRatePercent),
                    plain(p.medicalIndividualPercent), fees, p.illustrative, p.version, p.updatedBy, p.updatedAt);
        }
    }

    /** 20.00 -> 20, 9.50 -> 9.5: a percent as people write it. */
    public static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
