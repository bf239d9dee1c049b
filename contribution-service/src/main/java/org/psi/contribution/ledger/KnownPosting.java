package org.psi.contribution.ledger;

import java.time.YearMonth;
import java.util.UUID;
import org.psi.common.domain.Scheme;

/**
 * A posting already in the ledger, found by its source and ref (a platform's feed line, a worker's
 * self-payment): what it paid toward, its content hash, and whether it has been reversed.
 */
public record KnownPosting(long id, String ref, byte[] contentMac, PostingKind kind, UUID workerId, Scheme scheme,
                           String region, String period, YearMonth month, long amountFen, long individualFen,
                           long pooledFen, Integer orders, String sector, boolean reversed) {
}
