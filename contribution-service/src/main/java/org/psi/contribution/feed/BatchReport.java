package org.psi.contribution.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a feed did: lines received, accepted (posted), duplicates (no effect) and rejected (with codes). */
public record BatchReport(UUID batchId, String platformCode, String contentType, int received, int accepted,
                          int duplicates, int rejected, List<FeedEvaluator.LineError> errors, Instant createdAt) {
}
