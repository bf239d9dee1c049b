package org.psi.contribution.assessment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.YearMonth;
import org.jboss.logging.Logger;
import org.psi.contribution.insured.InsuredStore;

/**
 * Opens each month: on its first day (and at any start that finds it not done yet, e.g. after the
 * service was down on the 1st), every current enrollment's new month is assessed;
 * {@code assessment_run} records the run.
 */
@ApplicationScoped
public class MonthOpening {

    private static final Logger LOG = Logger.getLogger(MonthOpening.class);
    private static final int CHUNK = 1000;

    private final InsuredStore insured;
    private final Assessor assessor;
    private final EntityManager em;
    private final Clock clock;

    public MonthOpening(InsuredStore insured, Assessor assessor, EntityManager em, Clock clock) {
        this.insured = insured;
        this.assessor = assessor;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "${psi.contribution.month-opening-check:10m}", delayed = "5s", identity = "psi-month-opening",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        YearMonth month = YearMonth.now(clock);
        if (!QuarkusTransaction.requiringNew().call(() -> done(month))) {
            open(month);
        }
    }

    boolean done(YearMonth month) {
        return !em.createNativeQuery("select 1 from assessment_run where month = ?1").setParameter(1, month.toString())
                .getResultList().isEmpty();
    }

    /**
     * Assesses {@code month} (and any earlier open month missing) for every worker of the copy, a
     * chunk of workers per transaction. Two instances may both run it: a month is assessed once (the
     * first insert wins), so the second only repeats the reading.
     */
    public void open(YearMonth month) {
        int[] totals = new int[2];
        insured.forEachWorker(CHUNK, chunk -> {
            totals[0] += chunk.size();
            totals[1] += QuarkusTransaction.requiringNew().call(() -> assessor.assessOpenMonths(chunk, month));
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into assessment_run (month, workers, assessed, finished_at) values (?1, ?2, ?3, now()) on conflict do nothing")
                .setParameter(1, month.toString()).setParameter(2, totals[0]).setParameter(3, totals[1]).executeUpdate());
        LOG.infof("Opened %s: %d workers, %d months assessed", month, totals[0], totals[1]);
    }
}
