package org.psi.contribution.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sector;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.policy.PolicyBook;
import org.psi.contribution.policy.PolicyTerms;

/**
 * Paying PENSION on after the retirement age (延长缴费): from the retirement month on, only as many
 * months are assessed as were short of the minimum period; MEDICAL and the months before retirement
 * are assessed as always. The months and dues are counted by hand: 2026-01 to 2026-12 open, retirement
 * in 2026-06, a due of 1,872.00 yuan a month (grade 100 of 9,360 yuan at 20%).
 */
class ExtensionAssessmentTest {

    private static final UUID WORKER = UUID.randomUUID();
    private static final YearMonth RETIREMENT = YearMonth.of(2026, 6);
    private static final YearMonth NOW = YearMonth.of(2026, 12);
    private static final long DUE = 187_200;
    private static final PolicyBook BOOK = new PolicyBook((region, year) -> java.util.Optional.of(new PolicyTerms(region, year,
            936_000, 60, 300, new BigDecimal("20"), new BigDecimal("8"), new BigDecimal("9.5"), new BigDecimal("2"),
            Map.of(Sector.FOOD_DELIVERY, 7L), false, 1)));

    private static InsuredWorker worker(YearMonth retirement, Scheme... schemes) {
        List<InsuredWorker.Enrollment> enrollments = java.util.Arrays.stream(schemes).map(s -> new InsuredWorker.Enrollment(s,
                new RegionCode(s == Scheme.PENSION ? "440000" : "440300"), "ACTIVE", YearMonth.of(2026, 1), null,
                List.of(new InsuredWorker.MonthSpan(YearMonth.of(2026, 1), null)),
                List.of(new InsuredWorker.GradeFrom(YearMonth.of(2026, 1), 100)))).toList();
        return new InsuredWorker(WORKER, "subject", retirement, enrollments, List.of());
    }

    private static List<YearMonth> months(List<MonthAssessment> assessed, Scheme scheme) {
        return assessed.stream().filter(a -> a.scheme() == scheme).map(MonthAssessment::month).sorted().toList();
    }

    private static List<YearMonth> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(m -> YearMonth.of(2026, m)).toList();
    }

    @Test
    void onlyTheMonthsShortAreAssessedAfterRetirement() {
        List<MonthAssessment> fresh = Assessor.due(worker(RETIREMENT, Scheme.PENSION), NOW, BOOK, Set.of(), Instant.now(), OptionalInt.of(3));
        // January to May before retirement, then June, July and August: the three months short
        assertEquals(range(1, 8), months(fresh, Scheme.PENSION));
        assertEquals(8 * DUE, fresh.stream().mapToLong(MonthAssessment::dueFen).sum());
    }

    @Test
    void noMonthAfterRetirementIsDueOnceTheMinimumIsCounted() {
        List<MonthAssessment> fresh = Assessor.due(worker(RETIREMENT, Scheme.PENSION), NOW, BOOK, Set.of(), Instant.now(), OptionalInt.of(0));
        assertEquals(range(1, 5), months(fresh, Scheme.PENSION));
        assertEquals(5 * DUE, fresh.stream().mapToLong(MonthAssessment::dueFen).sum());
    }

    @Test
    void monthsAssessedBeforeCountTowardTheMonthsShort() {
        Set<MonthAssessment.Key> assessed = new HashSet<>();
        range(1, 7).forEach(m -> assessed.add(new MonthAssessment.Key(WORKER, Scheme.PENSION, m)));
        List<MonthAssessment> fresh = Assessor.due(worker(RETIREMENT, Scheme.PENSION), NOW, BOOK, assessed, Instant.now(), OptionalInt.of(3));
        // June and July were assessed when they opened: August is the last month short
        assertEquals(List.of(YearMonth.of(2026, 8)), months(fresh, Scheme.PENSION));
        assertEquals(List.of(), Assessor.due(worker(RETIREMENT, Scheme.PENSION), NOW, BOOK,
                union(assessed, fresh), Instant.now(), OptionalInt.of(3)));
    }

    private static Set<MonthAssessment.Key> union(Set<MonthAssessment.Key> keys, List<MonthAssessment> more) {
        Set<MonthAssessment.Key> all = new HashSet<>(keys);
        more.forEach(a -> all.add(new MonthAssessment.Key(a.workerId(), a.scheme(), a.month())));
        return all;
    }

    @Test
    void medicalAndWorkersWithoutARetirementMonthAreAssessedAsAlways() {
        List<MonthAssessment> fresh = Assessor.due(worker(RETIREMENT, Scheme.PENSION, Scheme.MEDICAL), NOW, BOOK, Set.of(),
                Instant.now(), OptionalInt.of(1));
        assertEquals(range(1, 6), months(fresh, Scheme.PENSION));
        assertEquals(range(1, 12), months(fresh, Scheme.MEDICAL));
        // a copy from before the events named the retirement month: nothing is held back
        assertEquals(range(1, 12), months(Assessor.due(worker(null, Scheme.PENSION), NOW, BOOK, Set.of(), Instant.now(),
                OptionalInt.empty()), Scheme.PENSION));
    }
}
