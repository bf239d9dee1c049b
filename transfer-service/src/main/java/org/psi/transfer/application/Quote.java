package org.psi.transfer.application;

import java.util.List;

/**
 * What would move out of a region for a scheme (contribution-service transfer-quote): the whole
 * individual account, and for PENSION 12% of the base of every counted month from the pooled fund.
 */
public record Quote(long individualAccountFen, long pooledFundFen, int months, List<RegionMonths> countedMonthsByRegion) {

    public record RegionMonths(String region, int months) {
    }
}
