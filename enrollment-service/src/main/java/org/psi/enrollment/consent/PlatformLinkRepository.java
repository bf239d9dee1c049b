package org.psi.enrollment.consent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlatformLinkRepository implements PanacheRepositoryBase<PlatformLink, UUID> {

    public List<PlatformLink> findByWorker(UUID workerId) {
        return list("workerId = ?1 order by grantedAt", workerId);
    }

    /** How many consents the worker has given, revoked ones included. */
    public long countOfWorker(UUID workerId) {
        return count("workerId", workerId);
    }

    public Optional<PlatformLink> findActive(UUID workerId, String platformCode) {
        return find("workerId = ?1 and platformCode = ?2 and revokedAt is null", workerId, platformCode)
                .firstResultOptional();
    }

    public List<PlatformLink> findForPlatform(String platformCode, Collection<UUID> workerIds) {
        return workerIds.isEmpty() ? List.of()
                : list("platformCode = ?1 and workerId in ?2 order by grantedAt", platformCode, workerIds);
    }
}
