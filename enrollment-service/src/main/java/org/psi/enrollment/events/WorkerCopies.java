package org.psi.enrollment.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.psi.common.events.EventFeed;
import org.psi.common.events.FeedEvent;
import org.psi.common.events.FeedPage;
import org.psi.common.events.Streams;
import org.psi.enrollment.enrollment.EnrollmentPolicy;
import org.psi.enrollment.internal.DirectoryService;
import org.psi.enrollment.internal.WorkerDossier;
import org.psi.enrollment.worker.WorkerRepository;

/**
 * One worker's current state, as events of the streams the asking reader reads, for a reader that
 * meets a login it has no copy of yet (it looks the worker up once, then keeps the copy up to date
 * from the feed). Each event carries the position of the worker's latest event, read before the
 * state: the copy is then never newer in position than in content, so no later event is skipped.
 */
@ApplicationScoped
public class WorkerCopies {

    private final DirectoryService directory;
    private final WorkerRepository workers;
    private final EventFeed feed;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final EnrollmentPolicy policy;

    public WorkerCopies(DirectoryService directory, WorkerRepository workers, EventFeed feed, EntityManager em,
                        ObjectMapper json, Clock clock, EnrollmentPolicy policy) {
        this.policy = policy;
        this.directory = directory;
        this.workers = workers;
        this.feed = feed;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    public FeedPage bySubject(String reader, String subject) {
        List<String> streams = feed.streamsOf(reader);
        // only the worker's id before the position: the state itself is read after it
        UUID workerId = workers.findBySubject(subject)
                .orElseThrow(() -> org.psi.common.api.ProblemException.notFound("enrollment.worker.not-found-anonymous")).id;
        long seq = ((Number) em.createNativeQuery(
                        "select coalesce(max(seq), 0) from outbox_event where aggregateid = ?1 and aggregatetype in ('worker', 'holder', 'person')")
                .setParameter(1, workerId.toString()).getSingleResult()).longValue();
        WorkerDossier d = directory.byId(workerId);
        Instant now = Instant.now(clock);
        List<FeedEvent> events = new ArrayList<>(3);
        if (streams.contains(Streams.WORKER)) {
            events.add(event(seq, Streams.WORKER, workerId, EnrollmentEvents.WORKER_SNAPSHOT,
                    EnrollmentEvents.workerState(d, policy, EventPayloads.Change.NONE), now));
        }
        if (streams.contains(Streams.HOLDER)) {
            events.add(event(seq, Streams.HOLDER, workerId, "holder.snapshot", EnrollmentEvents.holder(d.worker()), now));
        }
        if (streams.contains(Streams.PERSON)) {
            events.add(event(seq, Streams.PERSON, workerId, "person.snapshot", EnrollmentEvents.person(d.worker()), now));
        }
        return new FeedPage(events, seq);
    }

    private FeedEvent event(long seq, String stream, UUID workerId, String type, Object payload, Instant at) {
        try {
            return new FeedEvent(seq, UUID.randomUUID(), stream, workerId.toString(), type, at, json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
