package org.psi.contribution.ledger;

/** What caused a posting. */
public enum PostingKind {
    /** A line of a platform's feed. */
    CONTRIBUTION,
    /** A worker's payment for themselves. */
    SELF_PAYMENT,
    /** The correction of an earlier feed line: its mirror image, never an update. */
    REVERSAL,
    /**
     * What a re-assessment downwards left paid beyond a month's due, moved from the month to the
     * payer's refundable credit (退费), the last payer first; or, for a month whose funds moved with a
     * transfer, the difference the new base makes, forwarded to where they went.
     */
    CORRECTION,
    /** Funds moved between regions by a transfer. */
    TRANSFER;

    /** Contributions, self-payments, reversals and corrections pay toward a month; transfers do not. */
    public boolean paysTowardMonth() {
        return this != TRANSFER;
    }
}
