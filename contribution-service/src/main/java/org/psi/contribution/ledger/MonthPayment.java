package org.psi.contribution.ledger;

import java.time.YearMonth;

/**
 * What one payer ({@code source}) paid toward a month of a worker's scheme in a region, net of
 * reversals and of what was moved to the payer's refundable credit ({@code refundedFen}, after a
 * re-assessment downwards).
 */
public record MonthPayment(YearMonth month, String region, String source, long amountFen, long orders, long refundedFen) {
}
