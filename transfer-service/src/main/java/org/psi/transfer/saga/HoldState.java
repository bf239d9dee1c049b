package org.psi.transfer.saga;

/**
 * What the contribution-service holds for a case. REQUESTED means a hold call was (or may have
 * been) sent without a known answer, so a release is owed if the case is abandoned.
 */
public enum HoldState {
    NONE, REQUESTED, HELD, COMMITTED, RELEASED
}
