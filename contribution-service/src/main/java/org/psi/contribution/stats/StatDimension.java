package org.psi.contribution.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.stats.GroupingDimension;

/**
 * What contribution statistics can be grouped by (in {@code groupBy}: region, province, scheme,
 * platform, payerKind), each documented as the field of a cell. REGION is the region a month was
 * booked in (the pooling region of the enrollment that covered it: a province for PENSION and
 * OCCUPATIONAL_INJURY, a city for MEDICAL); PROVINCE groups a province with its cities. PAYER_KIND
 * tells platforms from workers paying for themselves; PLATFORM is one level finer (each platform, and
 * the workers' own payments), so grouping by platform groups by payer kind too. Both show the
 * lattice's payer.
 */
public enum StatDimension implements GroupingDimension {
    @Schema(example = "530100", description = "The region the month was booked in: a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL",
            maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN)
    REGION,
    @Schema(example = "530000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN)
    PROVINCE,
    @Schema(example = "PENSION", maxLength = Scheme.NAME_MAX)
    SCHEME,
    @Schema(example = "FASTMEAL", description = "The paying platform; absent for the workers' own payments (payerKind SELF)", maxLength = 32)
    PLATFORM,
    @Schema(example = "PLATFORM", enumeration = {"PLATFORM", "SELF"})
    PAYER_KIND;

    @Override
    public String latticeDimension() {
        return this == PLATFORM || this == PAYER_KIND ? "payer" : GroupingDimension.super.latticeDimension();
    }

    /** A payer node as platform (its code; none for the workers' own payments) or as payer kind. */
    @Override
    public String shown(String node) {
        return switch (this) {
            case PLATFORM -> ContributionLattice.platformOf(node);
            case PAYER_KIND -> ContributionLattice.kindOf(node);
            default -> GroupingDimension.super.shown(node);
        };
    }
}
