package org.psi.contribution.assessment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.RetirementAge;
import org.psi.contribution.insured.InsuredStore;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.policy.PolicyBook;
import org.psi.contribution.policy.PolicyService;
import org.psi.contribution.policy.PolicyTerms;
import org.psi.contribution.statement.StatementService;

/**
 * Assesses months (docs/DOMAIN.md, "Assessment"): every month of a PENSION or MEDICAL enrollment
 * that has opened (it is this month or earlier) and that the enrollment covers, once, from the
 * policy version in force then ({@link MonthPricing}). Called when a month opens
 * ({@link MonthOpening}), when the copy of a worker changes (a new or back-dated enrollment creates
 * earlier months; a grade change takes effect next month and so changes nothing assessed), and when
 * a missing policy is created. Never on a read: a month not yet open is shown as provisional.
 * A month already assessed keeps its assessment; only a re-assessment changes it.
 */
@ApplicationScoped
public class Assessor {

    private final AssessmentStore assessments;
    private final PolicyService policies;
    private final InsuredStore insured;
    private final Clock clock;
    /** The months counted before retirement (a Provider: the statement reads what this class writes). */
    private final jakarta.inject.Provider<StatementService> statements;

    public Assessor(AssessmentStore assessments, PolicyService policies, InsuredStore insured, Clock clock,
                    jakarta.inject.Provider<StatementService> statements) {
        this.statements = statements;
        this.assessments = assessments;
        this.insured = insured;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * A policy that did not exist was created: months of its region (a province's policy also prices
     * its cities without their own) that opened without one can be assessed now. After the policy's
     * transaction, a chunk of workers per transaction.
     */
    void policyCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyService.PolicyCreated created) {
        String prefix = new RegionCode(created.region()).prefix();
        YearMonth thisMonth = YearMonth.now(clock);
        insured.forEachWorker(1000, chunk -> {
            List<InsuredWorker> concerned = chunk.stream().filter(w -> w.enrollments().stream()
                    .anyMatch(e -> e.scheme().isMonthly() && e.region().value().startsWith(prefix))).toList();
            if (!concerned.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> assessOpenMonths(concerned, thisMonth));
            }
        });
    }

    /** Assesses the worker's open months that are not assessed yet; answers how many it assessed. */
    public int assessOpenMonths(InsuredWorker worker) {
        return assess(worker, YearMonth.now(clock), policies.book());
    }

    /** The same for several workers with one policy book (a month's opening). */
    public int assessOpenMonths(List<InsuredWorker> workers, YearMonth upTo) {
        PolicyBook book = policies.book();
        int n = 0;
        for (InsuredWorker w : workers) {
            n += assess(w, upTo, book);
        }
        return n;
    }

    int assess(InsuredWorker worker, YearMonth upTo, PolicyBook book) {
        List<MonthAssessment> fresh = due(worker, upTo, book, assessments.keysOf(worker.workerId()), Instant.now(clock),
                monthsShortAtRetirement(worker, upTo));
        return assessments.insertMissing(fresh);
    }

    /**
     * How many PENSION months from the retirement month on may be assessed (延长缴费): the minimum
     * period of the retirement year less the months counted (paid in full) before it; empty when the
     * worker has not reached it by {@code upTo} (or the copy does not say when she does).
     */
    OptionalInt monthsShortAtRetirement(InsuredWorker worker, YearMonth upTo) {
        YearMonth retirement = worker.retirementMonth();
        if (retirement == null || retirement.isAfter(upTo) || worker.enrollmentsOf(org.psi.common.domain.Scheme.PENSION).isEmpty()) {
            return OptionalInt.empty();
        }
        int counted = statements.get().of(worker, org.psi.common.domain.Scheme.PENSION, null, retirement.minusMonths(1)).countedMonths();
        return OptionalInt.of(Math.max(0, RetirementAge.minimumContributionMonths(retirement.getYear()) - counted));
    }

    /**
     * The assessments {@code worker}'s open months lack (pure: what is assessed is given). Of the
     * PENSION months from the retirement month on, at most {@code monthsShort} are assessed in all
     * (those assessed before included), the earliest first.
     */
    public static List<MonthAssessment> due(InsuredWorker worker, YearMonth upTo, PolicyBook book,
                                            Set<MonthAssessment.Key> assessed, Instant now, OptionalInt monthsShort) {
        List<MonthAssessment> out = new ArrayList<>();
        int extensionLeft = monthsShort.isEmpty() ? Integer.MAX_VALUE : monthsShort.getAsInt() - (int) assessed.stream()
                .filter(k -> worker.pastRetirement(k.scheme(), k.month())).count();
        for (InsuredWorker.Enrollment e : worker.enrollments()) {
            if (!e.scheme().isMonthly()) {
                continue;
            }
            for (InsuredWorker.MonthSpan span : e.covered()) {
                YearMonth last = span.to() == null || span.to().isAfter(upTo) ? upTo : span.to();
                for (YearMonth m = span.from(); !m.isAfter(last); m = m.plusMonths(1)) {
                    MonthAssessment.Key key = new MonthAssessment.Key(worker.workerId(), e.scheme(), m);
                    if (assessed.contains(key)) {
                        continue;
                    }
                    boolean extension = worker.pastRetirement(e.scheme(), m);
                    if (extension && extensionLeft <= 0) {
                        continue; // the minimum period is reached: nothing more is due (延长缴费 ends)
                    }
                    OptionalInt grade = e.gradeIn(m);
                    Optional<PolicyTerms> terms = book.find(e.region().value(), m.getYear());
                    if (grade.isEmpty() || terms.isEmpty()) {
                        continue;
                    }
                    MonthPricing.Price price = MonthPricing.price(terms.get(), e.scheme(), grade.getAsInt());
                    if (price.dueFen() <= 0) {
                        continue;
                    }
                    out.add(new MonthAssessment(worker.workerId(), e.scheme(), m, e.region().value(), grade.getAsInt(),
                            price.baseFen(), price.ratePercent(), price.individualPercent(), price.dueFen(),
                            terms.get().region(), terms.get().year(), terms.get().version(), 1, now));
                    if (extension) {
                        extensionLeft--;
                    }
                }
            }
        }
        return out;
    }
}
