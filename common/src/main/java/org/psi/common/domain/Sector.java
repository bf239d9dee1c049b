package org.psi.common.domain;

/** The business sector of a platform, which sets the occupational-injury fee per order. */
public enum Sector {
    FOOD_DELIVERY, RIDE_HAILING, INSTANT_DELIVERY, FREIGHT, ECOMMERCE, OTHER;

    /** How many sectors there are, and the longest name: the bounds of a list of them in the OpenAPI documents. */
    public static final int COUNT = 6;
    public static final int NAME_MAX = 16;

    public static Sector parse(String raw, String field) {
        if (raw == null) {
            throw new InvalidValueException(field, "REQUIRED", "common.sector.required");
        }
        try {
            return Sector.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "UNKNOWN_SECTOR",
                    "common.sector.unknown");
        }
    }
}
