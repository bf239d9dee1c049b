package org.psi.contribution.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import jakarta.annotation.PreDestroy;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;
import org.psi.common.api.InvalidField;
import org.psi.common.api.ProblemException;
import org.psi.contribution.config.ContributionConfig;
import org.psi.contribution.feed.FeedEvaluator.LineError;
import org.psi.contribution.feed.FeedJobStore.Job;
import org.psi.contribution.feed.FeedJobStore.Pending;
import org.psi.contribution.insured.InsuredDirectory;
import org.psi.contribution.ledger.Ids;
import org.psi.contribution.webhook.WebhookEvents;

/**
 * Feed jobs: a feed of any size, received as a stream ({@link #receive}) and stored in chunks, then
 * applied chunk by chunk ({@link #applyNext}) through the same line rules, duplicates and ledger writes
 * as a batch ({@link FeedService}): each chunk is a batch of its own, in its own transaction, recorded
 * under the job and chunk, so that whichever instance applies it after a crash gets the first report
 * back and no line is applied twice.
 *
 * <p>A chunk is held by its row lock while it is applied (another instance skips it); an instance
 * that dies lets go of it, and the next one to claim it finds its batch, if it had committed, and
 * records it. Lines that are malformed (a bad field) are rejected one by one, with their field's code;
 * the others of their chunk go on.
 */
@ApplicationScoped
public class FeedJobService {

    private static final Logger LOG = Logger.getLogger(FeedJobService.class);

    private final FeedJobStore store;
    private final FeedService feeds;
    private final InsuredDirectory directory;
    private final WebhookEvents webhooks;
    private final ContributionConfig.FeedJobs config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ManagedExecutor executor;

    public FeedJobService(FeedJobStore store, FeedService feeds, InsuredDirectory directory, WebhookEvents webhooks,
                          ContributionConfig config, ObjectMapper json, Clock clock) {
        this.store = store;
        this.feeds = feeds;
        this.directory = directory;
        this.webhooks = webhooks;
        this.config = config.feedJobs();
        this.json = json;
        this.clock = clock;
        // the workers run each in a request context of its own (none is propagated from the scheduler's)
        this.executor = ManagedExecutor.builder().maxAsync(this.config.workers()).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A job as answered, and whether it answers a retry of an earlier upload with the same key and body. */
    public record Received(Job job, boolean replayed) {
    }

    // ------------------------------------------------------------------ receiving

    /**
     * Streams an upload into a new job's chunks and queues it; or, for a key used before, reads the
     * body only to compare it and answers the first job (422 if the body differs). Nothing of a
     * refused upload (413, a broken gzip stream, no lines) remains.
     */
    public Received receive(String clientId, String key, String format, boolean gzip, String contentType, InputStream body) {
        String platformCode = directory.platformOf(clientId).code();
        FeedUpload upload = new FeedUpload(json.getFactory(), format,
                new FeedUpload.Limits(config.maxBytes(), config.maxTextBytes(), config.chunkLines(), config.maxLineBytes()));
        Optional<Job> earlier = store.byKey(clientId, key);
        if (earlier.isPresent()) {
            FeedUpload.Received r = readOnly(upload, body, gzip, contentType);
            return new Received(sameBody(earlier.get(), r.hash()), true);
        }
        UUID id = Ids.timeOrdered();
        Instant now = Instant.now(clock);
        store.create(id, clientId, platformCode, format, gzip, now);
        try {
            FeedUpload.Received r;
            try {
                r = upload.read(body, gzip, contentType, chunk -> store.addChunk(id, chunk));
            } catch (FeedUpload.NotTheFormat e) {
                store.fail(id, key, e.hash, e.bytes, "NOT_THE_FORMAT", e.problem.detail(), Instant.now(clock));
                return new Received(store.find(id, clientId).orElseThrow(), false);
            }
            store.queue(id, key, r);
            return new Received(store.find(id, clientId).orElseThrow(), false);
        } catch (RuntimeException | IOException e) {
            store.delete(id);
            if (FeedService.violatedConstraint(e, "feed_job_key")) {
                // the same key at the same moment: answer as for a retry
                Job first = store.byKey(clientId, key).orElseThrow();
                return new Received(first, true);
            }
            if (e instanceof IOException io) {
                throw ProblemException.badRequest("bad-request", "contribution.feed-job.body-unreadable");
            }
            throw (RuntimeException) e;
        }
    }

    private static FeedUpload.Received readOnly(FeedUpload upload, InputStream body, boolean gzip, String contentType) {
        try {
            return upload.read(body, gzip, contentType, chunk -> {
            });
        } catch (FeedUpload.NotTheFormat e) {
            return new FeedUpload.Received(e.bytes, e.hash, 0, 0);
        } catch (IOException e) {
            throw ProblemException.badRequest("bad-request", "contribution.feed-job.body-unreadable");
        }
    }

    private static Job sameBody(Job earlier, byte[] hash) {
        if (!MessageDigest.isEqual(earlier.requestHash(), hash)) {
            throw ProblemException.unprocessable("idempotency-key-reused", "contribution.feed-job.key-reused",
                    earlier.idempotencyKey(), earlier.id());
        }
        return earlier;
    }

    public Job get(UUID id, String clientId) {
        return store.find(id, clientId).orElseThrow(() -> ProblemException.notFound("contribution.feed-job.not-found", id));
    }

    public List<Job> page(String clientId, UUID before, int rows) {
        return store.page(clientId, before, rows);
    }

    /** The rejected lines of a job, in line order. */
    public void errors(UUID jobId, java.util.function.Consumer<LineError> each) {
        store.errors(jobId, each);
    }

    /** Stops a job: no further chunk is applied; what was applied stays, and is reported. */
    public Job cancel(UUID id, String clientId) {
        Job job = get(id, clientId);
        if (!store.cancel(id, clientId, Instant.now(clock)) && job.status() != FeedJobStore.Status.CANCELLED) {
            throw ProblemException.conflict("feed-job-finished", "contribution.feed-job.finished", job.status());
        }
        return get(id, clientId);
    }

    // ------------------------------------------------------------------ applying

    /** Applies what chunks are waiting, with {@code workers} at a time, until none is left. */
    @Scheduled(identity = "psi-feed-jobs", every = "${psi.contribution.feed-jobs.poll-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        store.deleteAbandoned(Instant.now(clock).minus(config.abandonedAfter()));
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < config.workers(); i++) {
            running.add(executor.submit(this::drain));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                LOG.warnf("A feed job worker stopped: %s", e.toString());
            }
        }
    }

    private void drain() {
        try {
            while (applyNext()) {
                // the next chunk
            }
        } catch (RuntimeException e) {
            // the chunk stays to be applied: the next poll tries it again
            LOG.warnf("Applying a feed job chunk failed; it will be tried again: %s", e.toString());
        }
    }

    /** Claims the next waiting chunk of any job, applies it and records it; false if none was waiting. */
    public boolean applyNext() {
        // the batch path reads through Hibernate outside its transaction, as a request would
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            return claimAndApply();
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }

    private boolean claimAndApply() {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            Optional<Pending> claimed = store.claim();
            if (claimed.isEmpty()) {
                return false;
            }
            Pending chunk = claimed.get();
            QuarkusTransaction.requiringNew().run(() -> store.started(chunk.jobId(), Instant.now(clock)));
            FeedJobStore.Applied applied;
            try {
                applied = QuarkusTransaction.suspendingExisting().call(() -> apply(chunk));
            } catch (ProblemException e) {
                if (e.status() >= 500) {
                    throw e;
                }
                // it would fail the same way again (the platform is no longer registered, ...): the job stops here
                LOG.warnf("Feed job %s failed at chunk %d: %s", chunk.jobId(), chunk.seq(), e.getMessage());
                store.failRunning(chunk.jobId(), "CHUNK_REFUSED", e.detail(), Instant.now(clock));
                return true;
            }
            Job job = store.applied(chunk, applied, Instant.now(clock));
            if (job.status() == FeedJobStore.Status.DONE) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("feedId", job.id().toString());
                data.put("status", job.status().name());
                data.put("lines", job.lines());
                data.put("accepted", job.accepted());
                data.put("duplicates", job.duplicates());
                data.put("rejected", job.rejected());
                webhooks.emit(job.platformCode(), WebhookEvents.FEED_COMPLETED, data);
            }
            return true;
        });
    }

    /** One chunk through the batch path, its malformed lines rejected before it. */
    private FeedJobStore.Applied apply(Pending c) {
        int shift = c.firstLine() - 1 - (c.csvHeaderCopy() ? 1 : 0);
        FeedReader.Chunk read = FeedReader.readChunk(json.getFactory(), c.format(), c.body(), shift);
        FeedLines.Checked checked = FeedLines.check(read.lines(), LocalDate.now(clock), feeds.limits());
        // the first error of each malformed line, whether the reader or the checks found it
        Map<Integer, InvalidField> bad = new TreeMap<>();
        Set<Integer> badRef = new HashSet<>();
        for (List<InvalidField> found : List.of(read.errors(), checked.errors())) {
            for (InvalidField e : found) {
                bad.putIfAbsent(e.line(), e);
                if ("ref".equals(e.field())) {
                    badRef.add(e.line());
                }
            }
        }
        List<FeedLine> good = new ArrayList<>(read.lines().size());
        List<LineError> errors = new ArrayList<>();
        for (FeedLine l : read.lines()) {
            InvalidField e = bad.get(l.line());
            if (e == null) {
                good.add(l);
            } else {
                String ref = badRef.contains(l.line()) ? null : l.ref();
                errors.add(new LineError(l.line(), ref, e.code(), e.message().english(), e.message().key(), e.message().plainArgs()));
            }
        }
        if (good.isEmpty()) {
            return new FeedJobStore.Applied(null, 0, 0, errors.size(), errors);
        }
        FeedService.Outcome outcome = feeds.submit(new FeedService.Submission(c.clientId(), null,
                new FeedService.JobChunk(c.jobId(), c.seq()), FeedService.requestHash(c.format(), c.body()), c.format(), () -> good));
        BatchReport report = outcome.report();
        errors.addAll(report.errors());
        errors.sort(Comparator.comparingInt(LineError::line));
        return new FeedJobStore.Applied(report.batchId(), report.accepted(), report.duplicates(),
                report.rejected() + (read.lines().size() - good.size()), errors);
    }
}
