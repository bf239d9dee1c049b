package org.psi.contribution.feed;

/**
 * Why a well-formed feed line was not accepted; each rejected line of a batch report carries one.
 * (A malformed line, by contrast, makes the whole feed bad input: see {@link FeedLines}.)
 */
public final class LineCodes {

    /** The citizen ID is malformed; the code is then the ID's own: INVALID_LENGTH, INVALID_CHARACTERS, INVALID_BIRTH_DATE, FUTURE_BIRTH_DATE, INVALID_CHECK_CHARACTER. */
    public static final String NOT_REGISTERED = "NOT_REGISTERED";
    /** No enrollment of the worker in that scheme covered that month. */
    public static final String NOT_ENROLLED = "NOT_ENROLLED";
    /** The worker had not authorised (or had revoked) this platform for that period. */
    public static final String NOT_AUTHORISED = "NOT_AUTHORISED";
    /** An occupational-injury line for a sector the platform is not registered in. */
    public static final String SECTOR_NOT_OF_PLATFORM = "SECTOR_NOT_OF_PLATFORM";
    /** The region has no policy for that year, so the line cannot be priced. */
    public static final String NO_POLICY = "NO_POLICY";
    /** The region's policy has no occupational-injury fee for that sector. */
    public static final String NO_FEE_FOR_SECTOR = "NO_FEE_FOR_SECTOR";
    /** amountFen of an occupational-injury line is not orders x the fee per order. */
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    /** One line pays more than the whole month is due. */
    public static final String EXCEEDS_DUE = "EXCEEDS_DUE";
    /** The ref was used before (in the ledger or earlier in this feed) for other content. */
    public static final String REF_CONFLICT = "REF_CONFLICT";
    /** reversesRef names no line this platform has had accepted. */
    public static final String UNKNOWN_REVERSED_REF = "UNKNOWN_REVERSED_REF";
    /** The line named by reversesRef has been reversed already. */
    public static final String ALREADY_REVERSED = "ALREADY_REVERSED";
    /** A reversal cannot itself be reversed: send the line again with a new ref. */
    public static final String REVERSAL_OF_REVERSAL = "REVERSAL_OF_REVERSAL";
    /** The reversal's worker, scheme, period, amount or orders differ from the line it reverses. */
    public static final String REVERSAL_MISMATCH = "REVERSAL_MISMATCH";

    private LineCodes() {
    }
}
