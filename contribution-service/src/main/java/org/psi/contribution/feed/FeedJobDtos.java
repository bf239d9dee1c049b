package org.psi.contribution.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.api.Problem;
import org.psi.contribution.config.ContributionConfig;
import org.psi.contribution.feed.FeedJobStore.Job;

/** Bodies of /api/contribution-feeds. */
public final class FeedJobDtos {

    /** The most lines a job may hold (an int counts them; the byte limits come first in practice). */
    static final int MAX_LINES = Integer.MAX_VALUE;

    private FeedJobDtos() {
    }

    @Schema(name = "FeedJobFailure", description = "Why a job FAILED")
    public record Failure(@Schema(example = "NOT_THE_FORMAT", maxLength = 40, enumeration = {"NOT_THE_FORMAT", "CHUNK_REFUSED"}) String code,
                          @Schema(example = "Text line 3 is not a JSON object", maxLength = Problem.MAX_DETAIL) String message) {
    }

    @Schema(name = "FeedJob", description = """
            A feed job and its progress. linesRead = accepted + duplicates + rejected; percent is linesRead of lines; \
            etaSeconds is estimated from the pace so far while the job runs.""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(UUID id,
                       @Schema(enumeration = {"QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"}, example = "RUNNING", maxLength = 9) String status,
                       @Schema(example = "application/x-ndjson", maxLength = BatchDtos.CONTENT_TYPE_MAX) String format,
                       @Schema(description = "Whether it was sent gzip-compressed") boolean gzip,
                       @Schema(example = "4800000", minimum = "0", maximum = "" + ContributionConfig.FeedJobs.MAX_BYTES) long bytesReceived,
                       @Schema(example = "200000", minimum = "0", maximum = "" + MAX_LINES, description = "Lines received") int lines,
                       @Schema(example = "120000", minimum = "0", maximum = "" + MAX_LINES) int linesRead,
                       @Schema(example = "119000", minimum = "0", maximum = "" + MAX_LINES) int accepted,
                       @Schema(example = "800", minimum = "0", maximum = "" + MAX_LINES) int duplicates,
                       @Schema(example = "200", minimum = "0", maximum = "" + MAX_LINES) int rejected,
                       @Schema(example = "60", minimum = "0", maximum = "100") int percent,
                       Instant createdAt, Instant startedAt, Instant finishedAt,
                       @Schema(example = "4", minimum = "0", maximum = "" + Long.MAX_VALUE) Long etaSeconds,
                       Failure failure) {

        static View of(Job j, Instant now, Locale locale) {
            int percent = j.lines() == 0 ? 0 : (int) (100L * j.linesRead() / j.lines());
            Long eta = null;
            if (j.status() == FeedJobStore.Status.RUNNING && j.startedAt() != null && j.linesRead() > 0) {
                double elapsed = Math.max(0.001, Duration.between(j.startedAt(), now).toMillis() / 1000.0);
                eta = (long) Math.ceil((j.lines() - j.linesRead()) / (j.linesRead() / elapsed));
            } else if (j.status() == FeedJobStore.Status.DONE) {
                eta = 0L;
            }
            Failure failure = j.failure() == null ? null : new Failure(j.failureCode(),
                    Problem.cut(j.failure().in(locale), Problem.MAX_DETAIL));
            return new View(j.id(), j.status().name(), j.format(), j.gzip(), j.bytesReceived(), j.lines(), j.linesRead(),
                    j.accepted(), j.duplicates(), j.rejected(), percent, j.createdAt(), j.startedAt(), j.finishedAt(), eta, failure);
        }
    }

    @Schema(name = "FeedJobError", description = "A rejected line of a job: its text line in the upload (a CSV header is line 1), "
            + "its ref, a code (a LineCode, or the code of a malformed field: REQUIRED, INVALID_TYPE, ...) and why")
    public record Error(@Schema(example = "17", minimum = "1", maximum = "" + MAX_LINES) int line,
                        @Schema(example = "FM-2026-11-000017", maxLength = FeedLines.MAX_REF_LENGTH) String ref,
                        @Schema(example = "NOT_AUTHORISED", maxLength = 40) String code,
                        @Schema(example = "amountFen is 1 to 10000000 fen", maxLength = Problem.FieldError.MAX_MESSAGE) String message) {
    }
}
