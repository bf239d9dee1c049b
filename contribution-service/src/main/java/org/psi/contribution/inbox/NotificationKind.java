package org.psi.contribution.inbox;

/** What a notification in a worker's inbox is about. */
public enum NotificationKind {
    /** From the 20th of a month: a month of an ACTIVE enrollment that is not paid in full (once per month and scheme). */
    MONTH_UNPAID,
    /** A platform's right to contribute for her was granted or revoked. */
    CONSENT_CHANGED,
    /** One of her transfers moved to its next step. */
    TRANSFER_STEP,
    /** A credential (SD-JWT VC) she holds turned INVALID because her record changed. */
    CREDENTIAL_REVOKED
}
