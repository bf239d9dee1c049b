package org.psi.transfer.saga;

import java.time.Instant;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.Route;

/**
 * A saga step claimed by a worker: what to call, with what, the claim under which its result counts,
 * and until when the claim is leased (after that another worker may take the step over).
 */
public record SagaStep(UUID transferId, UUID claim, SagaAction action, int attempt, UUID workerId, Scheme scheme,
                       String fromRegion, String toRegion, Route route, Instant leasedUntil) {

    /** The same step under a lease renewed until {@code until}. */
    public SagaStep leasedUntil(Instant until) {
        return new SagaStep(transferId, claim, action, attempt, workerId, scheme, fromRegion, toRegion, route, until);
    }

    /** The answer of the other service to a step. */
    public sealed interface Outcome permits Done, Failed {
    }

    /** The step happened (now or before: every call is idempotent by transfer id). */
    public record Done(HoldResult hold, java.util.UUID openedEnrollment) implements Outcome {
    }

    public record Failed(RemoteCallException error) implements Outcome {
    }
}
