package org.psi.contribution.ledger;

import java.time.YearMonth;

/** A day with occupational-injury orders (net of reversals) reported by one platform ({@code source}). */
public record CoveredDay(String source, String day, YearMonth month) {
}
