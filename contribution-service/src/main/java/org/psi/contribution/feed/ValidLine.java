package org.psi.contribution.feed;

import java.time.LocalDate;
import java.time.YearMonth;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sector;

/**
 * A feed line whose fields are each well-formed (see {@link FeedLines}); whether it is accepted
 * still depends on the worker, the platform and the ledger ({@link FeedEvaluator}).
 */
public record ValidLine(int line, String ref, String nationalId, Scheme scheme, String period, YearMonth month,
                        LocalDate day, Long amountFen, Integer orders, Sector sector, String reversesRef) {

    /** The content that tells a duplicate (same ref, same content) from a REF_CONFLICT. */
    public String canonical() {
        return nationalId + '\u001f' + scheme + '\u001f' + period + '\u001f' + (amountFen == null ? "" : amountFen)
                + '\u001f' + (orders == null ? "" : orders) + '\u001f' + (sector == null ? "" : sector)
                + '\u001f' + (reversesRef == null ? "" : reversesRef);
    }
}
