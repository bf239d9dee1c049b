package org.psi.transfer.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.api.Cursors;
import org.psi.common.api.Page;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.Preview;
import org.psi.transfer.application.Quote;
import org.psi.transfer.application.Route;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.calendar.StepDeadline;
import org.psi.transfer.rules.PensionClaimRule;
import org.psi.transfer.rules.TemporaryAccountRule;
import org.psi.transfer.saga.HoldState;
import org.psi.transfer.saga.SagaAction;

/** Request and response bodies of the transfer API. */
public final class TransferDtos {

    static final String STATUS = "SUBMITTED -> ACCEPTED (or REJECTED, CANCELLED) -> TRANSFERRED_OUT -> COMPLETED; a temporary-account "
            + "case SUBMITTED -> ACCEPTED -> COMPLETED. FAILED (PSI's addition to the contract): another service refused a step for "
            + "good before the enrollment moved; any hold was released, nothing moved, `failureReason` says why, and the worker may "
            + "apply again.";

    /** The longest rejection reason (the case's column). */
    public static final int REASON_MAX = 1000;
    /** The longest failure reason or saga error: cut to the case's column. */
    static final int TEXT_MAX = 1000;
    /** The longest reason a rule gives (the case keeps the temporary-account one in 500 characters). */
    static final int RULE_REASON_MAX = 500;
    /** An event's hash: SHA-256 in hex. */
    static final int HASH_LENGTH = 64;
    static final String HASH_PATTERN = "^[0-9a-f]{64}$";
    /** The longest data of an event, as JSON (the trail's column). */
    static final int EVENT_DATA_MAX = 2000;
    /** A case's steps: REVIEW, TRANSFER_OUT, TRANSFER_IN. */
    static final int STEPS = 3;

    private TransferDtos() {
    }

    // ------------------------------------------------------------------ requests

    @Schema(name = "TransferRequest")
    public record SubmitRequest(
            @NotBlank @Schema(example = "PENSION", description = "PENSION or MEDICAL (occupational injury has nothing to transfer)",
                    maxLength = Scheme.NAME_MAX) String scheme,
            @NotBlank @Schema(example = "310000", description = "The destination pooling region: a province for PENSION, a city for MEDICAL", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN)
            String toRegion) {
    }

    @Schema(name = "TransferRejection")
    public record RejectRequest(
            @NotBlank @Size(max = REASON_MAX) @Schema(example = "The applicant's household registration could not be confirmed") String reason) {
    }

    // ------------------------------------------------------------------ parts

    @Schema(name = "TemporaryAccount", description = "Whether the pension temporary-account rule applies, and why")
    public record TemporaryAccount(boolean applies, @Schema(example = "Aged 35: the temporary-account rule applies to a man from 50, so the pension relationship and funds move to 310000.",
            maxLength = RULE_REASON_MAX) String reason) {
        static TemporaryAccount of(TemporaryAccountRule.Decision d) {
            return new TemporaryAccount(d.applies(), d.reason());
        }

        static TemporaryAccount of(TransferCase c) {
            return new TemporaryAccount(c.route == Route.TEMPORARY, c.temporaryReason);
        }
    }

    @Schema(name = "StepDeadline", description = "One step of a case and its deadline in working days")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deadline(Step step,
                           @Schema(example = "15", description = "Working days allowed; absent where no deadline applies", minimum = "0") Integer workingDays,
                           @Schema(example = "2026-03-02") LocalDate startedOn,
                           @Schema(example = "2026-03-23") LocalDate dueOn,
                           LocalDate completedOn,
                           @Schema(description = "Open and past its due day") boolean overdue,
                           @Schema(description = "For a completed step with a deadline: whether it was done by its due day") Boolean withinDeadline) {
        static Deadline of(Step step, StepDeadline d, LocalDate today) {
            return new Deadline(step, d.workingDays, d.startedOn, d.dueOn, d.doneOn, d.overdue(today), d.withinDeadline());
        }

        static List<Deadline> of(TransferCase c, LocalDate today) {
            return c.steps().stream().map(s -> of(s, c.deadline(s), today)).toList();
        }

        /** The deadlines as they stood when the case was submitted (for replays of the first response). */
        static List<Deadline> asSubmitted(TransferCase c) {
            return c.steps().stream().map(s -> {
                StepDeadline d = c.deadline(s);
                return s == Step.REVIEW ? new Deadline(s, d.workingDays, d.startedOn, d.dueOn, null, false, null)
                        : new Deadline(s, d.workingDays, null, null, null, false, null);
            }).toList();
        }
    }

    @Schema(name = "TransferFunds", description = "What the contribution-service holds for the case, once held")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Funds(@Schema(description = "NONE, REQUESTED, HELD, COMMITTED or RELEASED") HoldState state,
                        @Schema(example = "1234500") Long individualAccountFen,
                        @Schema(example = "2592000") Long pooledFundFen,
                        @Schema(example = "36", minimum = "0") Integer months) {
        static Funds of(TransferCase c) {
            return new Funds(c.holdState, c.heldIndividualFen, c.heldPooledFen, c.heldMonths);
        }
    }

    @Schema(name = "TransferSaga", description = "The progress of the calls to the other services")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Saga(@Schema(description = "The call owed next, if any") SagaAction pendingAction,
                       Instant nextAttemptAt, @Schema(minimum = "0") int attempts, @Schema(maxLength = TEXT_MAX) String lastError,
                       @Schema(description = "The saga stopped on an answer an operator must look at") boolean attention) {
        static Saga of(TransferCase c) {
            SagaAction pending = c.nextAction().orElse(null);
            return new Saga(pending, pending == null ? null : c.lease.dueAt, pending == null ? 0 : c.lease.attempts,
                    c.lease.error, c.attention);
        }
    }

    // ------------------------------------------------------------------ responses

    @Schema(name = "TransferReceipt", description = "The case as it was created")
    public record Receipt(UUID id, @Schema(description = STATUS) TransferStatus status, Scheme scheme, Route route,
                          @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String fromRegion, @Schema(example = "310000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String toRegion,
                          Instant submittedAt, TemporaryAccount temporaryAccount, @Schema(maxItems = STEPS) List<Deadline> deadlines) {
        static Receipt of(TransferCase c) {
            return new Receipt(c.id, TransferStatus.SUBMITTED, c.scheme, c.route, c.fromRegion, c.toRegion,
                    c.submittedAt, TemporaryAccount.of(c), Deadline.asSubmitted(c));
        }
    }

    @Schema(name = "Transfer", description = "A transfer case with its current step, deadlines and progress")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferView(UUID id, UUID workerId, Scheme scheme, Route route,
                               @Schema(description = STATUS) TransferStatus status,
                               @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String fromRegion, @Schema(example = "310000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String toRegion,
                               Instant submittedAt, Instant decidedAt, Instant transferredOutAt, Instant closedAt,
                               @Schema(description = "The open step; absent once the case has ended") Step currentStep,
                               @Schema(description = "The current step is past its due day") boolean overdue,
                               @Schema(maxItems = STEPS) List<Deadline> deadlines, TemporaryAccount temporaryAccount, Funds funds,
                               @Schema(description = "The enrollment opened at the destination") UUID openedEnrollmentId,
                               @Schema(maxLength = REASON_MAX) String rejectionReason,
                               @Schema(description = "Why the case FAILED", example = "The enrollment-service refused to move the enrollment: the enrollment is closed",
                                       maxLength = TEXT_MAX) String failureReason,
                               Saga saga) {
        static TransferView of(TransferCase c, LocalDate today) {
            return new TransferView(c.id, c.workerId, c.scheme, c.route, c.status, c.fromRegion, c.toRegion,
                    c.submittedAt, c.decidedAt, c.transferredOutAt, c.closedAt, c.currentStep, c.overdue(today),
                    Deadline.of(c, today), TemporaryAccount.of(c), Funds.of(c), c.openedEnrollmentId,
                    c.rejectionReason, c.failureReason, Saga.of(c));
        }
    }

    @Schema(name = "TransferQueueEntry", description = "A case in an officer's queue")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueueEntry(UUID id, Scheme scheme, Route route, TransferStatus status,
                             @Schema(description = "IN: coming to the region; OUT: leaving it", maxLength = 3) String direction,
                             @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String fromRegion, @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String toRegion, Instant submittedAt, Step currentStep,
                             LocalDate dueOn, boolean overdue, boolean attention) {
        static QueueEntry of(TransferCase c, String regionPrefix, LocalDate today) {
            String direction = c.toRegion.startsWith(regionPrefix) ? "IN" : "OUT";
            return new QueueEntry(c.id, c.scheme, c.route, c.status, direction, c.fromRegion, c.toRegion,
                    c.submittedAt, c.currentStep, c.currentDueOn, c.overdue(today), c.attention);
        }
    }

    @Schema(name = "TransferEvent", description = "One event of the trail; hash = SHA-256 over previousHash and the event's content")
    public record EventView(@Schema(minimum = "1") int seq, @Schema(example = "ACCEPTED", maxLength = 32) String type, Instant at,
                            @Schema(example = "officer:310000:9b2c...", maxLength = 300) String actor,
                            @Schema(description = "Stored as JSON of at most " + EVENT_DATA_MAX + " characters", maxProperties = EVENT_DATA_MAX / 6)
                            Map<String, @Size(max = EVENT_DATA_MAX) String> data,
                            @Schema(example = "0000000000000000000000000000000000000000000000000000000000000000", maxLength = HASH_LENGTH,
                                    pattern = HASH_PATTERN) String previousHash,
                            @Schema(maxLength = HASH_LENGTH, pattern = HASH_PATTERN) String hash) {
        static EventView of(TransferEvent e) {
            return new EventView(e.seq, e.type, e.at, e.actor, e.dataMap(), e.prevHash, e.hash);
        }
    }

    @Schema(name = "TrailIntegrity", description = "Whether every event still leads to the head hash kept with the case")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Integrity(boolean valid, @Schema(description = "The first event where the chain breaks", minimum = "1") Integer brokenAt,
                            @Schema(maxLength = RULE_REASON_MAX) String problem, @Schema(minimum = "0") int eventCount,
                            @Schema(maxLength = HASH_LENGTH, pattern = HASH_PATTERN) String headHash) {
        static Integrity of(EventChain.Verification v, TransferCase c) {
            return new Integrity(v.valid(), v.brokenAt(), v.problem(), c.eventCount, c.lastEventHash);
        }
    }

    @Schema(name = "TransferEventTrail")
    public record EventTrail(UUID transferId, @Schema(maxItems = Page.MAX_LIMIT) List<EventView> items,
                             @Schema(nullable = true, description = "Pass back as ?cursor= for the next page; null on the last",
                                     maxLength = Cursors.MAX_LENGTH) String nextCursor,
                             Integrity integrity) {
    }

    @Schema(name = "RegionMonths")
    public record RegionMonths(@Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region, @Schema(example = "48", minimum = "0") int months) {
    }

    @Schema(name = "SourceBalance", description = "What the source region holds for the worker in this scheme")
    public record AtSource(long individualAccountFen, long pooledFundFen, @Schema(minimum = "0") int months) {
    }

    @Schema(name = "PensionClaimPlace", description = "Where the pension would be claimed, by which rule, and why")
    public record ClaimPlace(@Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region, PensionClaimRule.Basis basis,
                             @Schema(maxLength = RULE_REASON_MAX) String reason) {
        static ClaimPlace of(PensionClaimRule.ClaimPlace p) {
            return p == null ? null : new ClaimPlace(p.region(), p.basis(), p.reason());
        }
    }

    @Schema(name = "StepDays")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepDays(Step step, @Schema(minimum = "0") Integer workingDays) {
    }

    @Schema(name = "TransferPreview", description = "What a transfer would do, before applying")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PreviewView(Scheme scheme, @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String fromRegion, @Schema(maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String toRegion, Route route,
                              @Schema(description = "What would move: the whole individual account", example = "1234500") long individualAccountFen,
                              @Schema(description = "What would move from the pooled fund: 12% of the base of every month contributed (PENSION)", example = "2592000") long pooledFundFen,
                              @Schema(description = "Contribution months that would move", example = "36", minimum = "0") int months,
                              AtSource atSource, TemporaryAccount temporaryAccount,
                              @Schema(description = "PENSION: where the pension would be claimed after this transfer") ClaimPlace pensionClaim,
                              @Schema(description = "PENSION: where it would be claimed without this transfer") ClaimPlace pensionClaimWithoutTransfer,
                              @Schema(maxItems = PoolingRegions.MAX_REGIONS) List<RegionMonths> countedMonthsByRegion,
                              @Schema(minimum = "0") int totalCountedMonths,
                              @Schema(description = "PENSION: months needed to draw a pension this year", minimum = "0") Integer minimumMonthsToDraw,
                              @Schema(maxItems = STEPS) List<StepDays> steps) {
        static PreviewView of(Preview p) {
            Quote q = p.atSource();
            return new PreviewView(p.scheme(), p.fromRegion(), p.toRegion(), p.temporaryAccount().route(),
                    p.individualAccountFen(), p.pooledFundFen(), p.months(),
                    new AtSource(q.individualAccountFen(), q.pooledFundFen(), q.months()),
                    TemporaryAccount.of(p.temporaryAccount()), ClaimPlace.of(p.pensionClaim()),
                    ClaimPlace.of(p.pensionClaimWithoutTransfer()),
                    q.countedMonthsByRegion().stream().map(m -> new RegionMonths(m.region(), m.months())).toList(),
                    p.totalCountedMonths(), p.minimumMonthsToDraw(),
                    p.steps().stream().map(s -> new StepDays(s.step(), s.workingDays())).toList());
        }
    }
}
