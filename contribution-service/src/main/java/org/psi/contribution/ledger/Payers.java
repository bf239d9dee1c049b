package org.psi.contribution.ledger;

import java.util.UUID;

/**
 * Who pays: a platform ({@code platform:<code>}) or a worker for themselves ({@code worker:<id>}).
 * The same name is the source of the payer's postings (unique with the posting's ref) and the key
 * of the payer's account.
 */
public final class Payers {

    public static final String PLATFORM_PREFIX = "platform:";
    /**
     * The most platforms that pay for one worker: a platform pays only with the worker's consent, and
     * the enrollment-service keeps at most 1,000 consents of a worker.
     */
    public static final int MAX_PLATFORMS = 1000;
    /** The most payers of one month: its platforms, the worker, and PSI's own postings (re-splits, refunds). */
    public static final int MAX_OF_A_MONTH = MAX_PLATFORMS + 10;
    /** The longest name of a payer in a statement (a platform code, SELF, or PSI's own source): the ledger's column. */
    public static final int DISPLAY_MAX = 80;
    public static final String WORKER_PREFIX = "worker:";
    /** The source of the postings of transfers between regions. */
    public static final String TRANSFER = "transfer";
    /** The prefix of a payer's refundable-credit account. */
    public static final String REFUNDABLE_PREFIX = "refundable:";

    private Payers() {
    }

    public static String platform(String code) {
        return PLATFORM_PREFIX + code;
    }

    /** The account of a payer's refundable credit: what was paid beyond a due and is owed back to it. */
    public static String refundable(String source) {
        return REFUNDABLE_PREFIX + source;
    }

    public static String worker(UUID workerId) {
        return WORKER_PREFIX + workerId;
    }

    public static boolean isWorker(String source) {
        return source.startsWith(WORKER_PREFIX);
    }

    /** How a statement names a payer: the platform code, or SELF for the worker. */
    public static String display(String source) {
        if (source.startsWith(PLATFORM_PREFIX)) {
            return source.substring(PLATFORM_PREFIX.length());
        }
        return isWorker(source) ? "SELF" : source;
    }

    public static String type(String source) {
        return source.startsWith(PLATFORM_PREFIX) ? "PLATFORM" : isWorker(source) ? "WORKER" : "OTHER";
    }
}
