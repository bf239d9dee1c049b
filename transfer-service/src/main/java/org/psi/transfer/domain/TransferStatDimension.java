package org.psi.transfer.domain;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.psi.common.domain.InvalidValueException;

/**
 * What transfer statistics can be grouped by. REGION is the pooling region on the side of the
 * {@link #DIRECTION}: the destination for IN, the source for OUT, either for both (a PENSION region is
 * a province, a MEDICAL one a city); PROVINCE groups a province with its cities. STATUS is the case's
 * status when the figures were computed.
 */
public enum TransferStatDimension {
    REGION("region"),
    PROVINCE("province"),
    DIRECTION("direction"),
    SCHEME("scheme"),
    STATUS("status");

    private final String apiName;

    TransferStatDimension(String apiName) {
        this.apiName = apiName;
    }

    /** The name in {@code groupBy}, in responses and in CSV headers. */
    public String apiName() {
        return apiName;
    }

    public static TransferStatDimension parse(String raw) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(raw)).findFirst()
                .orElseThrow(() -> new InvalidValueException("groupBy", "UNKNOWN_DIMENSION", "groupBy takes "
                        + Arrays.stream(values()).map(TransferStatDimension::apiName).collect(Collectors.joining(", "))
                        + "; not " + raw));
    }
}
