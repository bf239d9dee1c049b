package org.psi.contribution.feed;

/**
 * One line of a platform's feed as read from JSON, NDJSON or CSV, before any check. {@code line} is
 * its 1-based position in the feed (a CSV header does not count).
 */
public record FeedLine(int line, String ref, String nationalId, String scheme, String period, Long amountFen,
                       Long orders, String sector, String reversesRef) {
}
