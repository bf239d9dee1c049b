package org.psi.common.domain;

/**
 * A GB/T 2260 region code: 6 digits, province (2) / prefecture (2) / county (2).
 * A province is written NN0000, a prefecture-level city NNNN00.
 */
public record RegionCode(String value) {

    /** A code's length, and its pattern in an OpenAPI document. */
    public static final int LENGTH = 6;
    public static final String PATTERN = "^[0-9]{6}$";

    public enum Level { PROVINCE, CITY, COUNTY }

    public RegionCode {
        if (value == null || !value.matches("\\d{6}")) {
            throw new InvalidValueException("region", "INVALID_REGION_CODE", "common.region.code-format");
        }
    }

    public static RegionCode parse(String raw, String field) {
        if (raw == null || !raw.matches("\\d{6}")) {
            throw new InvalidValueException(field, "INVALID_REGION_CODE", "common.region.code-format");
        }
        return new RegionCode(raw);
    }

    public Level level() {
        if (value.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return value.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    public RegionCode province() {
        return new RegionCode(value.substring(0, 2) + "0000");
    }

    /** The prefecture-level city of a city or county code; a province has none and returns itself. */
    public RegionCode city() {
        return level() == Level.PROVINCE ? this : new RegionCode(value.substring(0, 4) + "00");
    }

    /** Whether this region is {@code other} or contains it (a province contains its cities and counties). */
    public boolean covers(RegionCode other) {
        return switch (level()) {
            case PROVINCE -> other.value.startsWith(value.substring(0, 2));
            case CITY -> other.value.startsWith(value.substring(0, 4));
            case COUNTY -> other.value.equals(value);
        };
    }

    /** The leading digits that every region this one covers starts with: 2 for a province, 4 for a city, 6 for a county. */
    public String prefix() {
        return switch (level()) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            case COUNTY -> value;
        };
    }

    public boolean sameProvinceAs(RegionCode other) {
        return value.regionMatches(0, other.value, 0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
