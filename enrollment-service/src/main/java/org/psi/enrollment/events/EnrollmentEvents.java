package org.psi.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.YearMonth;
import java.util.Base64;
import java.util.UUID;
import org.psi.common.domain.RetirementAge;
import org.psi.common.events.Outbox;
import org.psi.common.events.Streams;
import org.psi.enrollment.enrollment.EnrollmentPolicy;
import org.psi.enrollment.internal.DirectoryService;
import org.psi.enrollment.internal.InternalDtos;
import org.psi.enrollment.internal.WorkerDossier;
import org.psi.enrollment.platform.Platform;
import org.psi.enrollment.worker.Worker;

/**
 * Writes the enrollment-service's events into its outbox, in the transaction of each change.
 *
 * <p>An event carries the worker's whole state after the change. Two concurrent changes of one
 * worker could each see the state without the other's change, and the later event would then hide
 * the earlier change from readers; so every change locks the worker's row first
 * ({@link #lockWorker}): changes of one worker commit one after the other, the second sees the first,
 * and their events are numbered in that order.
 */
@ApplicationScoped
public class EnrollmentEvents {

    public static final String WORKER_REGISTERED = "worker.registered";
    public static final String WORKER_SNAPSHOT = "worker.snapshot";
    public static final String ENROLLMENT_OPENED = "enrollment.opened";
    public static final String ENROLLMENT_CHANGED = "enrollment.changed";
    public static final String ENROLLMENT_MOVED = "enrollment.moved";
    public static final String CONSENT_GRANTED = "consent.granted";
    public static final String CONSENT_REVOKED = "consent.revoked";
    public static final String PLATFORM_REGISTERED = "platform.registered";

    private final Outbox outbox;
    private final DirectoryService directory;
    private final EntityManager em;
    private final EnrollmentPolicy policy;

    public EnrollmentEvents(Outbox outbox, DirectoryService directory, EntityManager em, EnrollmentPolicy policy) {
        this.policy = policy;
        this.outbox = outbox;
        this.directory = directory;
        this.em = em;
    }

    /** Serialises the changes of one worker until the transaction ends (see the class comment). */
    public void lockWorker(UUID workerId) {
        em.createNativeQuery("select id from worker where id = ?1 for update").setParameter(1, workerId).getResultList();
    }

    /** A new worker: their (empty) record, the holder and the person. */
    public void registered(Worker w) {
        worker(w.id, WORKER_REGISTERED, EventPayloads.Change.NONE);
        holderAndPerson(w);
    }

    /** A worker's state for readers that know nothing of them yet (the events of data older than the outbox). */
    public void snapshot(Worker w) {
        worker(w.id, WORKER_SNAPSHOT, EventPayloads.Change.NONE);
        holderAndPerson(w);
    }

    /** A change of the worker's enrollments or consents: the state after it. */
    public void changed(UUID workerId, String type, EventPayloads.Change change) {
        worker(workerId, type, change);
    }

    public void platform(Platform p, String type) {
        outbox.emit(Streams.PLATFORM, p.code, type, new EventPayloads.PlatformState(p.code, p.name, p.clientId, p.sectors));
    }

    private void worker(UUID workerId, String type, EventPayloads.Change change) {
        em.flush();
        outbox.emit(Streams.WORKER, workerId.toString(), type, workerState(directory.byId(workerId), policy, change));
    }

    private void holderAndPerson(Worker w) {
        outbox.emit(Streams.HOLDER, w.id.toString(), "holder.registered", holder(w));
        outbox.emit(Streams.PERSON, w.id.toString(), "person.registered", person(w));
    }

    static EventPayloads.WorkerState workerState(WorkerDossier d, EnrollmentPolicy policy, EventPayloads.Change change) {
        InternalDtos.WorkerRecord r = InternalDtos.WorkerRecord.of(d);
        YearMonth retirement = RetirementAge.retirementMonth(r.birthDate(), policy.retirementCategoryOf(r.sex()));
        return new EventPayloads.WorkerState(r.workerId(), r.subject(), r.residenceRegion(), retirement, r.enrollments(),
                r.consents(), change);
    }

    static EventPayloads.Holder holder(Worker w) {
        return new EventPayloads.Holder(w.id, Base64.getEncoder().encodeToString(w.nationalIdIndex), w.name,
                w.nationalIdLast4);
    }

    static EventPayloads.Person person(Worker w) {
        return new EventPayloads.Person(w.id, w.birthDate, w.sex, w.hukouRegion);
    }
}
