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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.psi.common.domain.Scheme;
import org.psi.contribution.assessment.AssessmentStore;
import org.psi.contribution.assessment.MonthAssessment;
import org.psi.contribution.assessment.MonthPricing;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.ledger.CoveredDay;
import org.psi.contribution.ledger.MonthPayment;
import org.psi.contribution.policy.PolicyBook;
import org.psi.contribution.policy.PolicyTerms;

/**
 * A worker's months in one scheme: for each month, where it belonged, what it was assessed to be
 * due, who paid what toward it, and whether it counts.
 *
 * <ul>
 *   <li>PENSION and MEDICAL read each month's assessment ({@link MonthAssessment}): its region, base
 *       and due, as assessed when the month opened (and as any re-assessment changed them, each
 *       adjustment listed). A month not yet open is shown priced by today's policy and marked
 *       provisional; an open month without an assessment (its region had no policy) has no due.</li>
 *   <li>Otherwise the region of a month is that of the enrollment that covered it, so months stay
 *       where they were contributed after a transfer.</li>
 *   <li>A month is PAID when all payers together paid its due (it then counts), PARTIAL when they
 *       paid less, UNPAID when nothing ({@link MonthPricing#status}). Occupational injury is due per
 *       order and paid by the platform in full: a month with covered days is PAID.</li>
 * </ul>
 */
public final class ContributionHistory {

    public record Payer(String source, long amountFen, long refundedFen) {
    }

    public record Month(YearMonth month, String region, Long baseFen, Long dueFen, long paidFen, List<Payer> payers,
                        MonthPricing.Status status, int coveredDays, boolean provisional, MonthAssessment assessment,
                        List<AssessmentStore.Adjustment> adjustments, long refundableFen) {
        public boolean counts() {
            return !provisional && MonthPricing.counts(dueFen, paidFen);
        }
    }

    /** What is on record for one worker and scheme: assessments, adjustments, payments and covered days. */
    public record Record(Map<YearMonth, MonthAssessment> assessments, Map<YearMonth, List<AssessmentStore.Adjustment>> adjustments,
                         List<MonthPayment> payments, List<CoveredDay> coveredDays) {
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

    /**
     * Every month from {@code from} to {@code to} that an enrollment covered or that has payments;
     * months after {@code thisMonth} are provisional (priced from {@code policies}).
     */
    public static List<Month> months(InsuredWorker worker, Scheme scheme, YearMonth from, YearMonth to, YearMonth thisMonth,
                                     Record record, PolicyBook policies) {
        TreeMap<YearMonth, List<MonthPayment>> paid = new TreeMap<>();
        for (MonthPayment p : record.payments()) {
            if (!p.month().isBefore(from) && !p.month().isAfter(to)) {
                paid.computeIfAbsent(p.month(), m -> new ArrayList<>()).add(p);
            }
        }
        Map<YearMonth, Set<String>> days = new HashMap<>();
        record.coveredDays().forEach(d -> days.computeIfAbsent(d.month(), m -> new java.util.HashSet<>()).add(d.day()));
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
            out.add(month(worker, scheme, m, thisMonth, paid.getOrDefault(m, List.of()), record,
                    days.getOrDefault(m, Set.of()).size(), policies));
        }
        return out;
    }

    private static Month month(InsuredWorker worker, Scheme scheme, YearMonth m, YearMonth thisMonth, List<MonthPayment> ps,
                               Record record, int covered, PolicyBook policies) {
        Optional<InsuredWorker.Enrollment> covering = worker.covering(scheme, m);
        Map<String, long[]> bySource = new LinkedHashMap<>();
        long total = 0;
        long refunded = 0;
        for (MonthPayment p : ps) {
            long[] v = bySource.computeIfAbsent(p.source(), k -> new long[2]);
            v[0] += p.amountFen();
            v[1] += p.refundedFen();
            total += p.amountFen();
            refunded += p.refundedFen();
        }
        List<Payer> payers = bySource.entrySet().stream().filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
                .map(e -> new Payer(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparing(Payer::source)).toList();
        if (!scheme.isMonthly()) {
            String region = covering.map(e -> e.region().value()).orElseGet(() -> ps.isEmpty() ? null : ps.get(0).region());
            return new Month(m, region, null, total, total, payers, covered > 0 ? MonthPricing.Status.PAID : MonthPricing.Status.UNPAID,
                    covered, false, null, List.of(), 0);
        }
        MonthAssessment a = record.assessments().get(m);
        List<AssessmentStore.Adjustment> adjustments = record.adjustments().getOrDefault(m, List.of());
        if (a != null) {
            return new Month(m, a.region(), a.baseFen(), a.dueFen(), total, payers, MonthPricing.status(a.dueFen(), total),
                    covered, false, a, adjustments, refunded);
        }
        String region = covering.map(e -> e.region().value()).orElseGet(() -> ps.isEmpty() ? null : ps.get(0).region());
        Long base = null;
        Long due = null;
        boolean provisional = m.isAfter(thisMonth);
        if (provisional && covering.isPresent() && region != null) {
            OptionalInt grade = covering.get().gradeIn(m);
            Optional<PolicyTerms> terms = policies.find(region, m.getYear());
            if (grade.isPresent() && terms.isPresent()) {
                MonthPricing.Price price = MonthPricing.price(terms.get(), scheme, grade.getAsInt());
                base = price.baseFen();
                due = price.dueFen();
            }
        }
        return new Month(m, region, base, due, total, payers,
                provisional ? MonthPricing.Status.UNPAID : MonthPricing.status(due, total), covered, provisional, null,
                adjustments, refunded);
    }

    /** Counted months per region, in region order. */
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
