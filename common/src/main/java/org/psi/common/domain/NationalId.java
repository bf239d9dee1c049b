package org.psi.common.domain;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A citizen ID number (GB 11643-1999), which is also the social security number.
 * 18 characters: 6-digit address code, 8-digit birth date, 3-digit sequence (odd male, even
 * female) and a check character computed over the first 17 digits.
 *
 * <p>{@link #toString()} is masked so an ID can never leak into a log by accident.
 */
public record NationalId(String value) {

    /** An ID's length. */
    public static final int LENGTH = 18;
    /** What an ID is made of, as the API takes it (a lowercase x is accepted). */
    public static final String PATTERN = "^[0-9]{17}[0-9Xx]$";
    /** A masked ID: {@code *} for all but the last 4 characters. */
    public static final String MASKED_PATTERN = "^[*]{14}[0-9]{3}[0-9X]$";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    public NationalId {
        if (value == null || value.length() != 18) {
            throw new InvalidValueException("nationalId", "INVALID_LENGTH", "common.national-id.length");
        }
    }

    /** Parses and validates; a lowercase x is normalised to X. Uses today's date for the future-date check. */
    public static NationalId parse(String raw) {
        return parse(raw, LocalDate.now());
    }

    public static NationalId parse(String raw, LocalDate today) {
        String field = "nationalId";
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(field, "REQUIRED", "common.national-id.required");
        }
        String v = raw.strip().toUpperCase();
        if (v.length() != 18) {
            throw new InvalidValueException(field, "INVALID_LENGTH", "common.national-id.length");
        }
        for (int i = 0; i < 17; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                throw new InvalidValueException(field, "INVALID_CHARACTERS",
                        "common.national-id.digits");
            }
        }
        char last = v.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new InvalidValueException(field, "INVALID_CHARACTERS",
                    "common.national-id.check-character-form");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)),
                    Integer.parseInt(v.substring(10, 12)), Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, "INVALID_BIRTH_DATE",
                    "common.national-id.birth-date");
        }
        if (birth.isAfter(today)) {
            throw new InvalidValueException(field, "FUTURE_BIRTH_DATE",
                    "common.national-id.future-birth-date");
        }
        if (checkCharacter(v) != last) {
            throw new InvalidValueException(field, "INVALID_CHECK_CHARACTER",
                    "common.national-id.check-character");
        }
        return new NationalId(v);
    }

    /** The check character for the first 17 digits of {@code v}. */
    public static char checkCharacter(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** The 6-digit address code: the county of household registration at issuance. */
    public RegionCode addressCode() {
        return new RegionCode(value.substring(0, 6));
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Only the last 4 characters are shown: {@code **************002X}. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String value) {
        return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
