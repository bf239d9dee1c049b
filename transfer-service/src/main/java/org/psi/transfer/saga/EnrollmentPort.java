package org.psi.transfer.saga;

import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.Route;
import org.psi.transfer.application.WorkerEnrollments;

/**
 * What the saga asks of the enrollment-service (implemented over HTTP by {@code client.EnrollmentGateway}); the
 * facts the rules read come from this service's copy ({@code insured}).
 */
public interface EnrollmentPort {

    /**
     * Closes the worker's current enrollment of {@code scheme} and opens one at {@code toRegion}
     * (ACTIVE for MOVE, TEMPORARY for a temporary account). Idempotent by transfer id. Returns the id of
     * the enrollment opened.
     */
    UUID moveEnrollment(UUID transferId, UUID workerId, Scheme scheme, String toRegion, Route route);
}
