package org.psi.transfer.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    /** The 2026 Spring Festival and National Day arrangements, as seeded in V2__calendar_2026.sql. */
    private static final WorkingCalendar CAL = new WorkingCalendar(
            Set.of(d("2026-02-15"), d("2026-02-16"), d("2026-02-17"), d("2026-02-18"), d("2026-02-19"),
                    d("2026-02-20"), d("2026-02-21"), d("2026-02-22"), d("2026-02-23"),
                    d("2026-10-01"), d("2026-10-02"), d("2026-10-03"), d("2026-10-04"), d("2026-10-05"),
                    d("2026-10-06"), d("2026-10-07")),
            Set.of(d("2026-02-14"), d("2026-02-28"), d("2026-09-20"), d("2026-10-10")));

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void weekendsAreOffAndMakeUpDaysAreWorked() {
        assertTrue(CAL.isWorkingDay(d("2026-03-02")));   // Monday
        assertFalse(CAL.isWorkingDay(d("2026-03-07")));  // Saturday
        assertFalse(CAL.isWorkingDay(d("2026-03-08")));  // Sunday
        assertTrue(CAL.isWorkingDay(d("2026-02-14")));   // Saturday, Spring Festival make-up day
        assertTrue(CAL.isWorkingDay(d("2026-09-20")));   // Sunday, National Day make-up day
        assertFalse(CAL.isWorkingDay(d("2026-02-16")));  // Monday, Spring Festival
        assertFalse(CAL.isWorkingDay(d("2026-10-01")));  // Thursday, National Day
    }

    @Test
    void fifteenWorkingDaysFromAPlainMondayEndThreeWeeksLater() {
        assertEquals(d("2026-03-23"), CAL.addWorkingDays(d("2026-03-02"), 15));
        assertEquals(d("2026-03-02"), CAL.addWorkingDays(d("2026-03-02"), 0));
        assertEquals(d("2026-03-03"), CAL.addWorkingDays(d("2026-03-02"), 1));
        // from a Friday, the next working day is the Monday
        assertEquals(d("2026-03-09"), CAL.addWorkingDays(d("2026-03-06"), 1));
    }

    @Test
    void theSpringFestivalPausesTheClockAndItsMakeUpSaturdaysCount() {
        // Friday 13 Feb: Sat 14 (make-up) is day 1; 15..23 off; Tue 24 is day 2 ... Sat 28 (make-up) is day 6
        assertEquals(d("2026-02-14"), CAL.addWorkingDays(d("2026-02-13"), 1));
        assertEquals(d("2026-02-24"), CAL.addWorkingDays(d("2026-02-13"), 2));
        assertEquals(d("2026-02-28"), CAL.addWorkingDays(d("2026-02-13"), 6));
        assertEquals(d("2026-03-06"), CAL.addWorkingDays(d("2026-02-13"), 11));
        // medical transfer-out (10 working days) applied for on the eve of National Day
        // Thu 8, Fri 9, Sat 10 (make-up), 12-16, 19, 20 October
        assertEquals(d("2026-10-20"), CAL.addWorkingDays(d("2026-09-30"), 10));
    }

    @Test
    void countsWorkingDaysBetweenTwoDays() {
        assertEquals(15, CAL.workingDaysBetween(d("2026-03-02"), d("2026-03-23")));
        assertEquals(0, CAL.workingDaysBetween(d("2026-02-14"), d("2026-02-23")));
        assertEquals(0, CAL.workingDaysBetween(d("2026-03-02"), d("2026-03-01")));
    }
}
