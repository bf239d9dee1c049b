package org.psi.transfer.calendar;

/**
 * The steps of a case, each with its own deadline in working days. REVIEW: the destination accepts
 * or refuses the application. TRANSFER_OUT: the source releases the relationship and funds after the
 * acceptance. TRANSFER_IN: the destination completes the transfer in (for a temporary-account case,
 * opens the temporary account) after receiving them.
 */
public enum Step {
    REVIEW, TRANSFER_OUT, TRANSFER_IN
}
