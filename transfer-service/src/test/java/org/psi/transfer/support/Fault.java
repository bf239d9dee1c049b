package org.psi.transfer.support;

/** What a stand-in does to one call instead of answering normally. */
public enum Fault {
    /** 503 without doing anything. */
    ERROR_BEFORE,
    /** Does the work, then answers 500: the caller cannot know it happened. */
    ERROR_AFTER,
    /** Does nothing and answers after the client's read timeout. */
    TIMEOUT_BEFORE,
    /** Does the work and answers after the client's read timeout. */
    TIMEOUT_AFTER,
    /** Resets the connection without doing anything. */
    RESET,
    /** Refuses for good: 409 without doing anything. */
    REFUSE,
    /** Forgets the hold of the transfer, then answers 404 (contribution commit only). */
    LOSE_HOLD,
    /** 409 already-held: another transfer of the worker still holds the funds (contribution hold only). */
    ALREADY_HELD
}
