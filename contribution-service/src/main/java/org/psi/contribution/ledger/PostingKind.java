package org.psi.contribution.ledger;

/** What caused a posting. */
public enum PostingKind {
    /** A line of a platform's feed. */
    CONTRIBUTION,
    /** A worker's payment for themselves. */
    SELF_PAYMENT,
    /** The correction of an earlier feed line: its mirror image, never an update. */
    REVERSAL,
    /** Funds moved between regions by a transfer. */
    TRANSFER;

    /** Contributions, self-payments and reversals pay toward a month; transfers do not. */
    public boolean paysTowardMonth() {
        return this != TRANSFER;
    }
}
