package org.psi.enrollment.worker;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WorkerRepository implements PanacheRepositoryBase<Worker, UUID> {

    public Optional<Worker> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public Optional<Worker> findByIndex(byte[] index) {
        return find("nationalIdIndex", index).firstResultOptional();
    }

    public List<Worker> findByIndexes(Collection<byte[]> indexes) {
        return indexes.isEmpty() ? List.of() : list("nationalIdIndex in ?1", indexes);
    }
}
