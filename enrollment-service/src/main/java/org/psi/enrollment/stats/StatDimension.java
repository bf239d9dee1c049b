package org.psi.enrollment.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.stats.GroupingDimension;
import org.psi.enrollment.platform.PlatformDtos;

/**
 * What insured-worker statistics can be grouped by (in {@code groupBy}: region, province, scheme,
 * platform, sex, ageBand), each documented as the field of a cell. REGION is the pooling region of
 * the enrollment (a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL); PROVINCE groups
 * a province with its cities.
 */
public enum StatDimension implements GroupingDimension {
    @Schema(example = "530100", description = "The pooling region: a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL",
            maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN)
    REGION,
    @Schema(example = "530000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN)
    PROVINCE,
    @Schema(example = "MEDICAL", maxLength = Scheme.NAME_MAX)
    SCHEME,
    @Schema(example = "FASTMEAL", maxLength = PlatformDtos.CODE_MAX)
    PLATFORM,
    @Schema(example = "FEMALE", maxLength = 6)
    SEX,
    @Schema(example = "25-34", enumeration = {"16-24", "25-34", "35-44", "45-54", "55+"})
    AGE_BAND
}
