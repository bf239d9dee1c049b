package org.psi.common.domain;

import org.psi.common.i18n.Message;

/** The insurance schemes a flexible-employment platform worker can join. */
public enum Scheme {
    /** Enterprise employee basic pension, pooled at province level. */
    PENSION(RegionCode.Level.PROVINCE, true),
    /** Employee basic medical insurance, pooled at prefecture-city level. */
    MEDICAL(RegionCode.Level.CITY, true),
    /** Occupational injury protection for platform workers, pooled at province level, paid per order. */
    OCCUPATIONAL_INJURY(RegionCode.Level.PROVINCE, false);

    /** How many schemes there are, and the longest name: the bounds of schemes in the OpenAPI documents. */
    public static final int COUNT = 3;
    public static final int NAME_MAX = 19;

    private final RegionCode.Level poolingLevel;
    private final boolean monthly;

    Scheme(RegionCode.Level poolingLevel, boolean monthly) {
        this.poolingLevel = poolingLevel;
        this.monthly = monthly;
    }

    /** The level of region whose fund this scheme pools in. */
    /** The scheme's name in a message: the code in English, its name in Chinese (养老保险, ...). */
    public Message label() {
        return Message.of("common.scheme-name." + name());
    }

    public RegionCode.Level poolingLevel() {
        return poolingLevel;
    }

    /** Monthly schemes are due per month on a chosen base; the others per day and order. */
    public boolean isMonthly() {
        return monthly;
    }

    /** Whether the worker chooses a contribution base grade for this scheme. */
    public boolean hasBaseGrade() {
        return monthly;
    }

    /** The pooling region of this scheme that contains {@code region}. */
    public RegionCode poolingRegionOf(RegionCode region) {
        return poolingLevel == RegionCode.Level.PROVINCE ? region.province() : region.city();
    }

    public static Scheme parse(String raw, String field) {
        if (raw == null) {
            throw new InvalidValueException(field, "REQUIRED", "common.scheme.required");
        }
        try {
            return Scheme.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "UNKNOWN_SCHEME",
                    "common.scheme.unknown");
        }
    }
}
