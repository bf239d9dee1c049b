package org.psi.e2e;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Valid identifiers made up for the tests. */
public final class TestData {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TestData() {
    }

    /** A citizen ID (GB 11643) with a valid check character; an odd sequence number is a man. */
    public static String nationalId(String addressCode, LocalDate birth, boolean male) {
        int seq = ThreadLocalRandom.current().nextInt(0, 499) * 2 + (male ? 1 : 0);
        String first17 = addressCode + birth.toString().replace("-", "") + String.format("%03d", seq);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return first17 + ID_CHECK.charAt(sum % 11);
    }

    /** A unified social credit code (GB 32100) with a valid check character. */
    public static String creditCode() {
        StringBuilder s = new StringBuilder("91");
        for (int i = 0; i < 15; i++) {
            s.append(CREDIT_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(CREDIT_ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_ALPHABET.indexOf(s.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return s.append(CREDIT_ALPHABET.charAt(check)).toString();
    }
}
