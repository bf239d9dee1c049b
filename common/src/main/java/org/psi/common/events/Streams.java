package org.psi.common.events;

/**
 * The event streams of PSI's outboxes (the {@code aggregatetype} of an event), and what each carries
 * (docs/INTERNAL-API.md). Readers are entitled to streams by need to know (psi.events.readers).
 */
public final class Streams {

    /** enrollment-service: a worker's login subject, residence, enrollments (months covered, grades) and consents. */
    public static final String WORKER = "worker";
    /** enrollment-service: the holder of a record: blind index of the citizen ID, name, last 4 characters. */
    public static final String HOLDER = "holder";
    /** enrollment-service: what the transfer rules need of a person: birth date, sex, household region. */
    public static final String PERSON = "person";
    /** enrollment-service: a registered platform: code, name, OIDC client id, sectors. */
    public static final String PLATFORM = "platform";
    /** transfer-service: a transfer case's status changes. */
    public static final String TRANSFER = "transfer";

    private Streams() {
    }
}
