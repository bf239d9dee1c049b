package org.psi.transfer.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.i18n.Message;
import org.psi.transfer.application.WorkerEnrollments;
import org.psi.transfer.calendar.CalendarService;
import org.psi.transfer.calendar.DeadlinePolicy;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.rules.TemporaryAccountRule;

/**
 * The transaction boundary of everything people do to cases: apply, cancel, accept, reject,
 * transfer out, and read. Each change writes its event to the trail in the same transaction, and
 * leaves what the saga owes due in the case row (the saga worker carries it out).
 */
@ApplicationScoped
public class CaseService {

    /** A new case, or the case an earlier request with the same Idempotency-Key made. */
    public record Opened(TransferCase transfer, boolean replayed) {
    }

    /** A case's trail and whether it is intact. */
    public record Trail(TransferCase transfer, List<TransferEvent> events, EventChain.Verification verification) {
    }

    private final TransferRepository transfers;
    private final TransferEventRepository events;
    private final IdempotencyRepository idempotency;
    private final CalendarService calendars;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    public CaseService(TransferRepository transfers, TransferEventRepository events, IdempotencyRepository idempotency,
                       CalendarService calendars, DeadlinePolicy deadlines, Clock clock) {
        this.transfers = transfers;
        this.events = events;
        this.idempotency = idempotency;
        this.calendars = calendars;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The case a key already made for this caller, if any; the same key with another body is 422. */
    @Transactional
    public Optional<Opened> replay(String caller, String key, String requestHash) {
        return idempotency.find(caller, key).map(r -> replayOf(r, requestHash));
    }

    /**
     * Opens a case. The Idempotency-Key is claimed first: a concurrent request with the same key waits
     * for this transaction and then replays its case. A second open case for the same worker and
     * scheme breaks the {@code transfer_one_open} unique index: 409.
     */
    @Transactional
    public Opened open(String caller, String key, String requestHash, WorkerEnrollments worker, Scheme scheme,
                       String fromRegion, String toRegion, TemporaryAccountRule.Decision temporary) {
        Instant now = Times.now(clock);
        LocalDate today = LocalDate.now(clock);
        UUID id = UUID.randomUUID();
        if (key != null && !idempotency.claim(caller, key, requestHash, id, now)) {
            return replayOf(idempotency.find(caller, key).orElseThrow(), requestHash);
        }
        TransferCase c = TransferCase.submit(id, worker, scheme, fromRegion, toRegion, temporary, deadlines,
                calendars.calendar(), now, today);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scheme", scheme);
        data.put("route", c.route);
        data.put("fromRegion", fromRegion);
        data.put("toRegion", toRegion);
        data.put("temporaryAccount", temporary.reason());
        data.put("reviewDueOn", c.deadline(Step.REVIEW).dueOn);
        TransferEvent event = TransferEvent.append(c, Events.SUBMITTED, "worker", data, now);
        try {
            transfers.persist(c);
            events.record(event);
            transfers.flush();
        } catch (PersistenceException e) {
            if (isOneOpenViolation(e)) {
                throw ProblemException.conflict("transfer-open", "transfer.apply.open", scheme.label());
            }
            throw e;
        }
        return new Opened(c, false);
    }

    @Transactional
    public TransferCase view(UUID id, Viewer viewer) {
        return visible(transfers.findByIdOptional(id), viewer);
    }

    @Transactional
    public Trail trail(UUID id, Viewer viewer) {
        TransferCase c = visible(transfers.findByIdOptional(id), viewer);
        List<TransferEvent> trail = events.trail(id);
        return new Trail(c, trail, EventChain.verify(id, trail, c.eventCount, c.lastEventHash));
    }

    @Transactional
    public TransferCase cancel(UUID id, Viewer viewer) {
        TransferCase c = transfers.findForUpdate(id).filter(viewer::owns)
                .orElseThrow(() -> ProblemException.notFound("transfer.case.not-found", id));
        Instant now = Times.now(clock);
        c.cancel(now, LocalDate.now(clock));
        events.record(TransferEvent.append(c, Events.CANCELLED, viewer.actor(), Map.of(), now));
        return c;
    }

    @Transactional
    public TransferCase accept(UUID id, Viewer viewer) {
        TransferCase c = destination(id, viewer, "accept");
        Instant now = Times.now(clock);
        c.accept(now, LocalDate.now(clock), calendars.calendar());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nextStep", c.currentStep);
        data.put("dueOn", c.currentDueOn);
        events.record(TransferEvent.append(c, Events.ACCEPTED, viewer.actor(), data, now));
        return c;
    }

    @Transactional
    public TransferCase reject(UUID id, Viewer viewer, String reason) {
        TransferCase c = destination(id, viewer, "reject");
        Instant now = Times.now(clock);
        c.reject(reason, now, LocalDate.now(clock));
        events.record(TransferEvent.append(c, Events.REJECTED, viewer.actor(), Map.of("reason", reason), now));
        return c;
    }

    @Transactional
    public TransferCase transferOut(UUID id, Viewer viewer) {
        TransferCase c = transfers.findForUpdate(id).filter(viewer::canSee)
                .orElseThrow(() -> ProblemException.notFound("transfer.case.not-found", id));
        if (!viewer.officerOf(c.fromRegion)) {
            throw ProblemException.forbidden("transfer.case.source-only", c.fromRegion);
        }
        Instant now = Times.now(clock);
        c.transferOut(now, LocalDate.now(clock), calendars.calendar());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nextStep", c.currentStep);
        data.put("dueOn", c.currentDueOn);
        events.record(TransferEvent.append(c, Events.TRANSFERRED_OUT, viewer.actor(), data, now));
        return c;
    }

    @Transactional
    public List<TransferCase> mine(String subject, TransferRepository.After after, int rows) {
        return transfers.pageOfSubject(subject, after, rows);
    }

    @Transactional
    public List<TransferCase> queue(RegionCode region, TransferRepository.Direction direction, TransferStatus status,
                                    Boolean overdue, TransferRepository.After after, int rows) {
        return transfers.queue(region.prefix(), direction, status, overdue, LocalDate.now(clock), after, rows);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private TransferCase destination(UUID id, Viewer viewer, String verb) {
        TransferCase c = transfers.findForUpdate(id).filter(viewer::canSee)
                .orElseThrow(() -> ProblemException.notFound("transfer.case.not-found", id));
        if (!viewer.officerOf(c.toRegion)) {
            throw ProblemException.forbidden("transfer.case.destination-only", c.toRegion, Message.of("transfer.action." + verb));
        }
        return c;
    }

    private Opened replayOf(IdempotencyRecord record, String requestHash) {
        if (!record.requestHash.equals(requestHash)) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "transfer.apply.idempotency-key-reused");
        }
        return new Opened(transfers.findById(record.transferId), true);
    }

    private static TransferCase visible(Optional<TransferCase> c, Viewer viewer) {
        return c.filter(viewer::canSee).orElseThrow(() -> ProblemException.notFound("transfer.case.not-found-anonymous"));
    }

    private static boolean isOneOpenViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && cve.getConstraintName() != null
                    && cve.getConstraintName().contains("transfer_one_open")) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("transfer_one_open")) {
                return true;
            }
        }
        return false;
    }
}
