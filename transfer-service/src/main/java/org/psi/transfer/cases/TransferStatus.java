package org.psi.transfer.cases;

/**
 * The status of a transfer case: SUBMITTED -> ACCEPTED (or REJECTED, CANCELLED) -> TRANSFERRED_OUT
 * -> COMPLETED; a temporary-account case goes SUBMITTED -> ACCEPTED -> COMPLETED. FAILED is PSI's
 * addition to the API contract (docs/API-ADDITIONS.md) for a case the saga could not carry out (the
 * other service refused a step for good); it is reached only after compensation (a hold is
 * released, nothing moved).
 */
public enum TransferStatus {
    SUBMITTED, ACCEPTED, REJECTED, CANCELLED, TRANSFERRED_OUT, COMPLETED, FAILED;

    /** Open cases hold the worker's one open transfer per scheme (a unique index in the database). */
    public boolean isOpen() {
        return this == SUBMITTED || this == ACCEPTED || this == TRANSFERRED_OUT;
    }

    /** Ended without moving anything: whatever was held must be released. */
    public boolean isAbandoned() {
        return this == REJECTED || this == CANCELLED || this == FAILED;
    }
}
