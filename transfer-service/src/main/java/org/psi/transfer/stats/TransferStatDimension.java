package org.psi.transfer.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.stats.GroupingDimension;

/**
 * What transfer statistics can be grouped by (in {@code groupBy}: region, province, direction, scheme,
 * status), each documented as the field of a cell. REGION is the pooling region on the side of the
 * {@link #DIRECTION}: the destination for IN, the source for OUT, either for both (a PENSION region is
 * a province, a MEDICAL one a city); PROVINCE groups a province with its cities. STATUS is the case's
 * status when the figures were computed.
 */
public enum TransferStatDimension implements GroupingDimension {
    @Schema(example = "530100", description = "The pooling region on the side of direction: a province for PENSION, a city for MEDICAL",
            maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN)
    REGION,
    @Schema(example = "530000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN)
    PROVINCE,
    @Schema(example = "IN", enumeration = {"IN", "OUT"})
    DIRECTION,
    @Schema(example = "PENSION", maxLength = Scheme.NAME_MAX)
    SCHEME,
    @Schema(example = "COMPLETED", maxLength = 15)
    STATUS
}
