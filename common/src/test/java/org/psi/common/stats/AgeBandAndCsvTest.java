package org.psi.common.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.InvalidValueException;

class AgeBandAndCsvTest {

    @Test
    void agesFallIntoTheirBands() {
        assertEquals(AgeBand.FROM_16_TO_24, AgeBand.of(16));
        assertEquals(AgeBand.FROM_16_TO_24, AgeBand.of(24));
        assertEquals(AgeBand.FROM_25_TO_34, AgeBand.of(25));
        assertEquals(AgeBand.FROM_25_TO_34, AgeBand.of(34));
        assertEquals(AgeBand.FROM_35_TO_44, AgeBand.of(35));
        assertEquals(AgeBand.FROM_45_TO_54, AgeBand.of(54));
        assertEquals(AgeBand.FROM_55, AgeBand.of(55));
        assertEquals(AgeBand.FROM_55, AgeBand.of(90));
        assertThrows(IllegalArgumentException.class, () -> AgeBand.of(-1));
        assertEquals(List.of("16-24", "25-34", "35-44", "45-54", "55+"), AgeBand.labels());
    }

    @Test
    void theAgeInAMonthIsTheAgeOnItsLastDay() {
        LocalDate birth = LocalDate.of(2000, 3, 31);
        assertEquals(AgeBand.FROM_16_TO_24, AgeBand.in(YearMonth.of(2025, 2), birth), "24 until 31 March 2025");
        assertEquals(AgeBand.FROM_25_TO_34, AgeBand.in(YearMonth.of(2025, 3), birth), "25 on 31 March 2025");
        assertEquals(AgeBand.FROM_55, AgeBand.parse("55+", "ageBand"));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> AgeBand.parse("55-64", "ageBand"));
        assertEquals("UNKNOWN_AGE_BAND", e.code());
    }

    @Test
    void theSqlExpressionFollowsTheSameBounds() {
        assertEquals("(case when (a) >= 55 then '55+' when (a) >= 45 then '45-54' when (a) >= 35 then '35-44'"
                + " when (a) >= 25 then '25-34' else '16-24' end)", AgeBand.sqlCase("a"));
    }

    @Test
    void csvHasAHeaderMarksWithheldFiguresAndQuotesWhereNeeded() {
        String csv = StatCsv.render(List.of("month", "region", "persons"), List.of(
                Arrays.asList("2025-03", "530100", 12L),
                Arrays.asList("2025-03", "530000", StatCsv.figure(4L, true)),
                Arrays.asList("2025-03", StatCsv.TOTAL, StatCsv.figure(0L, false)),
                Arrays.asList("a,b", "say \"hi\"", null),
                Arrays.asList("=cmd()", "-1", 5)));
        assertEquals("month,region,persons\r\n"
                + "2025-03,530100,12\r\n"
                + "2025-03,530000,x\r\n"
                + "2025-03,TOTAL,0\r\n"
                + "\"a,b\",\"say \"\"hi\"\"\",\r\n"
                + "'=cmd(),'-1,5\r\n", csv);
        assertThrows(IllegalArgumentException.class, () -> StatCsv.render(List.of("a", "b"), List.of(List.of("1"))));
    }
}
