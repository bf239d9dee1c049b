package org.psi.transfer.saga;

import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.Route;

/** A saga step claimed by a worker: what to call, with what, and the claim under which its result counts. */
public record SagaStep(UUID transferId, UUID claim, SagaAction action, int attempt, UUID workerId, Scheme scheme,
                       String fromRegion, String toRegion, Route route) {

    /** The answer of the other service to a step. */
    public sealed interface Outcome permits Done, Failed {
    }

    /** The step happened (now or before: every call is idempotent by transfer id). */
    public record Done(HoldResult hold, java.util.UUID openedEnrollment) implements Outcome {
    }

    public record Failed(RemoteCallException error) implements Outcome {
    }
}
