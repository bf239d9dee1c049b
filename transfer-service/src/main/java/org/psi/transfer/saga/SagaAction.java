package org.psi.transfer.saga;

/** The calls the saga makes to the other services, each idempotent by the transfer id. */
public enum SagaAction {
    /** contribution-service: freeze what would move (PUT /internal/transfers/{id}/hold). */
    HOLD,
    /** enrollment-service: close the source enrollment and open one at the destination (PUT .../enrollment-move). */
    MOVE,
    /** contribution-service: post the held amounts from the source to the destination (PUT .../commit). */
    COMMIT,
    /** contribution-service: drop a hold that will not be committed; the compensation (PUT .../release). */
    RELEASE
}
