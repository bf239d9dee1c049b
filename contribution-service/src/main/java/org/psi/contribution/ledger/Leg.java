package org.psi.contribution.ledger;

/** One line of a posting: a debit or a credit of one account by a positive amount of fen. */
public record Leg(AccountKey account, boolean debit, long amountFen) {

    public Leg {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("A leg moves a positive amount");
        }
    }

    public static Leg debit(AccountKey account, long amountFen) {
        return new Leg(account, true, amountFen);
    }

    public static Leg credit(AccountKey account, long amountFen) {
        return new Leg(account, false, amountFen);
    }
}
