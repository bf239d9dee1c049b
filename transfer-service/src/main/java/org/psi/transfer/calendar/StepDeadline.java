package org.psi.transfer.calendar;

import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * The deadline of one step: it starts on a day, is due after {@code workingDays} working days, and is
 * done on a day. A step without {@code workingDays} has no deadline and is never overdue.
 */
@Embeddable
public class StepDeadline {

    public Integer workingDays;
    public LocalDate startedOn;
    public LocalDate dueOn;
    public LocalDate doneOn;

    public static StepDeadline of(Integer workingDays) {
        StepDeadline d = new StepDeadline();
        d.workingDays = workingDays;
        return d;
    }

    public void start(LocalDate today, WorkingCalendar calendar) {
        startedOn = today;
        dueOn = workingDays == null ? null : calendar.addWorkingDays(today, workingDays);
    }

    public void finish(LocalDate today) {
        if (startedOn != null && doneOn == null) {
            doneOn = today;
        }
    }

    public boolean started() {
        return startedOn != null;
    }

    /** Open and past its due day. */
    public boolean overdue(LocalDate today) {
        return startedOn != null && doneOn == null && dueOn != null && today.isAfter(dueOn);
    }

    /** For a finished step with a deadline: whether it finished by its due day; null otherwise. */
    public Boolean withinDeadline() {
        return doneOn == null || dueOn == null ? null : !doneOn.isAfter(dueOn);
    }
}
