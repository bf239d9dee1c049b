package org.psi.contribution.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.psi.common.api.ProblemException;
import org.psi.contribution.config.ContributionConfig;
import org.psi.contribution.insured.Eligibility;
import org.psi.contribution.insured.InsuredDirectory;
import org.psi.contribution.ledger.Ids;
import org.psi.contribution.ledger.LedgerStore;

/**
 * Platforms' contribution feeds: each under an Idempotency-Key, each line checked and then posted,
 * counted as a duplicate, or rejected with a code (see {@link FeedLines} for bad input and
 * {@link FeedEvaluator} for the rules), the whole feed applied in one transaction.
 *
 * <p>Built for volume: whatever the number of lines, a feed asks no other service (who is insured
 * where comes from this service's copy: one query for all its citizen IDs), and costs one query for
 * the platform's existing refs, one that locks the assessments of the months it pays toward (PENSION,
 * MEDICAL) with one for what was paid toward them, a handful of policy reads and three COPY
 * statements (postings, legs, batch); nothing is asked per line.
 */
@ApplicationScoped
public class FeedService {

    private static final Logger LOG = Logger.getLogger(FeedService.class);
    private static final int MAX_ATTEMPTS = 4;

    private final InsuredDirectory directory;
    private final BatchRepository batches;
    private final BatchWriter writer;
    private final ContributionConfig config;
    private final Clock clock;
    private final byte[] macKey;

    public FeedService(InsuredDirectory directory, BatchRepository batches, BatchWriter writer,
                       ContributionConfig config, Clock clock) {
        this.directory = directory;
        this.batches = batches;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
        this.macKey = Base64.getDecoder().decode(config.lineMacKey());
    }

    public FeedLimits limits() {
        return new FeedLimits(config.maxBatchLines(), config.maxAmountFen(), config.maxOrders());
    }

    /**
     * A feed as received: who sent it, under which key (a batch) or as which chunk of a job, the hash
     * of its body, and how to read its lines.
     */
    public record Submission(String clientId, String idempotencyKey, JobChunk chunk, byte[] requestHash, String contentType,
                             Supplier<List<FeedLine>> lines) {

        public Submission(String clientId, String idempotencyKey, byte[] requestHash, String contentType,
                          Supplier<List<FeedLine>> lines) {
            this(clientId, idempotencyKey, null, requestHash, contentType, lines);
        }
    }

    /** A chunk of a feed job: applied as a batch of its own, once (a second submission answers the first's report). */
    public record JobChunk(UUID jobId, int seq) {
    }

    /** The report, and whether it is the replay of an earlier identical request. */
    public record Outcome(BatchReport report, boolean replayed) {
    }

    public Outcome submit(Submission s) {
        Optional<Outcome> replay = replay(s);
        if (replay.isPresent()) {
            return replay.get();
        }
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        List<FeedLine> raw = s.lines().get();
        long t1 = System.nanoTime();
        List<ValidLine> lines = FeedLines.validate(raw, today, limits());
        Set<String> ids = new LinkedHashSet<>();
        Set<String> refs = new LinkedHashSet<>();
        Set<String> reversed = new LinkedHashSet<>();
        for (ValidLine l : lines) {
            ids.add(l.nationalId());
            refs.add(l.ref());
            if (l.reversesRef() != null) {
                refs.add(l.reversesRef());
                reversed.add(l.reversesRef());
            }
        }
        byte[][] macs = macs(lines);
        long t2 = System.nanoTime();
        Eligibility eligibility = directory.eligibility(s.clientId(), new ArrayList<>(ids));
        long t3 = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            UUID batchId = Ids.timeOrdered();
            Instant now = Instant.now(clock);
            ContributionBatch batch = new ContributionBatch();
            batch.id = batchId;
            batch.clientId = s.clientId();
            batch.platformCode = eligibility.platform().code();
            batch.idempotencyKey = s.idempotencyKey();
            if (s.chunk() != null) {
                batch.feedJobId = s.chunk().jobId();
                batch.feedJobChunk = s.chunk().seq();
            }
            batch.requestHash = s.requestHash();
            batch.contentType = s.contentType();
            batch.received = lines.size();
            batch.createdAt = now;
            try {
                // A fresh feed is the common case: the first attempt looks up only the refs its reversals
                // name and lets the unique index on (source, ref) find any line posted before; if it does,
                // the transaction rolls back and the next attempt looks up every ref of the feed.
                FeedEvaluator.Plan plan = writer.write(batch, new BatchWriter.Lines(lines, macs, eligibility,
                        attempt == 1 ? reversed : refs, refs, reversed, today, clock.getZone()));
                if (config.logFeedTimings()) {
                    long t4 = System.nanoTime();
                    LOG.infof("feed of %d lines (%d distinct IDs): read %d ms, checked %d ms, eligibility %d ms,"
                                    + " evaluated and written %d ms", lines.size(), ids.size(),
                            (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
                }
                return new Outcome(new BatchReport(batchId, batch.platformCode, batch.contentType, batch.received,
                        batch.accepted, batch.duplicates, batch.rejected, plan.errors(), now), false);
            } catch (RuntimeException e) {
                if (violatedConstraint(e, "contribution_batch_key") || violatedConstraint(e, "contribution_batch_chunk")) {
                    // the same key was used at the same moment: answer as for a retry
                    return replay(s).orElseThrow(() -> e);
                }
                if ((violatedConstraint(e, "posting_once") || violatedConstraint(e, "posting_reversed_once")) && attempt < MAX_ATTEMPTS) {
                    // another feed of this platform posted some of these refs meanwhile: decide again
                    LOG.debugf("Feed of %s met a concurrent feed with the same refs; attempt %d", s.clientId(), attempt + 1);
                    continue;
                }
                throw e;
            }
        }
    }

    /** A batch of the calling platform (by its client id); another platform's is not found. */
    public BatchReport report(UUID batchId, String clientId) {
        return batches.findOwned(batchId, clientId).map(b -> batches.report(b, true))
                .orElseThrow(() -> ProblemException.notFound("contribution.feed.batch-not-found", batchId));
    }

    public List<BatchReport> page(String clientId, UUID beforeId, int rows) {
        return batches.page(clientId, beforeId, rows).stream().map(b -> batches.report(b, false)).toList();
    }

    private Optional<Outcome> replay(Submission s) {
        Optional<ContributionBatch> first = s.chunk() == null ? batches.findByKey(s.clientId(), s.idempotencyKey())
                : batches.findByChunk(s.chunk().jobId(), s.chunk().seq());
        return first.map(b -> {
            if (!MessageDigest.isEqual(b.requestHash, s.requestHash())) {
                throw ProblemException.unprocessable("idempotency-key-reused", "contribution.feed.key-reused", s.idempotencyKey(), b.id);
            }
            return new Outcome(batches.report(b, true), true);
        });
    }

    private byte[][] macs(List<ValidLine> lines) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            byte[][] out = new byte[lines.size()][];
            for (int i = 0; i < lines.size(); i++) {
                out[i] = Arrays.copyOf(mac.doFinal(lines.get(i).canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8)), 16);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean violatedConstraint(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LedgerStore.WriteFailure w && w.isUniqueViolation(constraint)) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && constraint.equals(c.getConstraintName())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** SHA-256 of what identifies a request for its Idempotency-Key: its content type and body. */
    public static byte[] requestHash(String contentType, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((contentType == null ? "" : contentType).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return sha.digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
