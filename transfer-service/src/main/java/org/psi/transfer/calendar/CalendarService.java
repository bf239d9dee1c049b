package org.psi.transfer.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The working-day calendar, read from the {@code calendar_day} table (public holidays and make-up
 * working days, maintained per year by migration) and kept in memory for {@code psi.calendar.refresh}.
 */
@ApplicationScoped
public class CalendarService {

    private record Loaded(WorkingCalendar calendar, Instant at) {
    }

    private final CalendarRepository days;
    private final Clock clock;
    private final Duration refresh;
    private volatile Loaded loaded;

    public CalendarService(CalendarRepository days, Clock clock,
                           @ConfigProperty(name = "psi.calendar.refresh", defaultValue = "10m") Duration refresh) {
        this.days = days;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Transactional
    public WorkingCalendar calendar() {
        Loaded current = loaded;
        Instant now = Instant.now(clock);
        if (current == null || current.at().plus(refresh).isBefore(now)) {
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> workdays = new HashSet<>();
            for (CalendarDay d : days.listAll()) {
                (CalendarDay.WORKDAY.equals(d.kind) ? workdays : holidays).add(d.day);
            }
            current = new Loaded(new WorkingCalendar(holidays, workdays), now);
            loaded = current;
        }
        return current.calendar();
    }
}
