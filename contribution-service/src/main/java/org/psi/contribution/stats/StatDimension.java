package org.psi.contribution.stats;

import org.psi.common.stats.GroupingDimension;

/**
 * What contribution statistics can be grouped by. REGION is the region a month was booked in (the
 * pooling region of the enrollment that covered it: a province for PENSION and OCCUPATIONAL_INJURY,
 * a city for MEDICAL); PROVINCE groups a province with its cities. PAYER_KIND tells platforms from
 * workers paying for themselves; PLATFORM is one level finer (each platform, and the workers' own
 * payments), so grouping by platform groups by payer kind too.
 */
public enum StatDimension implements GroupingDimension {
    REGION("region"),
    PROVINCE("province"),
    SCHEME("scheme"),
    PLATFORM("platform"),
    PAYER_KIND("payerKind");

    private final String apiName;

    StatDimension(String apiName) {
        this.apiName = apiName;
    }

    @Override
    public String apiName() {
        return apiName;
    }

}
