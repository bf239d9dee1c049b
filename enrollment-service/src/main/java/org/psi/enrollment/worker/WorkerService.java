package org.psi.enrollment.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.NationalId;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.i18n.Message;
import org.psi.enrollment.enrollment.EnrollmentRepository;
import org.psi.enrollment.events.EnrollmentEvents;

/** Registration of workers and the views of their profile, including the audited unmasked read. */
@ApplicationScoped
public class WorkerService {

    /** The longest reason for showing a full citizen ID (the audit table's column). */
    public static final int REASON_MAX = 500;

    private final WorkerRepository workers;
    private final EnrollmentRepository enrollments;
    private final NationalIdVault vault;
    private final Clock clock;
    private final EnrollmentEvents events;
    private final RealNameCheck realName;

    public WorkerService(WorkerRepository workers, EnrollmentRepository enrollments, NationalIdVault vault, Clock clock,
                         EnrollmentEvents events, RealNameCheck realName) {
        this.events = events;
        this.realName = realName;
        this.workers = workers;
        this.enrollments = enrollments;
        this.vault = vault;
        this.clock = clock;
    }

    public record Registration(String nationalId, String name, String phone, String hukouRegion, String residenceRegion) {
    }

    /**
     * Registers the caller (by token subject) with the citizen ID their identity provider verified
     * ({@link RealNameCheck}). The household region defaults to the ID's address code.
     */
    @Transactional
    public Worker register(String subject, Registration r) {
        NationalId id = NationalId.parse(r.nationalId(), LocalDate.now(clock));
        // before any lookup: a caller who does not hold this ID's verified claim learns nothing of it
        realName.require(id);
        RegionCode hukou = r.hukouRegion() == null ? id.addressCode() : RegionCode.parse(r.hukouRegion(), "hukouRegion");
        PoolingRegions.requireKnown(hukou.value(), "hukouRegion");
        RegionCode residence = PoolingRegions.requireKnown(r.residenceRegion(), "residenceRegion");
        if (workers.findBySubject(subject).isPresent()) {
            throw ProblemException.conflict("already-registered", "enrollment.worker.login-registered");
        }
        byte[] index = vault.index(id);
        if (workers.findByIndex(index).isPresent()) {
            throw ProblemException.conflict("national-id-registered",
                    "enrollment.worker.national-id-registered");
        }
        Worker w = new Worker();
        w.id = UUID.randomUUID();
        w.subject = subject;
        w.nationalIdCipher = vault.encrypt(id, w.id);
        w.nationalIdIndex = index;
        w.nationalIdLast4 = id.value().substring(14);
        w.name = r.name().strip();
        w.phone = r.phone().strip();
        w.birthDate = id.birthDate();
        w.sex = id.sex();
        w.hukouRegion = hukou.value();
        w.residenceRegion = residence.value();
        w.createdAt = Instant.now(clock);
        try {
            workers.persistAndFlush(w);
        } catch (PersistenceException e) {
            // a concurrent registration of the same subject or ID won the race
            throw ProblemException.conflict("already-registered",
                    "enrollment.worker.already-registered");
        }
        events.registered(w);
        return w;
    }

    public Worker me(String subject) {
        return workers.findBySubject(subject).orElseThrow(() -> new ProblemException(404, "not-registered",
                Message.of("enrollment.title.not-registered"), Message.of("enrollment.worker.not-registered")));
    }

    /**
     * A worker's profile for an officer of a region where the worker is or was enrolled, or an admin.
     * Anyone else is told it does not exist.
     */
    public Worker forOfficial(UUID workerId, RegionCode officerRegion, boolean admin) {
        Worker w = workers.findByIdOptional(workerId).orElseThrow(() -> ProblemException.notFound("enrollment.worker.not-found", workerId));
        if (!admin && (officerRegion == null || !enrollments.hasEnrollmentUnder(workerId, officerRegion.prefix()))) {
            throw ProblemException.notFound("enrollment.worker.not-found", workerId);
        }
        return w;
    }

    /** The full citizen ID for an officer with a reason; every such read is written to the audit table first. */
    @Transactional
    public NationalId reveal(Worker w, String actor, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() < 5) {
            throw ProblemException.invalid("reason", "REQUIRED",
                    "enrollment.reveal.reason-required");
        }
        if (reason.length() > REASON_MAX) {
            throw ProblemException.invalid("reason", "INVALID_SIZE", "enrollment.reveal.reason-size");
        }
        IdRevealAudit audit = new IdRevealAudit();
        audit.id = UUID.randomUUID();
        audit.workerId = w.id;
        audit.actor = actor;
        audit.reason = reason.strip();
        audit.at = Instant.now(clock);
        audit.persist();
        return vault.decrypt(w.nationalIdCipher, w.id);
    }
}
