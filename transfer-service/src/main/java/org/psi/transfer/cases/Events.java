package org.psi.transfer.cases;

/** The types of events in a case's trail. */
public final class Events {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String FUNDS_HELD = "FUNDS_HELD";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";
    public static final String CANCELLED = "CANCELLED";
    public static final String TRANSFERRED_OUT = "TRANSFERRED_OUT";
    public static final String ENROLLMENT_MOVED = "ENROLLMENT_MOVED";
    public static final String TEMPORARY_ACCOUNT_OPENED = "TEMPORARY_ACCOUNT_OPENED";
    public static final String FUNDS_COMMITTED = "FUNDS_COMMITTED";
    public static final String HOLD_LOST = "HOLD_LOST";
    public static final String HOLD_RELEASED = "HOLD_RELEASED";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String NEEDS_ATTENTION = "NEEDS_ATTENTION";

    /** The saga's name in the trail. */
    public static final String SAGA = "saga";

    private Events() {
    }
}
