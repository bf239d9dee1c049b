package org.psi.transfer.rules;

import java.util.List;
import java.util.Map;
import org.psi.common.domain.RegionCode;

/**
 * Where the basic pension is claimed (2009 Interim Measures): (1) the household-registration province
 * if the pension relationship is there; (2) otherwise where the relationship is, if the worker has 10
 * or more cumulative years of contributions there; (3) otherwise the last province where they had 10
 * or more years; (4) if nowhere 10 years, the household-registration province.
 */
public final class PensionClaimRule {

    public static final int TEN_YEARS_IN_MONTHS = 120;

    private PensionClaimRule() {
    }

    public enum Basis { HUKOU_PROVINCE, RELATIONSHIP_TEN_YEARS, LAST_TEN_YEARS, HUKOU_FALLBACK }

    public record ClaimPlace(String region, Basis basis, String reason) {
    }

    /**
     * @param hukou                   the household-registration region (any level)
     * @param relationship            the province where the pension relationship is
     * @param monthsByProvince        contribution months counted in each province
     * @param provincesMostRecentLast provinces in the order the worker was last insured there, most recent last
     */
    public static ClaimPlace decide(RegionCode hukou, RegionCode relationship, Map<String, Integer> monthsByProvince,
                                    List<String> provincesMostRecentLast) {
        String hukouProvince = hukou.province().value();
        String here = relationship.province().value();
        if (here.equals(hukouProvince)) {
            return new ClaimPlace(hukouProvince, Basis.HUKOU_PROVINCE, "The pension relationship is in "
                    + hukouProvince + ", the household-registration province: the pension is claimed there.");
        }
        int monthsHere = monthsByProvince.getOrDefault(here, 0);
        if (monthsHere >= TEN_YEARS_IN_MONTHS) {
            return new ClaimPlace(here, Basis.RELATIONSHIP_TEN_YEARS, "The pension relationship is in " + here
                    + " with " + years(monthsHere) + " of contributions there (10 or more): the pension is claimed there.");
        }
        for (int i = provincesMostRecentLast.size() - 1; i >= 0; i--) {
            String province = provincesMostRecentLast.get(i);
            int months = monthsByProvince.getOrDefault(province, 0);
            if (months >= TEN_YEARS_IN_MONTHS) {
                return new ClaimPlace(province, Basis.LAST_TEN_YEARS, "The pension relationship is in " + here
                        + " with " + years(monthsHere) + " there (under 10); " + province
                        + " is the last province with 10 or more years (" + years(months) + "): the pension is claimed there.");
            }
        }
        return new ClaimPlace(hukouProvince, Basis.HUKOU_FALLBACK, "No province has 10 or more years of contributions "
                + "(" + years(monthsHere) + " in " + here + "): the pension is claimed in the household-registration province "
                + hukouProvince + ", with the months of every province added up.");
    }

    /** Minimum contribution months to draw a pension in a year: 15 years, rising by 6 months a year from 2030 to 20. */
    public static int minimumMonthsToDraw(int year) {
        if (year < 2030) {
            return 180;
        }
        return Math.min(240, 180 + 6 * (year - 2029));
    }

    private static String years(int months) {
        return months / 12 + " years " + months % 12 + " months";
    }
}
