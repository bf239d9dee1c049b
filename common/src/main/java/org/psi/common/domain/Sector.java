package org.psi.common.domain;

/** The business sector of a platform, which sets the occupational-injury fee per order. */
public enum Sector {
    FOOD_DELIVERY, RIDE_HAILING, INSTANT_DELIVERY, FREIGHT, ECOMMERCE, OTHER;

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
