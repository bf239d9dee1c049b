package org.psi.common.stats;

/** Why a cell is withheld. */
public enum SuppressionReason {
    /** It counts fewer persons than the threshold (but more than none). */
    PRIMARY,
    /** Withheld so that a line of cells with its total does not hold exactly one withheld cell. */
    SECONDARY_LINE,
    /** Withheld because a withheld cell could otherwise be solved exactly from several lines together. */
    SECONDARY_AUDIT
}
