package org.psi.transfer.application;

/**
 * How a case moves the insurance. MOVE: the relationship and the funds move to the destination.
 * TEMPORARY: the pension temporary-account rule applies; the relationship and funds stay where they
 * are and the destination opens a temporary contribution account.
 */
public enum Route {
    MOVE, TEMPORARY
}
