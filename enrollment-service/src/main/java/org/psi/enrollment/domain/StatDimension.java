package org.psi.enrollment.domain;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.psi.common.domain.InvalidValueException;

/**
 * What insured-worker statistics can be grouped by. REGION is the pooling region of the enrollment
 * (a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL); PROVINCE groups a province
 * with its cities.
 */
public enum StatDimension {
    REGION("region"),
    PROVINCE("province"),
    SCHEME("scheme"),
    PLATFORM("platform"),
    SEX("sex"),
    AGE_BAND("ageBand");

    private final String apiName;

    StatDimension(String apiName) {
        this.apiName = apiName;
    }

    /** The name in {@code groupBy}, in responses and in CSV headers. */
    public String apiName() {
        return apiName;
    }

    public static StatDimension parse(String raw) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(raw)).findFirst()
                .orElseThrow(() -> new InvalidValueException("groupBy", "UNKNOWN_DIMENSION", "groupBy takes "
                        + Arrays.stream(values()).map(StatDimension::apiName).collect(Collectors.joining(", "))
                        + "; not " + raw));
    }
}
