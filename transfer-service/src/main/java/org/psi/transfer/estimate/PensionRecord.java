package org.psi.transfer.estimate;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A worker's PENSION record as the contribution-service tells it for an estimate: the base grade in
 * force this month (null without a current enrollment), the individual account balance, every counted
 * month with its region, base and that region's average wage, and the latest average wage of each
 * claim region asked about that has a policy.
 */
public record PensionRecord(Integer currentGrade, long individualAccountFen, List<Month> countedMonths,
                            Map<String, Wage> claimWages) {

    public record Month(YearMonth month, String region, long baseFen, long averageWageFen) {
    }

    public record Wage(int year, long averageMonthlyWageFen) {
    }
}
