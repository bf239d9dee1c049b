package org.psi.transfer.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.transfer.calendar.DeadlinePolicy;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.cases.CaseService;
import org.psi.transfer.insured.WorkerDirectory;
import org.psi.transfer.rules.PensionClaimRule;
import org.psi.transfer.rules.TemporaryAccountRule;
import org.psi.transfer.saga.ContributionPort;
import org.psi.transfer.saga.RemoteCallException;

/**
 * A worker's side before a case exists: the preview, and the application. Both read the worker from
 * the enrollment-service (outside any transaction), check the request against the rules, and the
 * application then opens the case through {@link CaseService}.
 */
@ApplicationScoped
public class ApplyService {

    /** A checked request: the worker, their current enrollment, where to, and the temporary-account decision. */
    private record Checked(WorkerEnrollments worker, Scheme scheme, String fromRegion, RegionCode toRegion,
                           TemporaryAccountRule.Decision temporary) {
    }

    private final WorkerDirectory workers;
    private final Quotes quotes;
    private final CaseService cases;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    public ApplyService(WorkerDirectory workers, Quotes quotes, CaseService cases, DeadlinePolicy deadlines, Clock clock) {
        this.workers = workers;
        this.quotes = quotes;
        this.cases = cases;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Preview preview(String subject, String schemeRaw, String toRaw) {
        Scheme scheme = transferableScheme(schemeRaw);
        RegionCode to = PoolingRegions.requirePooling(toRaw, scheme, "toRegion");
        Checked checked = check(subject, scheme, to);
        Quote quote = quote(checked);
        boolean moves = !checked.temporary().applies();
        PensionClaimRule.ClaimPlace after = null;
        PensionClaimRule.ClaimPlace without = null;
        Integer minimum = null;
        int total = quote.countedMonthsByRegion().stream().mapToInt(Quote.RegionMonths::months).sum();
        if (scheme == Scheme.PENSION) {
            RegionCode hukou = new RegionCode(checked.worker().hukouRegion());
            Map<String, Integer> monthsByProvince = new LinkedHashMap<>();
            for (Quote.RegionMonths m : quote.countedMonthsByRegion()) {
                monthsByProvince.merge(new RegionCode(m.region()).province().value(), m.months(), Integer::sum);
            }
            List<String> order = provincesByRecency(checked.worker(), monthsByProvince);
            RegionCode from = new RegionCode(checked.fromRegion());
            after = PensionClaimRule.decide(hukou, moves ? to : from, monthsByProvince, order);
            without = PensionClaimRule.decide(hukou, from, monthsByProvince, order);
            minimum = PensionClaimRule.minimumMonthsToDraw(LocalDate.now(clock).getYear());
        }
        List<Preview.StepDays> steps = new ArrayList<>();
        steps.add(new Preview.StepDays(Step.REVIEW, deadlines.days(scheme, Step.REVIEW)));
        if (moves) {
            steps.add(new Preview.StepDays(Step.TRANSFER_OUT, deadlines.days(scheme, Step.TRANSFER_OUT)));
        }
        steps.add(new Preview.StepDays(Step.TRANSFER_IN, deadlines.days(scheme, Step.TRANSFER_IN)));
        return new Preview(scheme, checked.fromRegion(), to.value(), checked.temporary(),
                moves ? quote.individualAccountFen() : 0, moves ? quote.pooledFundFen() : 0, moves ? quote.months() : 0,
                quote, after, without, total, minimum, steps);
    }

    /**
     * Applies for a transfer. With an Idempotency-Key, the same key and body answer the case made the
     * first time (even when two such requests race); the same key with another body is 422.
     */
    public CaseService.Opened submit(String subject, String idempotencyKey, String schemeRaw, String toRaw) {
        Scheme scheme = transferableScheme(schemeRaw);
        RegionCode to = PoolingRegions.requirePooling(toRaw, scheme, "toRegion");
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > 255)) {
            throw ProblemException.invalid("Idempotency-Key", "INVALID_SIZE", "transfer.apply.idempotency-key-size");
        }
        String requestHash = fingerprint(scheme, to);
        if (idempotencyKey != null) {
            Optional<CaseService.Opened> replay = cases.replay(subject, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Checked c = check(subject, scheme, to);
        return cases.open(subject, idempotencyKey, requestHash, c.worker(), scheme, c.fromRegion(), to.value(), c.temporary());
    }

    /** Only schemes with something to move can be transferred: occupational injury cover follows each covered day. */
    static Scheme transferableScheme(String raw) {
        Scheme scheme = Scheme.parse(raw, "scheme");
        if (scheme == Scheme.OCCUPATIONAL_INJURY) {
            throw new InvalidValueException("scheme", "NOTHING_TO_TRANSFER",
                    "transfer.apply.injury-nothing");
        }
        return scheme;
    }

    private Checked check(String subject, Scheme scheme, RegionCode to) {
        WorkerEnrollments worker = worker(subject);
        WorkerEnrollments.Enrollment current = worker.current(scheme)
                .filter(e -> WorkerEnrollments.ACTIVE.equals(e.status()))
                .orElseThrow(() -> worker.current(scheme)
                        .map(e -> ProblemException.conflict("no-active-enrollment", "transfer.apply.no-active-status",
                                scheme.label(), e.region(), e.status()))
                        .orElseGet(() -> ProblemException.conflict("no-active-enrollment", "transfer.apply.no-active", scheme.label())));
        if (current.region().equals(to.value())) {
            throw new InvalidValueException("toRegion", "SAME_REGION",
                    "transfer.apply.same-region", scheme.label(), to);
        }
        TemporaryAccountRule.Decision temporary = TemporaryAccountRule.evaluate(scheme, worker.sex(), worker.birthDate(),
                new RegionCode(worker.hukouRegion()), new RegionCode(current.region()), to, LocalDate.now(clock));
        return new Checked(worker, scheme, current.region(), to, temporary);
    }

    private WorkerEnrollments worker(String subject) {
        return workers.bySubject(subject);
    }

    private Quote quote(Checked c) {
        try {
            return quotes.quote(c.worker().workerId(), c.scheme(), c.fromRegion());
        } catch (RemoteCallException | TimeoutException | CircuitBreakerOpenException e) {
            throw unavailable("contribution-service");
        }
    }

    /** The contribution-service's quote, guarded: 3 s at most, then nothing while the breaker is open. */
    @ApplicationScoped
    public static class Quotes {
        private final ContributionPort contribution;

        public Quotes(ContributionPort contribution) {
            this.contribution = contribution;
        }

        @Timeout(3000)
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000)
        public Quote quote(UUID workerId, Scheme scheme, String fromRegion) {
            try {
                return contribution.quote(workerId, scheme, fromRegion);
            } catch (RemoteCallException e) {
                if (e.status() == 404) {
                    // nothing contributed in the region yet: nothing would move
                    return new Quote(0, 0, 0, List.of());
                }
                throw e;
            }
        }
    }

    /** Provinces where the worker had a pension enrollment, the most recent last (open enrollments latest). */
    private static List<String> provincesByRecency(WorkerEnrollments worker, Map<String, Integer> monthsByProvince) {
        List<String> order = new ArrayList<>(monthsByProvince.keySet());
        worker.enrollments().stream()
                .filter(e -> e.scheme() == Scheme.PENSION)
                .sorted(Comparator.comparing((WorkerEnrollments.Enrollment e) -> e.endMonth() == null ? YearMonth.of(9999, 12) : e.endMonth())
                        .thenComparing(WorkerEnrollments.Enrollment::startMonth))
                .forEach(e -> {
                    String province = new RegionCode(e.region()).province().value();
                    order.remove(province);
                    order.add(province);
                });
        return order;
    }

    private static ProblemException unavailable(String service) {
        return ProblemException.unavailable("upstream-unavailable", "transfer.upstream.no-answer", service);
    }

    private static String fingerprint(Scheme scheme, RegionCode to) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("scheme=" + scheme + "\ntoRegion=" + to.value()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
