package org.psi.enrollment.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.stats.GroupingDimension;

/**
 * What insured-worker statistics can be grouped by (in {@code groupBy}: region, province, scheme,
 * platform, sex, ageBand), each documented as the field of a cell. REGION is the pooling region of
 * the enrollment (a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL); PROVINCE groups
 * a province with its cities.
 */
public enum StatDimension implements GroupingDimension {
    @Schema(example = "530100", description = "The pooling region: a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL")
    REGION,
    @Schema(example = "530000")
    PROVINCE,
    @Schema(example = "MEDICAL")
    SCHEME,
    @Schema(example = "FASTMEAL")
    PLATFORM,
    @Schema(example = "FEMALE")
    SEX,
    @Schema(example = "25-34", enumeration = {"16-24", "25-34", "35-44", "45-54", "55+"})
    AGE_BAND
}
