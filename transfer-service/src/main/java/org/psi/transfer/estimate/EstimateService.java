package org.psi.transfer.estimate;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.RetirementAge;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.WorkerEnrollments;
import org.psi.transfer.insured.WorkerDirectory;
import org.psi.transfer.rules.PensionClaimRule;
import org.psi.transfer.saga.ContributionPort;
import org.psi.transfer.saga.RemoteCallException;

/**
 * The caller's pension estimate (养老金测算): her record from the contribution-service, her birth
 * date, sex and household registration from this service's copy, the claim province by
 * {@link PensionClaimRule}, and the figures by {@link PensionFormula}; with a move, the same
 * again with the months from the move month contributed at the destination's wage and the claim
 * province after the move, side by side. Changes nothing.
 */
@ApplicationScoped
public class EstimateService {

    /** The grade assumed without one given and without a current PENSION enrollment. */
    public static final int DEFAULT_GRADE = 100;
    public static final int MIN_GRADE = 60;
    public static final int MAX_GRADE = 300;
    /** Wage growth a year assumed without one given, in percent. */
    public static final BigDecimal DEFAULT_WAGE_GROWTH = new BigDecimal("3");
    public static final BigDecimal MAX_WAGE_GROWTH = new BigDecimal("20");

    /** The checked query. {@code moveTo} null without a move. */
    public record Query(Integer grade, BigDecimal wageGrowthPercent, RegionCode moveTo, YearMonth moveMonth) {
    }

    /** One scenario: the estimate, where it is claimed and why, and what it assumed. */
    public record Scenario(PensionFormula.Estimate estimate, PensionClaimRule.ClaimPlace claim, List<String> assumptions) {
    }

    /** {@code move} null without a move. */
    public record Result(Scenario stay, Scenario move) {
    }

    private final WorkerDirectory workers;
    private final Records records;
    private final Clock clock;
    private final BigDecimal creditingRatePercent;
    private final int femaleCategory;

    public EstimateService(WorkerDirectory workers, Records records, Clock clock,
                           @ConfigProperty(name = "psi.transfer.estimate.crediting-rate-percent", defaultValue = "2.62") BigDecimal creditingRatePercent,
                           @ConfigProperty(name = "psi.transfer.estimate.female-category", defaultValue = "55") int femaleCategory) {
        this.workers = workers;
        this.records = records;
        this.clock = clock;
        this.creditingRatePercent = creditingRatePercent;
        this.femaleCategory = femaleCategory;
    }

    /** Checks every query parameter (400 naming the field) before anything is read. */
    public Query query(String gradeRaw, String wageGrowthRaw, String moveToRaw, String moveMonthRaw) {
        Integer grade = null;
        if (gradeRaw != null) {
            if (!gradeRaw.matches("\\d{1,4}")) {
                throw new InvalidValueException("grade", "INVALID_NUMBER", "transfer.estimate.grade-format", MIN_GRADE, MAX_GRADE);
            }
            grade = Integer.parseInt(gradeRaw);
            if (grade < MIN_GRADE || grade > MAX_GRADE) {
                throw new InvalidValueException("grade", "OUT_OF_RANGE", "transfer.estimate.grade-range", MIN_GRADE, MAX_GRADE);
            }
        }
        BigDecimal growth = DEFAULT_WAGE_GROWTH;
        if (wageGrowthRaw != null) {
            if (!wageGrowthRaw.matches("\\d{1,2}(\\.\\d{1,2})?")) {
                throw new InvalidValueException("wageGrowthPercent", "INVALID_NUMBER", "transfer.estimate.growth-format");
            }
            growth = new BigDecimal(wageGrowthRaw);
            if (growth.compareTo(MAX_WAGE_GROWTH) > 0) {
                throw new InvalidValueException("wageGrowthPercent", "OUT_OF_RANGE", "transfer.estimate.growth-range");
            }
        }
        RegionCode moveTo = moveToRaw == null ? null : PoolingRegions.requirePooling(moveToRaw, Scheme.PENSION, "moveTo");
        YearMonth moveMonth = null;
        if (moveMonthRaw != null) {
            if (moveTo == null) {
                throw new InvalidValueException("moveMonth", "REQUIRES_MOVE_TO", "transfer.estimate.move-needs-region");
            }
            moveMonth = Periods.month(moveMonthRaw, "moveMonth");
            if (moveMonth.isBefore(YearMonth.now(clock))) {
                throw new InvalidValueException("moveMonth", "IN_THE_PAST", "transfer.estimate.move-past", moveMonth);
            }
        } else if (moveTo != null) {
            moveMonth = YearMonth.now(clock).plusMonths(1);
        }
        return new Query(grade, growth, moveTo, moveMonth);
    }

    public Result estimate(String subject, Query q) {
        WorkerEnrollments worker = workers.bySubject(subject);
        YearMonth now = YearMonth.now(clock);
        RetirementAge.Category category = RetirementAge.Category.of(worker.sex(), femaleCategory);
        YearMonth retirement = RetirementAge.retirementMonth(worker.birthDate(), category);
        RegionCode hukou = new RegionCode(worker.hukouRegion()).province();
        Optional<WorkerEnrollments.Enrollment> current = worker.current(Scheme.PENSION);
        // where she contributes from now on, and where her pension relationship is
        RegionCode here = current.map(e -> new RegionCode(e.region()).province()).orElse(hukou);
        RegionCode relationship = current.or(() -> lastPension(worker)).map(e -> new RegionCode(e.region()).province()).orElse(hukou);
        if (q.moveTo() != null) {
            if (current.isPresent() && q.moveTo().province().equals(here)) {
                throw new InvalidValueException("moveTo", "SAME_REGION", "transfer.apply.same-region", Scheme.PENSION.label(), here);
            }
            if (!q.moveMonth().isBefore(retirement)) {
                throw new InvalidValueException("moveMonth", "AFTER_RETIREMENT", "transfer.estimate.after-retirement",
                        retirement, q.moveMonth());
            }
        }
        LinkedHashSet<String> regions = new LinkedHashSet<>();
        regions.add(here.value());
        regions.add(relationship.value());
        regions.add(hukou.value());
        if (q.moveTo() != null) {
            regions.add(q.moveTo().province().value());
        }
        PensionRecord record = record(worker.workerId(), List.copyOf(regions));
        record.countedMonths().forEach(m -> regions.add(new RegionCode(m.region()).province().value()));
        // the claim rule may name any province with 10 years: ask again only if one is missing
        if (!record.claimWages().keySet().containsAll(regions)) {
            record = record(worker.workerId(), List.copyOf(regions));
        }
        int grade = q.grade() != null ? q.grade() : record.currentGrade() != null ? record.currentGrade() : DEFAULT_GRADE;
        String gradeSource = q.grade() != null ? "as given" : record.currentGrade() != null
                ? "that of your current PENSION enrollment" : "the default, without a current PENSION enrollment";

        Scenario stay = scenario(worker, record, now, category, retirement, hukou, relationship, grade, gradeSource, q,
                List.of(new Segment(now, here)));
        Scenario move = null;
        if (q.moveTo() != null) {
            RegionCode to = q.moveTo().province();
            move = scenario(worker, record, now, category, retirement, hukou, to, grade, gradeSource, q,
                    List.of(new Segment(now, here), new Segment(q.moveMonth(), to)));
        }
        return new Result(stay, move);
    }

    /** From {@code from} on, she contributes in {@code region}. */
    private record Segment(YearMonth from, RegionCode region) {
    }

    private Scenario scenario(WorkerEnrollments worker, PensionRecord record, YearMonth now, RetirementAge.Category category,
                              YearMonth retirement, RegionCode hukou, RegionCode relationship, int grade, String gradeSource,
                              Query q, List<Segment> segments) {
        // the months counted so far and those to come, by province, for the claim rule
        Map<String, Integer> monthsByProvince = new LinkedHashMap<>();
        Map<String, YearMonth> lastByProvince = new LinkedHashMap<>();
        YearMonth next = now;
        for (PensionRecord.Month m : record.countedMonths()) {
            String p = new RegionCode(m.region()).province().value();
            monthsByProvince.merge(p, 1, Integer::sum);
            lastByProvince.merge(p, m.month(), (a, b) -> a.isAfter(b) ? a : b);
            if (!m.month().isBefore(next)) {
                next = m.month().plusMonths(1);
            }
        }
        for (YearMonth m = next; m.isBefore(retirement); m = m.plusMonths(1)) {
            String p = segmentOf(segments, m).region().value();
            monthsByProvince.merge(p, 1, Integer::sum);
            YearMonth month = m;
            lastByProvince.merge(p, m, (a, b) -> a.isAfter(b) ? a : month);
        }
        List<String> order = new ArrayList<>(lastByProvince.keySet());
        order.sort(Comparator.comparing(lastByProvince::get));
        PensionClaimRule.ClaimPlace claim = PensionClaimRule.decide(hukou, relationship, monthsByProvince, order);
        PensionRecord.Wage claimWage = wage(record, claim.region());

        List<PensionFormula.WageFrom> wages = new ArrayList<>();
        for (Segment s : segments) {
            PensionRecord.Wage w = wage(record, s.region().value());
            wages.add(new PensionFormula.WageFrom(s.from(), w.averageMonthlyWageFen(), w.year()));
        }
        List<PensionFormula.CountedMonth> counted = record.countedMonths().stream()
                .map(m -> new PensionFormula.CountedMonth(m.month(), m.baseFen(), m.averageWageFen())).toList();
        PensionFormula.Estimate e = PensionFormula.estimate(new PensionFormula.Inputs(worker.birthDate(), category, now, counted,
                record.individualAccountFen(), grade, claimWage.averageMonthlyWageFen(), claimWage.year(),
                q.wageGrowthPercent(), creditingRatePercent), wages);

        List<String> assumptions = new ArrayList<>();
        assumptions.add("An estimate by today's rules, not a pension decision: " + record.countedMonths().size()
                + " months counted so far (paid in full), each indexed by its base over the average wage of its region and year.");
        if (next.isBefore(retirement)) {
            StringBuilder where = new StringBuilder();
            for (Segment s : segments) {
                if (s.from().isBefore(retirement)) {
                    PensionRecord.Wage w = wage(record, s.region().value());
                    YearMonth start = s.from().isAfter(next) ? s.from() : next;
                    where.append(where.length() == 0 ? "" : "; ").append("from ").append(start).append(" in ").append(s.region())
                            .append(" (average monthly wage ").append(yuan(w.averageMonthlyWageFen())).append(" yuan in ").append(w.year()).append(")");
                }
            }
            assumptions.add("Contributions every month from " + next + " to " + retirement.minusMonths(1) + ": " + where + ".");
        } else {
            assumptions.add("No months to come: retirement in " + retirement + ".");
        }
        assumptions.add("Grade: " + grade + "% of the average wage for every month to come (" + gradeSource + ").");
        assumptions.add("Wage growth: " + q.wageGrowthPercent().stripTrailingZeros().toPlainString()
                + "% a year, for the average wages after the year they were published.");
        assumptions.add("Crediting rate (记账利率): " + creditingRatePercent.stripTrailingZeros().toPlainString()
                + "% a year on the individual account, credited at the end of each year; 8% of each base to come is added to it.");
        assumptions.add("Claim wage: the average monthly wage of " + claim.region() + " of " + claimWage.year() + " ("
                + yuan(claimWage.averageMonthlyWageFen()) + " yuan), grown to " + (retirement.getYear() - 1) + ": "
                + yuan(e.claimWageFen()) + " yuan; average indexed contribution ratio " + e.averageIndexedRatio().toPlainString() + ".");
        assumptions.add("Divisor: " + e.divisor() + " months, for " + e.retirementAgeMonths() / 12
                + " completed years of age at retirement.");
        assumptions.add("Claim region: " + claim.reason());
        if (segments.size() > 1) {
            assumptions.add("The move: only where the months from " + segments.get(1).from() + " are contributed (at "
                    + segments.get(1).region() + "'s wage) and the claim region change. What a transfer moves between the funds "
                    + "(the individual account, and 12% of each base from the pooled fund) leaves her own account and months as they are.");
        }
        return new Scenario(e, claim, assumptions);
    }

    private static Segment segmentOf(List<Segment> segments, YearMonth m) {
        Segment where = segments.get(0);
        for (Segment s : segments) {
            if (!s.from().isAfter(m)) {
                where = s;
            }
        }
        return where;
    }

    private static PensionRecord.Wage wage(PensionRecord record, String province) {
        PensionRecord.Wage w = record.claimWages().get(province);
        if (w == null) {
            throw ProblemException.conflict("no-average-wage", "transfer.estimate.no-average-wage", province);
        }
        return w;
    }

    private static Optional<WorkerEnrollments.Enrollment> lastPension(WorkerEnrollments worker) {
        return worker.enrollments().stream().filter(e -> e.scheme() == Scheme.PENSION)
                .max(Comparator.comparing((WorkerEnrollments.Enrollment e) -> e.endMonth() == null ? YearMonth.of(9999, 12) : e.endMonth())
                        .thenComparing(WorkerEnrollments.Enrollment::startMonth));
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private PensionRecord record(UUID workerId, List<String> regions) {
        Optional<PensionRecord> record;
        try {
            record = records.of(workerId, regions);
        } catch (RemoteCallException | TimeoutException | CircuitBreakerOpenException e) {
            throw ProblemException.unavailable("upstream-unavailable", "transfer.upstream.no-answer", "contribution-service");
        }
        // a worker the contribution-service does not know yet (its copy lags behind her registration): a passing 503
        return record.orElseThrow(() -> ProblemException.unavailable("upstream-unavailable", "transfer.estimate.record-not-yet"));
    }

    /** The contribution-service's pension record, guarded: 3 s at most, then nothing while the breaker is open. */
    @ApplicationScoped
    public static class Records {
        private final ContributionPort contribution;

        public Records(ContributionPort contribution) {
            this.contribution = contribution;
        }

        @Timeout(3000)
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000)
        public Optional<PensionRecord> of(UUID workerId, List<String> claimRegions) {
            try {
                return Optional.of(contribution.pensionRecord(workerId, claimRegions));
            } catch (RemoteCallException e) {
                if (e.permanent()) {
                    // refused (404: not known yet), an answer about one worker: it must not open the breaker for all
                    return Optional.empty();
                }
                throw e;
            }
        }
    }
}
