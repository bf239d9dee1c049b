package org.psi.enrollment.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.psi.enrollment.platform.Platform;
import org.psi.enrollment.worker.Worker;

/**
 * Once, at the first start with the outbox: writes a snapshot event of every worker and platform
 * that existed before it, so that readers can build their copies from the feed alone. Workers are
 * locked while their snapshot is taken, so a change made meanwhile is numbered after it.
 */
@ApplicationScoped
public class EventBackfill {

    private static final Logger LOG = Logger.getLogger(EventBackfill.class);
    private static final int CHUNK = 500;

    private final EntityManager em;
    private final EnrollmentEvents events;

    public EventBackfill(EntityManager em, EnrollmentEvents events) {
        this.em = em;
        this.events = events;
    }

    void onStart(@Observes StartupEvent start) {
        boolean done = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext('psi.outbox.backfill'))").getSingleResult();
            return !em.createNativeQuery("select 1 from outbox_backfill").getResultList().isEmpty();
        });
        if (done) {
            return;
        }
        long workers = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<Worker> chunk = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Worker> locked = em.createNativeQuery(
                                "select * from worker where id > ?1 order by id limit ?2 for update", Worker.class)
                        .setParameter(1, from).setParameter(2, CHUNK).getResultList();
                locked.forEach(events::snapshot);
                return locked;
            });
            if (chunk.isEmpty()) {
                break;
            }
            workers += chunk.size();
            after = chunk.get(chunk.size() - 1).id;
        }
        long written = workers;
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext('psi.outbox.backfill'))").getSingleResult();
            if (!em.createNativeQuery("select 1 from outbox_backfill").getResultList().isEmpty()) {
                return;
            }
            Platform.<Platform>listAll().forEach(p -> events.platform(p, "platform.snapshot"));
            em.createNativeQuery("insert into outbox_backfill (done_at) values (now())").executeUpdate();
            if (written > 0) {
                LOG.infof("Wrote snapshot events of %d workers that existed before the outbox", written);
            }
        });
    }
}
