package org.psi.enrollment.enrollment;

import io.smallrye.config.ConfigMapping;
import org.psi.common.domain.Sex;

/** Enrollment limits that law or region sets, kept as configuration rather than constants. */
@ConfigMapping(prefix = "psi.enrollment")
public interface EnrollmentPolicy {

    /** The youngest age at which a worker may enrol. */
    int minimumAge();

    RetirementAge retirementAge();

    /** How many months back an enrollment may start (back-payment of months already worked). */
    int maxBackdatedMonths();

    /** How many months ahead an enrollment may start. */
    int maxFutureMonths();

    /** The most citizen IDs one eligibility request may ask about. */
    int maxEligibilityIds();

    interface RetirementAge {
        int male();

        int female();
    }

    default int retirementAgeOf(Sex sex) {
        return sex == Sex.MALE ? retirementAge().male() : retirementAge().female();
    }
}
