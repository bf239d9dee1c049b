package org.psi.common.domain;

/**
 * A unified social credit code of an organisation (GB 32100-2015): 18 characters from
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY}; the check character is
 * {@code (31 - sum(value_i * 3^i mod 31) mod 31) mod 31} over the first 17.
 */
public record CreditCode(String value) {

    /** A code's length, and what it is made of as the API takes it (lowercase letters are accepted). */
    public static final int LENGTH = 18;
    public static final String PATTERN = "^[0-9A-HJ-NP-RT-UW-Ya-hj-np-rt-uw-y]{18}$";

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public CreditCode {
        if (value == null || value.length() != 18) {
            throw new InvalidValueException("creditCode", "INVALID_LENGTH", "common.credit-code.length");
        }
    }

    public static CreditCode parse(String raw) {
        String field = "creditCode";
        if (raw == null || raw.length() != 18) {
            throw new InvalidValueException(field, "INVALID_LENGTH", "common.credit-code.length");
        }
        String v = raw.toUpperCase();
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(v.charAt(i)) < 0) {
                throw new InvalidValueException(field, "INVALID_CHARACTERS",
                        "common.credit-code.characters");
            }
        }
        if (checkCharacter(v) != v.charAt(17)) {
            throw new InvalidValueException(field, "INVALID_CHECK_CHARACTER",
                    "common.credit-code.check-character");
        }
        return new CreditCode(v);
    }

    public static char checkCharacter(String v) {
        int sum = 0;
        int power = 1;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(v.charAt(i)) * power % 31;
            power = power * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
