package org.psi.transfer.saga;

import java.util.List;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.Quote;
import org.psi.transfer.estimate.PensionRecord;

/** What the transfer-service asks of the contribution-service (implemented over HTTP by {@code client.ContributionGateway}). */
public interface ContributionPort {

    Quote quote(UUID workerId, Scheme scheme, String fromRegion);

    /** The worker's PENSION record for an estimate, with the latest average wage of each of {@code claimRegions} that has one. */
    PensionRecord pensionRecord(UUID workerId, List<String> claimRegions);

    /** Freezes the quote as a hold; a repeat answers the same hold. */
    HoldResult hold(UUID transferId, UUID workerId, Scheme scheme, String fromRegion, String toRegion);

    /** Posts the held move in the ledger; a repeat changes nothing. 404 no hold, 409 released. */
    void commit(UUID transferId);

    /** Drops a hold that was not committed; a repeat changes nothing. 409 if committed. */
    void release(UUID transferId);
}
