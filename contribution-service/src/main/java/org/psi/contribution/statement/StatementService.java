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
import org.psi.contribution.client.EnrollmentDirectory;
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

    private final EnrollmentDirectory directory;
    private final LedgerStore ledger;
    private final PolicyService policies;
    private final Clock clock;

    public StatementService(EnrollmentDirectory directory, LedgerStore ledger, PolicyService policies, Clock clock) {
        this.directory = directory;
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
            return months.stream().mapToLong(m -> m.dueFen() == null ? 0 : m.dueFen()).sum();
        }
    }

    public Statement forSubject(String subject, String schemeRaw, String fromRaw, String toRaw) {
        Scheme scheme = Scheme.parse(schemeRaw, "scheme");
        YearMonth thisMonth = YearMonth.now(clock);
        YearMonth from = fromRaw == null ? null : Periods.month(fromRaw, "from");
        YearMonth to = toRaw == null ? thisMonth : Periods.month(toRaw, "to");
        if (from != null && from.isAfter(to)) {
            throw ProblemException.invalid("from", "OUT_OF_RANGE", "from is not after to");
        }
        if (from != null && from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw ProblemException.invalid("from", "OUT_OF_RANGE", "A statement covers at most " + MAX_MONTHS + " months");
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
        List<ContributionHistory.Month> months = ContributionHistory.months(worker, scheme, start, to, policies.book(),
                payments, inRange);
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
