package org.psi.common.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Every rounding rule of PSI, in one place. Money is whole fen (1 yuan = 100 fen) in a {@code long};
 * rounding is half-up.
 */
public final class Money {

    public static final long FEN_PER_YUAN = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /**
     * The contribution base: {@code gradePercent}% of the average monthly wage, rounded half-up
     * to the whole yuan, returned in fen.
     */
    public static long baseFen(long averageMonthlyWageFen, int gradePercent) {
        BigDecimal yuan = BigDecimal.valueOf(averageMonthlyWageFen)
                .multiply(BigDecimal.valueOf(gradePercent))
                .divide(HUNDRED.multiply(HUNDRED), 0, RoundingMode.HALF_UP);
        return yuan.longValueExact() * FEN_PER_YUAN;
    }

    /** {@code percent}% of an amount, rounded half-up to the fen. */
    public static long percentOf(long amountFen, BigDecimal percent) {
        return BigDecimal.valueOf(amountFen).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The share {@code part/whole} of an amount, rounded half-up to the fen. Splitting a payment
     * takes this share for one side and the remainder for the other, so no fen is lost.
     */
    public static long share(long amountFen, long part, long whole) {
        return BigDecimal.valueOf(amountFen).multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Orders times a fee per order, checked for overflow. */
    public static long perOrder(long orders, long feePerOrderFen) {
        return Math.multiplyExact(orders, feePerOrderFen);
    }

    /** Formats fen as yuan with two decimals, for people: 12345 -> "123.45". */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
