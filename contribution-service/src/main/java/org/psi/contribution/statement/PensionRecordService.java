package org.psi.contribution.statement;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.Scheme;
import org.psi.contribution.assessment.MonthAssessment;
import org.psi.contribution.insured.InsuredDirectory;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.policy.PolicyBook;
import org.psi.contribution.policy.PolicyRepository;
import org.psi.contribution.policy.PolicyService;
import org.psi.contribution.policy.PolicyTerms;
import org.psi.contribution.policy.PolicyVersionStore;
import org.psi.contribution.policy.RegionPolicy;

/**
 * A worker's PENSION record as a pension estimate needs it (for the transfer-service, role internal):
 * from the whole statement, every counted month (paid in full) with its region, its base and the
 * average monthly wage of the policy version it was assessed under; the individual account balance
 * (every region); and the latest average monthly wage each of the regions asked about has a policy for.
 */
@ApplicationScoped
public class PensionRecordService {

    /** At most this many claim regions per request (there are 34 provinces). */
    public static final int MAX_CLAIM_REGIONS = 40;

    private final InsuredDirectory directory;
    private final StatementService statements;
    private final PolicyVersionStore versions;
    private final PolicyRepository policies;
    private final PolicyService policyService;
    private final Clock clock;

    public PensionRecordService(InsuredDirectory directory, StatementService statements, PolicyVersionStore versions,
                                PolicyRepository policies, PolicyService policyService, Clock clock) {
        this.directory = directory;
        this.statements = statements;
        this.versions = versions;
        this.policies = policies;
        this.policyService = policyService;
        this.clock = clock;
    }

    /** A counted month: its region, base, and the average monthly wage of the policy it was assessed under. */
    public record CountedMonth(java.time.YearMonth month, String region, long baseFen, long averageWageFen) {
    }

    /** The latest average monthly wage of a region (the year of the newest policy not after this year). */
    public record ClaimWage(String region, int year, long averageMonthlyWageFen) {
    }

    /** {@code currentGrade}: the base grade in force this month of her current PENSION enrollment, null without one. */
    public record Record(UUID workerId, Integer currentGrade, long individualAccountFen, List<CountedMonth> counted,
                         List<ClaimWage> claimWages) {
    }

    public Record of(UUID workerId, List<String> claimRegionsRaw) {
        List<String> claimRegions = new ArrayList<>();
        if (claimRegionsRaw != null) {
            if (claimRegionsRaw.size() > MAX_CLAIM_REGIONS) {
                throw ProblemException.invalid("claimRegion", "OUT_OF_RANGE", "contribution.pension-record.claim-regions", MAX_CLAIM_REGIONS);
            }
            for (String raw : claimRegionsRaw) {
                String region = PoolingRegions.requirePooling(raw, Scheme.PENSION, "claimRegion").value();
                if (!claimRegions.contains(region)) {
                    claimRegions.add(region);
                }
            }
        }
        InsuredWorker worker = directory.byId(workerId).orElseThrow(() -> ProblemException.notFound("contribution.worker.not-found", workerId));
        StatementService.Statement whole = statements.whole(worker, Scheme.PENSION);
        PolicyBook book = policyService.book();
        Map<String, Optional<Long>> wageOfVersion = new HashMap<>();
        List<CountedMonth> counted = new ArrayList<>();
        for (ContributionHistory.Month m : whole.months()) {
            if (!m.counts() || m.baseFen() == null) {
                continue;
            }
            averageWage(m, wageOfVersion, book)
                    .ifPresent(wage -> counted.add(new CountedMonth(m.month(), m.region(), m.baseFen(), wage)));
        }
        List<ClaimWage> wages = new ArrayList<>();
        int thisYear = Year.now(clock).getValue();
        for (String region : claimRegions) {
            latest(region, thisYear).ifPresent(wages::add);
        }
        java.time.YearMonth thisMonth = java.time.YearMonth.now(clock);
        Integer grade = worker.enrollmentsOf(Scheme.PENSION).stream().filter(InsuredWorker.Enrollment::isCurrent)
                .map(e -> e.gradeIn(thisMonth)).filter(java.util.OptionalInt::isPresent).map(g -> g.getAsInt())
                .findFirst().orElse(null);
        return new Record(worker.workerId(), grade, whole.individualAccountFen(), counted, wages);
    }

    /**
     * The average wage of the policy version the month was assessed under; a month without an
     * assessment (booked before assessments existed) takes its region's policy of its year.
     */
    private Optional<Long> averageWage(ContributionHistory.Month m, Map<String, Optional<Long>> cache, PolicyBook book) {
        MonthAssessment a = m.assessment();
        if (a != null) {
            String key = a.policyRegion() + "/" + a.policyYear() + "/" + a.policyVersion();
            Optional<Long> wage = cache.computeIfAbsent(key, k -> versions.of(a.policyRegion(), a.policyYear()).stream()
                    .filter(v -> v.version() == a.policyVersion()).findFirst()
                    .map(PolicyVersionStore.Version::averageMonthlyWageFen));
            if (wage.isPresent()) {
                return wage;
            }
        }
        return book.find(m.region(), m.month().getYear()).map(PolicyTerms::averageMonthlyWageFen);
    }

    private Optional<ClaimWage> latest(String region, int notAfter) {
        Optional<RegionPolicy> p = policies.find("id.region = ?1 and id.year <= ?2 order by id.year desc", region, notAfter)
                .firstResultOptional();
        return p.map(policy -> new ClaimWage(region, policy.id.year, policy.averageMonthlyWageFen));
    }
}
