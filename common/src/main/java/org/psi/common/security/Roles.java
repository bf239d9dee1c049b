package org.psi.common.security;

/** The realm roles of the {@code psi} realm, as they appear in access tokens. */
public final class Roles {

    public static final String WORKER = "worker";
    public static final String PLATFORM = "platform";
    public static final String OFFICER = "officer";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    /** Service accounts of PSI's own services. */
    public static final String INTERNAL = "internal";

    private Roles() {
    }
}
