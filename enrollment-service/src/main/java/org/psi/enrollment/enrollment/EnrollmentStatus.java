package org.psi.enrollment.enrollment;

/**
 * <ul>
 *   <li>ACTIVE: insured in the region; contributions are due and accepted.</li>
 *   <li>SUSPENDED: paused by the worker from a month on; no contributions are due.</li>
 *   <li>TEMPORARY: a temporary contribution account (pension temporary-account rule): contributions
 *       made here are recorded, while the relationship is held where it was.</li>
 *   <li>CLOSED: ended by a transfer away; the months before its end stay on record.</li>
 * </ul>
 */
public enum EnrollmentStatus {
    ACTIVE, SUSPENDED, TEMPORARY, CLOSED;

    /** ACTIVE, SUSPENDED and TEMPORARY are current: a worker has at most one current enrollment per scheme. */
    public boolean isCurrent() {
        return this != CLOSED;
    }
}
