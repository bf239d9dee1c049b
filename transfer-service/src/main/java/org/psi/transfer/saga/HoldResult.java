package org.psi.transfer.saga;

/** The contribution-service's answer about a hold: {@code status} HELD, COMMITTED or RELEASED. */
public record HoldResult(String status, long individualAccountFen, long pooledFundFen, int months) {

    public static final String HELD = "HELD";
    public static final String COMMITTED = "COMMITTED";
    public static final String RELEASED = "RELEASED";
}
