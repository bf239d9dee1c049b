package org.psi.contribution.feed;

/** Limits of a feed: lines per batch, the largest amount of one line, the most orders of one line. */
public record FeedLimits(int maxLines, long maxAmountFen, long maxOrders) {
}
