package org.psi.transfer.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarDay, LocalDate> {
}
