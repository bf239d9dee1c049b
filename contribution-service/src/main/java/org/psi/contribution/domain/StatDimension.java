package org.psi.contribution.domain;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.psi.common.domain.InvalidValueException;

/**
 * What contribution statistics can be grouped by. REGION is the region a month was booked in (the
 * pooling region of the enrollment that covered it: a province for PENSION and OCCUPATIONAL_INJURY,
 * a city for MEDICAL); PROVINCE groups a province with its cities. PAYER_KIND tells platforms from
 * workers paying for themselves; PLATFORM is one level finer (each platform, and the workers' own
 * payments), so grouping by platform groups by payer kind too.
 */
public enum StatDimension {
    REGION("region"),
    PROVINCE("province"),
    SCHEME("scheme"),
    PLATFORM("platform"),
    PAYER_KIND("payerKind");

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
