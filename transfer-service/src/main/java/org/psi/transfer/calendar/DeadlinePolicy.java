package org.psi.transfer.calendar;

import io.smallrye.config.ConfigMapping;
import java.util.OptionalInt;
import org.psi.common.domain.Scheme;

/**
 * Working days allowed per step (docs/DOMAIN.md). Pension, 2009 Interim Measures: 15 to accept or refuse,
 * 15 to transfer out after acceptance, 15 to complete the transfer in. Medical, 2021 Interim Measures:
 * 10 to transfer out, 5 to transfer in; the rules PSI follows set no figure for the review of a medical
 * application, so by default that step has none (set {@code psi.transfer.deadlines.medical.review} to add one).
 */
@ConfigMapping(prefix = "psi.transfer.deadlines")
public interface DeadlinePolicy {

    StepDays pension();

    StepDays medical();

    interface StepDays {
        OptionalInt review();

        OptionalInt transferOut();

        OptionalInt transferIn();
    }

    default StepDays of(Scheme scheme) {
        return switch (scheme) {
            case PENSION -> pension();
            case MEDICAL -> medical();
            case OCCUPATIONAL_INJURY -> throw new IllegalArgumentException("Occupational injury has nothing to transfer");
        };
    }

    /** The working days of a step for a scheme, or null where no deadline applies. */
    default Integer days(Scheme scheme, Step step) {
        StepDays days = of(scheme);
        OptionalInt value = switch (step) {
            case REVIEW -> days.review();
            case TRANSFER_OUT -> days.transferOut();
            case TRANSFER_IN -> days.transferIn();
        };
        return value.isPresent() ? value.getAsInt() : null;
    }
}
