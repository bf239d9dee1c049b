package org.psi.transfer.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.Route;
import org.psi.transfer.application.WorkerEnrollments;
import org.psi.transfer.saga.EnrollmentPort;

/** {@link EnrollmentPort} over the enrollment-service's internal HTTP API. */
@ApplicationScoped
public class EnrollmentGateway implements EnrollmentPort {

    private final EnrollmentClient client;

    public EnrollmentGateway(@RestClient EnrollmentClient client) {
        this.client = client;
    }

    @Override
    public UUID moveEnrollment(UUID transferId, UUID workerId, Scheme scheme, String toRegion, Route route) {
        try {
            ClientDtos.MoveResponse moved = client.move(transferId, new ClientDtos.MoveRequest(workerId, scheme, toRegion,
                    route == Route.TEMPORARY ? "TEMPORARY" : "MOVE"));
            return moved == null || moved.opened() == null ? null : moved.opened().enrollmentId();
        } catch (RuntimeException e) {
            throw RemoteErrors.of("enrollment-service PUT enrollment-move", e);
        }
    }
}
