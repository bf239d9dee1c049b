package org.psi.transfer.rules;

import java.time.LocalDate;
import org.psi.common.domain.Periods;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sex;
import org.psi.transfer.application.Route;

/**
 * The temporary-account rule of the 2009 Interim Measures on the transfer of the basic pension: a man
 * aged 50 or over, or a woman aged 40 or over, who moves to a province that is not their
 * household-registration province keeps the pension relationship where it is; the new province opens
 * a temporary contribution account that records all contributions made there. No funds move then.
 */
public final class TemporaryAccountRule {

    public static final int MALE_AGE = 50;
    public static final int FEMALE_AGE = 40;

    private TemporaryAccountRule() {
    }

    /** Whether the rule applies, and why (or why not), in words a worker can read. */
    public record Decision(boolean applies, String reason) {

        public Route route() {
            return applies ? Route.TEMPORARY : Route.MOVE;
        }
    }

    public static Decision evaluate(Scheme scheme, Sex sex, LocalDate birthDate, RegionCode hukouRegion,
                                    RegionCode fromRegion, RegionCode toRegion, LocalDate on) {
        if (scheme != Scheme.PENSION) {
            return new Decision(false, "The temporary-account rule concerns the pension only; the " + scheme
                    + " relationship and individual account move to " + toRegion + ".");
        }
        int age = Periods.age(birthDate, on);
        int threshold = sex == Sex.MALE ? MALE_AGE : FEMALE_AGE;
        String person = sex == Sex.MALE ? "a man" : "a woman";
        RegionCode hukouProvince = hukouRegion.province();
        if (toRegion.sameProvinceAs(hukouProvince)) {
            return new Decision(false, "Moving to " + toRegion.province() + ", the household-registration province: "
                    + "the pension relationship and funds move, whatever the age.");
        }
        if (age < threshold) {
            return new Decision(false, "Aged " + age + ": the temporary-account rule applies to " + person + " from "
                    + threshold + ", so the pension relationship and funds move to " + toRegion + ".");
        }
        return new Decision(true, "Aged " + age + " (" + person + ", " + threshold + " or over) and moving to "
                + toRegion + ", which is not the household-registration province " + hukouProvince
                + ": the pension relationship and funds stay in " + fromRegion + ", and " + toRegion
                + " opens a temporary contribution account that records the contributions made there.");
    }
}
