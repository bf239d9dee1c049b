package org.psi.transfer.stats;

import org.psi.common.stats.GroupingDimension;

/**
 * What transfer statistics can be grouped by. REGION is the pooling region on the side of the
 * {@link #DIRECTION}: the destination for IN, the source for OUT, either for both (a PENSION region is
 * a province, a MEDICAL one a city); PROVINCE groups a province with its cities. STATUS is the case's
 * status when the figures were computed.
 */
public enum TransferStatDimension implements GroupingDimension {
    REGION("region"),
    PROVINCE("province"),
    DIRECTION("direction"),
    SCHEME("scheme"),
    STATUS("status");

    private final String apiName;

    TransferStatDimension(String apiName) {
        this.apiName = apiName;
    }

    @Override
    public String apiName() {
        return apiName;
    }

}
