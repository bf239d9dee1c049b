package org.psi.contribution.feed;

/**
 * Why a well-formed feed line was not accepted, in the order the rules are checked: a line gets
 * the first code that applies. (A malformed line, by contrast, makes the whole feed bad input: see
 * {@link FeedLines}.) The OpenAPI description of the feed endpoints is generated from this list.
 */
public enum LineCode {

    REF_CONFLICT("The ref was accepted before (in the ledger or earlier in the feed) with other content; correct a line by reversing it"),
    INVALID_LENGTH("The citizen ID does not have 18 characters"),
    INVALID_CHARACTERS("The citizen ID has characters other than digits and a final X"),
    INVALID_BIRTH_DATE("The citizen ID's birth date is not a date"),
    FUTURE_BIRTH_DATE("The citizen ID's birth date lies in the future"),
    INVALID_CHECK_CHARACTER("The citizen ID's check character does not match (GB 11643)"),
    UNKNOWN_REVERSED_REF("reversesRef names no line this platform had accepted"),
    REVERSAL_OF_REVERSAL("The line named by reversesRef is itself a reversal"),
    ALREADY_REVERSED("The line named by reversesRef has been reversed already"),
    REVERSAL_MISMATCH("The reversal's person, scheme, period, amount or orders differ from the line it reverses"),
    NOT_AUTHORISED("The platform may not send lines for this person for this period: no consent of theirs was in force."
            + " The same for everyone it may not send for, whether or not the person is registered or enrolled"),
    NOT_ENROLLED("No enrollment of the person in that scheme covers that month"),
    SECTOR_NOT_OF_PLATFORM("An occupational-injury line for a sector the platform is not registered in"),
    NO_POLICY("The month has no assessment (its region had no policy for the year when it opened), or for occupational injury the region has no policy for the year"),
    NOT_DUE("Nothing is due for the month: from the retirement month on, PENSION is due only for the months the person was short of the minimum period (延长缴费)"),
    NO_FEE_FOR_SECTOR("The region's policy sets no occupational-injury fee for the sector"),
    AMOUNT_MISMATCH("amountFen of an occupational-injury line is not orders x the fee per order"),
    EXCEEDS_DUE("The line would take the month beyond its due: what all payers pay toward a month never exceeds it");

    private final String meaning;

    LineCode(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** The code of a citizen ID's own validation failure. */
    public static LineCode ofNationalId(String validationCode) {
        return valueOf(validationCode);
    }

    /** The list as the OpenAPI description shows it: each code and what it means, in order. */
    public static String describe() {
        StringBuilder s = new StringBuilder();
        for (LineCode c : values()) {
            s.append("\n- `").append(c.name()).append("`: ").append(c.meaning());
        }
        return s.toString();
    }
}
