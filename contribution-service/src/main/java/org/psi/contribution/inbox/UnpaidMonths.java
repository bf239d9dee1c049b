package org.psi.contribution.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jboss.logging.Logger;

/**
 * From the 20th of each month (PSI's reminder day: ten days are left to pay the month), every worker
 * with a month of an ACTIVE enrollment that is not paid in full is told, once per month and scheme.
 * The check runs every few hours so a day the service was down is caught up; telling twice changes
 * nothing.
 */
@ApplicationScoped
public class UnpaidMonths {

    /** The first day of a month on which its unpaid months are told. */
    public static final int REMINDER_DAY = 20;

    private static final Logger LOG = Logger.getLogger(UnpaidMonths.class);

    private final InboxStore inbox;
    private final Clock clock;

    public UnpaidMonths(InboxStore inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Scheduled(identity = "psi-inbox-unpaid-months", every = "${psi.inbox.unpaid-check:6h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int told = check(LocalDate.now(clock));
        if (told > 0) {
            LOG.infof("Told %d workers of a month not paid in full", told);
        }
    }

    /** Tells the unpaid months of {@code today}'s month if it is the reminder day or later; answers how many were told now. */
    public int check(LocalDate today) {
        return today.getDayOfMonth() < REMINDER_DAY ? 0 : inbox.tellUnpaid(YearMonth.from(today));
    }
}
