package org.psi.contribution.policy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<RegionPolicy, RegionPolicy.Key> {

    public Optional<RegionPolicy> find(String region, int year) {
        return findByIdOptional(new RegionPolicy.Key(region, year));
    }

    public Optional<RegionPolicy> findForUpdate(String region, int year) {
        return findByIdOptional(new RegionPolicy.Key(region, year), LockModeType.PESSIMISTIC_WRITE);
    }
}
