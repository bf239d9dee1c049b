package org.psi.enrollment.enrollment;

import io.smallrye.config.ConfigMapping;
import org.psi.common.domain.Sex;

/** Enrollment limits that law or region sets, kept as configuration rather than constants. */
@ConfigMapping(prefix = "psi.enrollment")
public interface EnrollmentPolicy {

    /** The ceiling of {@link #maxEligibilityIds()}, which the OpenAPI document states. */
    int MAX_ELIGIBILITY_IDS = 50_000;

    /** The youngest age at which a worker may enrol. */
    int minimumAge();

    RetirementAge retirementAge();

    /** How many months back an enrollment may start (back-payment of months already worked). */
    int maxBackdatedMonths();

    /** How many months ahead an enrollment may start. */
    int maxFutureMonths();

    /** The most citizen IDs one eligibility request may ask about: 1 to {@value #MAX_ELIGIBILITY_IDS}. */
    @jakarta.validation.constraints.Min(1)
    @jakarta.validation.constraints.Max(MAX_ELIGIBILITY_IDS)
    int maxEligibilityIds();

    interface RetirementAge {
        /** The category (55 or 50) PSI counts flexible-employment women in; men follow theirs (docs/DOMAIN.md). */
        int femaleCategory();
    }

    /** The statutory retirement age that applies to a worker of this sex (the 2025 reform, {@link org.psi.common.domain.RetirementAge}). */
    default org.psi.common.domain.RetirementAge.Category retirementCategoryOf(Sex sex) {
        return org.psi.common.domain.RetirementAge.Category.of(sex, retirementAge().femaleCategory());
    }
}
