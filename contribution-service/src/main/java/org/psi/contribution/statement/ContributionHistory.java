package org.psi.contribution.statement;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import org.psi.common.domain.Scheme;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.ledger.CoveredDay;
import org.psi.contribution.ledger.MonthPayment;
import org.psi.contribution.policy.PolicyBook;
import org.psi.contribution.policy.PolicyTerms;

/**
 * A worker's months in one scheme: for each month, where it belonged, what it was due, who paid
 * what toward it, and whether it counts.
 *
 * <ul>
 *   <li>The region of a month is that of the enrollment that covered it (the enrollment-service's
 *       record), so months stay where they were contributed after a transfer.</li>
 *   <li>Due (PENSION, MEDICAL) = the base of the grade in force that month (held between the
 *       region's floor and ceiling, times the region's average monthly wage for that year, rounded
 *       to the yuan) x the scheme's rate, half-up to the fen.</li>
 *   <li>A month is PAID when all payers together paid at least its due (it then counts toward the
 *       scheme), PARTIAL when they paid less, UNPAID when nothing. Occupational injury is due per
 *       order and paid by the platform in full: a month with covered days is PAID.</li>
 * </ul>
 */
public final class ContributionHistory {

    public enum Status { PAID, PARTIAL, UNPAID }

    public record Payer(String source, long amountFen) {
    }

    public record Month(YearMonth month, String region, Long baseFen, Long dueFen, long paidFen, List<Payer> payers,
                        Status status, int coveredDays) {
        public boolean counts() {
            return status == Status.PAID;
        }
    }

    private ContributionHistory() {
    }

    /** The first month anything is on record for this scheme: an enrollment's start or a payment. */
    public static Optional<YearMonth> firstMonth(InsuredWorker worker, Scheme scheme, List<MonthPayment> payments) {
        TreeSet<YearMonth> starts = new TreeSet<>();
        worker.enrollmentsOf(scheme).forEach(e -> starts.add(e.startMonth()));
        payments.forEach(p -> starts.add(p.month()));
        return starts.isEmpty() ? Optional.empty() : Optional.of(starts.first());
    }

    /** Every month from {@code from} to {@code to} that an enrollment covered or that has payments. */
    public static List<Month> months(InsuredWorker worker, Scheme scheme, YearMonth from, YearMonth to, PolicyBook policies,
                                     List<MonthPayment> payments, List<CoveredDay> coveredDays) {
        TreeMap<YearMonth, List<MonthPayment>> paid = new TreeMap<>();
        for (MonthPayment p : payments) {
            if (!p.month().isBefore(from) && !p.month().isAfter(to)) {
                paid.computeIfAbsent(p.month(), m -> new ArrayList<>()).add(p);
            }
        }
        Map<YearMonth, java.util.Set<String>> days = new HashMap<>();
        coveredDays.forEach(d -> days.computeIfAbsent(d.month(), m -> new java.util.HashSet<>()).add(d.day()));
        TreeSet<YearMonth> months = new TreeSet<>(paid.keySet());
        for (InsuredWorker.Enrollment e : worker.enrollmentsOf(scheme)) {
            for (InsuredWorker.MonthSpan span : e.covered()) {
                YearMonth first = span.from().isBefore(from) ? from : span.from();
                YearMonth last = span.to() == null || span.to().isAfter(to) ? to : span.to();
                for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                    months.add(m);
                }
            }
        }
        List<Month> out = new ArrayList<>(months.size());
        for (YearMonth m : months) {
            List<MonthPayment> ps = paid.getOrDefault(m, List.of());
            Optional<InsuredWorker.Enrollment> covering = worker.covering(scheme, m);
            String region = covering.map(e -> e.region().value())
                    .orElseGet(() -> ps.isEmpty() ? null : ps.get(0).region());
            Map<String, Long> bySource = new LinkedHashMap<>();
            long total = 0;
            for (MonthPayment p : ps) {
                bySource.merge(p.source(), p.amountFen(), Long::sum);
                total += p.amountFen();
            }
            List<Payer> payers = bySource.entrySet().stream().filter(e -> e.getValue() != 0)
                    .map(e -> new Payer(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparing(Payer::source)).toList();
            int covered = days.getOrDefault(m, java.util.Set.of()).size();
            Long base = null;
            Long due = null;
            Status status;
            if (scheme.isMonthly()) {
                OptionalInt grade = covering.map(e -> e.gradeIn(m)).orElse(OptionalInt.empty());
                Optional<PolicyTerms> policy = region == null ? Optional.empty() : policies.find(region, m.getYear());
                if (grade.isPresent() && policy.isPresent()) {
                    base = policy.get().baseFen(grade.getAsInt());
                    due = policy.get().dueFen(scheme, base);
                }
                status = total <= 0 ? (due != null && due == 0 ? Status.PAID : Status.UNPAID)
                        : due != null && total >= due ? Status.PAID : Status.PARTIAL;
            } else {
                due = total;
                status = covered > 0 ? Status.PAID : Status.UNPAID;
            }
            out.add(new Month(m, region, base, due, total, payers, status, covered));
        }
        return out;
    }

    /** Counted (PAID) months per region, in region order. */
    public static Map<String, Integer> countedByRegion(List<Month> months) {
        Map<String, Integer> counted = new TreeMap<>();
        for (Month m : months) {
            if (m.counts() && m.region() != null) {
                counted.merge(m.region(), 1, Integer::sum);
            }
        }
        return counted;
    }
}
