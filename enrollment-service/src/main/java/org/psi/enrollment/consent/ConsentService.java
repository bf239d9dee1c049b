package org.psi.enrollment.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.psi.common.api.ProblemException;
import org.psi.enrollment.events.EnrollmentEvents;
import org.psi.enrollment.events.EventPayloads;
import org.psi.enrollment.platform.Platform;
import org.psi.enrollment.platform.PlatformRepository;
import org.psi.enrollment.worker.Worker;
import org.psi.enrollment.worker.WorkerRepository;
import org.psi.enrollment.worker.WorkerService;

/**
 * A worker's consents: which platforms may contribute for them, and since when. Revoking ends a
 * consent at that instant; the record stays, so it can be answered whether a platform was
 * authorised on any past day.
 */
@ApplicationScoped
public class ConsentService {

    /** The most consents one worker keeps, revoked ones included: one more is refused. */
    public static final int MAX_CONSENTS = 1000;

    private final PlatformLinkRepository links;
    private final PlatformRepository platforms;
    private final Clock clock;
    private final EnrollmentEvents events;

    private final WorkerRepository workers;
    private final WorkerService workerService;

    public ConsentService(PlatformLinkRepository links, PlatformRepository platforms, Clock clock, EnrollmentEvents events,
                          WorkerRepository workers, WorkerService workerService) {
        this.workers = workers;
        this.workerService = workerService;
        this.events = events;
        this.links = links;
        this.platforms = platforms;
        this.clock = clock;
    }

    public record Granted(PlatformLink link, boolean created) {
    }

    /** Grants consent; granting a consent that is already active returns it unchanged. */
    @Transactional
    public Granted grant(Worker worker, String platformCode) {
        if (platformCode == null || platforms.findByIdOptional(platformCode).isEmpty()) {
            throw ProblemException.invalid("platformCode", "UNKNOWN_PLATFORM", "enrollment.consent.unknown-platform", platformCode);
        }
        events.lockWorker(worker.id);
        var existing = links.findActive(worker.id, platformCode);
        if (existing.isPresent()) {
            return new Granted(existing.get(), false);
        }
        if (links.countOfWorker(worker.id) >= MAX_CONSENTS) {
            throw ProblemException.conflict("too-many-consents", "enrollment.consent.too-many", MAX_CONSENTS);
        }
        PlatformLink link = new PlatformLink();
        link.id = UUID.randomUUID();
        link.workerId = worker.id;
        link.platformCode = platformCode;
        link.grantedAt = Instant.now(clock);
        try {
            links.persistAndFlush(link);
        } catch (PersistenceException e) {
            throw ProblemException.conflict("consent-exists", "enrollment.consent.concurrent");
        }
        events.changed(worker.id, EnrollmentEvents.CONSENT_GRANTED,
                new EventPayloads.Change(null, link.id, link.platformCode, null));
        return new Granted(link, true);
    }

    public List<PlatformLink> ofWorker(Worker worker) {
        return links.findByWorker(worker.id);
    }

    @Transactional
    public PlatformLink revoke(Worker worker, String platformCode) {
        events.lockWorker(worker.id);
        PlatformLink link = links.findActive(worker.id, platformCode)
                .orElseThrow(() -> ProblemException.notFound("enrollment.consent.not-found", platformCode));
        link.revokedAt = Instant.now(clock);
        events.changed(worker.id, EnrollmentEvents.CONSENT_REVOKED,
                new EventPayloads.Change(null, link.id, link.platformCode, null));
        return link;
    }

    /** A consent as the platform it was given to sees it, with the worker's citizen ID. */
    public record ForPlatform(PlatformLink link, String nationalId) {
    }

    /**
     * The consent {@code linkId} if it was given to the platform of {@code clientId}; the worker's
     * citizen ID is revealed to that platform with an audit record. Anything else is a 404.
     */
    @Transactional
    public ForPlatform forPlatform(String clientId, UUID linkId) {
        Platform platform = platforms.findByClientId(clientId).orElseThrow(() -> ProblemException.notFound(
                "enrollment.consent.link-not-found", linkId));
        PlatformLink link = links.findByIdOptional(linkId).filter(l -> l.platformCode.equals(platform.code))
                .orElseThrow(() -> ProblemException.notFound("enrollment.consent.link-not-found", linkId));
        Worker worker = workers.findByIdOptional(link.workerId).orElseThrow(() -> ProblemException.notFound(
                "enrollment.consent.link-not-found", linkId));
        return new ForPlatform(link, workerService.reveal(worker, "platform:" + platform.code, "consent link " + link.id).value());
    }
}
