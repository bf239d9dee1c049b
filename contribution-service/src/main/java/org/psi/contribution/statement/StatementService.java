package org.psi.contribution.statement;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.Scheme;
import org.psi.common.store.Jdbc;
import org.psi.contribution.assessment.AssessmentStore;
import org.psi.contribution.assessment.MonthAssessment;
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
    private final KeptStatements kept;
    private final ObjectMapper mapper;
    private final Jdbc jdbc;
    private final PolicyService policies;
    private final Clock clock;

    public StatementService(InsuredDirectory directory, KeptStatements kept, ObjectMapper mapper, AgroalDataSource db,
                            PolicyService policies, Clock clock) {
        this.directory = directory;
        this.kept = kept;
        this.mapper = mapper;
        this.jdbc = new Jdbc(db);
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

    /**
     * The caller's statement as JSON: kept from an earlier read while nothing it is made of has
     * changed (one query), else read in one round trip (the worker, her rows and her stamp), or two
     * for a login this instance has not seen yet.
     */
    public byte[] jsonForSubject(String subject, String schemeRaw, String fromRaw, String toRaw) {
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
        KeptStatements.Key key = new KeptStatements.Key(subject, scheme, from, to, thisMonth);
        Optional<byte[]> known = kept.find(key);
        if (known.isPresent()) {
            return known.get();
        }
        Jdbc.Query<AtomicReference<KeptStatements.Stamp>> stamp = KeptStatements.stampQuery(subject);
        Statement statement = null;
        Optional<UUID> hint = directory.keptWorkerId(subject);
        if (hint.isPresent()) {
            // the stamp first, then the worker and her rows: all in one round trip; the subject's row decides whose
            Jdbc.Query<AtomicReference<InsuredWorker>> who = directory.bySubjectQuery(subject);
            Reads reads = new Reads(hint.get(), scheme);
            jdbc.together(reads.after(stamp, who));
            InsuredWorker worker = who.result().get();
            if (worker != null && worker.workerId().equals(hint.get())) {
                statement = of(worker, scheme, from, to, reads);
            }
        }
        if (statement == null) {
            InsuredWorker worker = directory.bySubject(subject);
            stamp = KeptStatements.stampQuery(subject);
            Reads reads = new Reads(worker.workerId(), scheme);
            jdbc.together(reads.after(stamp));
            statement = of(worker, scheme, from, to, reads);
        }
        byte[] json = StatementDtos.Statement.json(statement, mapper);
        kept.keep(key, stamp.result().get(), json);
        return json;
    }

    /** The statement of {@code scheme} from {@code from} (default: the first month on record) to {@code to}. */
    public Statement of(InsuredWorker worker, Scheme scheme, YearMonth from, YearMonth to) {
        Reads reads = new Reads(worker.workerId(), scheme);
        jdbc.together(reads.after());
        return of(worker, scheme, from, to, reads);
    }

    /** What a statement is made of, read together: one round trip to the database. */
    private static final class Reads {
        final Jdbc.Query<List<MonthPayment>> payments;
        final Jdbc.Query<List<CoveredDay>> days;
        final Jdbc.Query<TreeMap<YearMonth, MonthAssessment>> assessed;
        final Jdbc.Query<Map<YearMonth, List<AssessmentStore.Adjustment>>> adjustments;
        final Jdbc.Query<Map<String, Long>> accounts;

        Reads(UUID workerId, Scheme scheme) {
            payments = LedgerStore.paymentsQuery(workerId, scheme);
            days = scheme == Scheme.OCCUPATIONAL_INJURY ? LedgerStore.coveredDaysQuery(workerId) : null;
            assessed = scheme.isMonthly() ? AssessmentStore.ofWorkerQuery(workerId, scheme) : null;
            adjustments = scheme.isMonthly() ? AssessmentStore.adjustmentsQuery(workerId, scheme) : null;
            accounts = scheme.isMonthly() ? LedgerStore.individualBalancesQuery(workerId, scheme) : null;
        }

        /** These reads, after {@code first} (which the round trip runs before them, in order). */
        List<Jdbc.Query<?>> after(Jdbc.Query<?>... first) {
            return Stream.concat(Stream.of(first), Stream.of(payments, days, assessed, adjustments, accounts))
                    .filter(Objects::nonNull).collect(Collectors.toList());
        }
    }

    private Statement of(InsuredWorker worker, Scheme scheme, YearMonth from, YearMonth to, Reads reads) {
        List<MonthPayment> payments = reads.payments.result();
        YearMonth start = from != null ? from
                : ContributionHistory.firstMonth(worker, scheme, payments).filter(m -> !m.isAfter(to)).orElse(to);
        if (start.plusMonths(MAX_MONTHS).isBefore(to)) {
            start = to.minusMonths(MAX_MONTHS);
        }
        List<CoveredDay> days = reads.days == null ? List.of() : reads.days.result();
        YearMonth first = start;
        List<CoveredDay> inRange = days.stream().filter(d -> !d.month().isBefore(first) && !d.month().isAfter(to)).toList();
        ContributionHistory.Record record = scheme.isMonthly()
                ? new ContributionHistory.Record(reads.assessed.result(), reads.adjustments.result(), payments, inRange)
                : new ContributionHistory.Record(Map.of(), Map.of(), payments, inRange);
        List<ContributionHistory.Month> months = ContributionHistory.months(worker, scheme, start, to, YearMonth.now(clock),
                record, policies.book());
        Map<String, Integer> byPlatform = new TreeMap<>();
        inRange.forEach(d -> byPlatform.merge(Payers.display(d.source()), 1, Integer::sum));
        Map<String, Long> accounts = scheme.isMonthly() ? reads.accounts.result() : Map.of();
        return new Statement(worker, scheme, start, to, months,
                scheme.isMonthly() ? ContributionHistory.countedByRegion(months) : Map.of(), accounts, byPlatform);
    }

    /** The whole record of a scheme, from the first month on record to this month. */
    public Statement whole(InsuredWorker worker, Scheme scheme) {
        return of(worker, scheme, null, YearMonth.now(clock));
    }
}
