package org.psi.contribution.statement;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.Scheme;
import org.psi.contribution.assessment.AssessmentStore;
import org.psi.contribution.insured.InsuredDirectory;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.ledger.CoveredDay;
import org.psi.contribution.ledger.LedgerStore;
import org.psi.contribution.ledger.MonthPayment;
import org.psi.contribution.ledger.Payers;
import org.psi.contribution.policy.PolicyService;

/**
 * A worker's statement of one scheme: every month with what was due, who paid what, and whether it
 * counts; counted months per region; the individual account balance; for occupational injury, the
 * covered days per platform. The worker is always the caller (found by their login subject), so no
 * one can read another's statement.
 */
@ApplicationScoped
public class StatementService {

    /** The longest range a statement covers: 50 years. */
    public static final int MAX_MONTHS = 600;

    private final InsuredDirectory directory;
    private final AssessmentStore assessments;
    private final LedgerStore ledger;
    private final PolicyService policies;
    private final Clock clock;

    public StatementService(InsuredDirectory directory, AssessmentStore assessments, LedgerStore ledger, PolicyService policies,
                            Clock clock) {
        this.directory = directory;
        this.assessments = assessments;
        this.ledger = ledger;
        this.policies = policies;
        this.clock = clock;
    }

    public record Statement(InsuredWorker worker, Scheme scheme, YearMonth from, YearMonth to,
                            List<ContributionHistory.Month> months, Map<String, Integer> countedByRegion,
                            Map<String, Long> individualAccounts, Map<String, Integer> coveredDaysByPlatform) {

        public int countedMonths() {
            return countedByRegion.values().stream().mapToInt(Integer::intValue).sum();
        }

        public long individualAccountFen() {
            return individualAccounts.values().stream().mapToLong(Long::longValue).sum();
        }

        public long paidFen() {
            return months.stream().mapToLong(ContributionHistory.Month::paidFen).sum();
        }

        public long dueFen() {
            return months.stream().filter(m -> !m.provisional()).mapToLong(m -> m.dueFen() == null ? 0 : m.dueFen()).sum();
        }

        /** What was paid beyond a month's due after a re-assessment, held as the payers' refundable credit. */
        public long refundableFen() {
            return months.stream().mapToLong(ContributionHistory.Month::refundableFen).sum();
        }
    }

    public Statement forSubject(String subject, String schemeRaw, String fromRaw, String toRaw) {
        Scheme scheme = Scheme.parse(schemeRaw, "scheme");
        YearMonth thisMonth = YearMonth.now(clock);
        YearMonth from = fromRaw == null ? null : Periods.month(fromRaw, "from");
        YearMonth to = toRaw == null ? thisMonth : Periods.month(toRaw, "to");
        if (from != null && from.isAfter(to)) {
            throw ProblemException.invalid("from", "OUT_OF_RANGE", "contribution.statement.from-after-to");
        }
        if (from != null && from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw ProblemException.invalid("from", "OUT_OF_RANGE", "contribution.statement.max-months", MAX_MONTHS);
        }
        return of(directory.bySubject(subject), scheme, from, to);
    }

    /** The statement of {@code scheme} from {@code from} (default: the first month on record) to {@code to}. */
    public Statement of(InsuredWorker worker, Scheme scheme, YearMonth from, YearMonth to) {
        List<MonthPayment> payments = ledger.payments(worker.workerId(), scheme);
        YearMonth start = from != null ? from
                : ContributionHistory.firstMonth(worker, scheme, payments).filter(m -> !m.isAfter(to)).orElse(to);
        if (start.plusMonths(MAX_MONTHS).isBefore(to)) {
            start = to.minusMonths(MAX_MONTHS);
        }
        List<CoveredDay> days = scheme == Scheme.OCCUPATIONAL_INJURY ? ledger.coveredDays(worker.workerId()) : List.of();
        YearMonth first = start;
        List<CoveredDay> inRange = days.stream().filter(d -> !d.month().isBefore(first) && !d.month().isAfter(to)).toList();
        ContributionHistory.Record record = scheme.isMonthly()
                ? new ContributionHistory.Record(assessments.ofWorker(worker.workerId(), scheme),
                        assessments.adjustmentsOf(worker.workerId(), scheme), payments, inRange)
                : new ContributionHistory.Record(Map.of(), Map.of(), payments, inRange);
        List<ContributionHistory.Month> months = ContributionHistory.months(worker, scheme, start, to, YearMonth.now(clock),
                record, policies.book());
        Map<String, Integer> byPlatform = new TreeMap<>();
        inRange.forEach(d -> byPlatform.merge(Payers.display(d.source()), 1, Integer::sum));
        Map<String, Long> accounts = scheme.isMonthly() ? ledger.individualBalances(worker.workerId(), scheme) : Map.of();
        return new Statement(worker, scheme, start, to, months,
                scheme.isMonthly() ? ContributionHistory.countedByRegion(months) : Map.of(), accounts, byPlatform);
    }

    /** The whole record of a scheme, from the first month on record to this month. */
    public Statement whole(InsuredWorker worker, Scheme scheme) {
        return of(worker, scheme, null, YearMonth.now(clock));
    }
}
