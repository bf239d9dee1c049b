package org.psi.transfer.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.psi.transfer.domain.CalendarDay;

@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarDay, LocalDate> {
}
