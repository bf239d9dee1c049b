package org.psi.enrollment.stats;

import org.psi.common.stats.GroupingDimension;

/**
 * What insured-worker statistics can be grouped by. REGION is the pooling region of the enrollment
 * (a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL); PROVINCE groups a province
 * with its cities.
 */
public enum StatDimension implements GroupingDimension {
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

    @Override
    public String apiName() {
        return apiName;
    }

}
