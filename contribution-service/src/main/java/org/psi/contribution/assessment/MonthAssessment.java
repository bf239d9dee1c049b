package org.psi.contribution.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.psi.common.domain.Scheme;

/**
 * What one month of a worker's PENSION or MEDICAL is worth, as assessed (核定) once when the month
 * opened: the region it belongs to, the grade and base, the rate and the individual account's points,
 * the due, and the policy version they came from. Only an explicit re-assessment changes it
 * ({@code revision} counts them). {@code grade} is null for months assessed from the due their
 * postings recorded before assessments existed.
 */
public record MonthAssessment(UUID workerId, Scheme scheme, YearMonth month, String region, Integer grade, long baseFen,
                              BigDecimal ratePercent, BigDecimal individualPercent, long dueFen, String policyRegion,
                              int policyYear, int policyVersion, int revision, Instant assessedAt) {

    /** The key of a month: worker, scheme and month. */
    public record Key(UUID workerId, Scheme scheme, YearMonth month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = workerId.compareTo(o.workerId);
            if (c == 0) {
                c = scheme.compareTo(o.scheme);
            }
            return c != 0 ? c : month.compareTo(o.month);
        }
    }

    public Key key() {
        return new Key(workerId, scheme, month);
    }
}
