package org.psi.transfer.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A day that breaks the weekly rhythm: a public HOLIDAY on a weekday or a make-up WORKDAY on a weekend. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {

    public static final String HOLIDAY = "HOLIDAY";
    public static final String WORKDAY = "WORKDAY";

    @Id
    public LocalDate day;
    @Column(name = "kind")
    public String kind;
    public String name;
}
