package org.psi.enrollment.platform;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class PlatformRepository implements PanacheRepositoryBase<Platform, String> {

    public Optional<Platform> findByClientId(String clientId) {
        return clientId == null ? Optional.empty() : find("clientId", clientId).firstResultOptional();
    }

    public boolean existsByCreditCode(String creditCode) {
        return count("creditCode", creditCode) > 0;
    }

    public boolean existsByClientId(String clientId) {
        return count("clientId", clientId) > 0;
    }
}
