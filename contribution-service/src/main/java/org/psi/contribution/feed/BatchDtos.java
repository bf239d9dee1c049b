package org.psi.contribution.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.api.Problem;
import org.psi.contribution.config.ContributionConfig;

/** Bodies of /api/contribution-batches. */
public final class BatchDtos {

    /** A period: a month {@code YYYY-MM} (PENSION, MEDICAL) or a day {@code YYYY-MM-DD} (OCCUPATIONAL_INJURY). */
    static final String PERIOD_PATTERN = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$";
    /** The longest platform code (the batch table's column). */
    static final int PLATFORM_CODE_MAX = 32;
    /** The longest media type a batch records (text/csv, application/json, application/x-ndjson). */
    static final int CONTENT_TYPE_MAX = 40;

    private BatchDtos() {
    }

    @Schema(name = "FeedLine", description = "One line of a feed. PENSION and MEDICAL: period YYYY-MM and amountFen. "
            + "OCCUPATIONAL_INJURY: period YYYY-MM-DD, orders and sector (amountFen optional; if given it must equal orders x the region's fee). "
            + "A correction reverses an earlier line: a new ref with reversesRef = the earlier ref and the same nationalId, scheme and period.")
    public record LineDoc(
            @Schema(required = true, example = "FM-2026-11-000001", description = "Unique per platform, 1 to 128 printable characters",
                    maxLength = FeedLines.MAX_REF_LENGTH) String ref,
            @Schema(required = true, example = "11010519491231002X", maxLength = FeedLines.MAX_NATIONAL_ID_LENGTH) String nationalId,
            @Schema(required = true, example = "PENSION", enumeration = {"PENSION", "MEDICAL", "OCCUPATIONAL_INJURY"}) String scheme,
            @Schema(required = true, example = "2026-11", pattern = PERIOD_PATTERN, maxLength = 10) String period,
            @Schema(example = "30000", minimum = "0", maximum = "" + ContributionConfig.MAX_AMOUNT_FEN,
                    description = "Fen: PENSION and MEDICAL 1 or more; at most psi.contribution.max-amount-fen") Long amountFen,
            @Schema(example = "37", minimum = "1", maximum = "" + ContributionConfig.MAX_ORDERS) Long orders,
            @Schema(example = "FOOD_DELIVERY", enumeration = {"FOOD_DELIVERY", "RIDE_HAILING", "INSTANT_DELIVERY", "FREIGHT", "ECOMMERCE", "OTHER"}) String sector,
            @Schema(example = "FM-2026-11-000001", maxLength = FeedLines.MAX_REF_LENGTH) String reversesRef) {
    }

    @Schema(name = "Feed", description = "A JSON feed")
    public record FeedDoc(@Schema(maxItems = ContributionConfig.MAX_BATCH_LINES) List<LineDoc> lines) {
    }

    @Schema(name = "LineError", description = "A rejected line and why")
    public record LineError(@Schema(example = "2", minimum = "1", maximum = "" + ContributionConfig.MAX_BATCH_LINES) int line,
                            @Schema(example = "FM-2026-11-000002", maxLength = FeedLines.MAX_REF_LENGTH) String ref,
                            @Schema(example = "NOT_AUTHORISED", implementation = LineCode.class, description = "Why the line was not accepted (LineCode, in the order the rules are checked)") String code,
                            @Schema(example = "The worker had not authorised platform FASTMEAL to contribute for them in 2026-11",
                                    maxLength = Problem.FieldError.MAX_MESSAGE) String message) {
        public LineError {
            message = Problem.cut(message, Problem.FieldError.MAX_MESSAGE);
        }
    }

    @Schema(name = "BatchReport", description = "What a feed did: received = accepted + duplicates + rejected")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(UUID batchId, @Schema(example = "FASTMEAL", maxLength = PLATFORM_CODE_MAX) String platformCode,
                         @Schema(example = "3", minimum = "0", maximum = "" + ContributionConfig.MAX_BATCH_LINES) int received,
                         @Schema(example = "1", minimum = "0", maximum = "" + ContributionConfig.MAX_BATCH_LINES) int accepted,
                         @Schema(example = "1", minimum = "0", maximum = "" + ContributionConfig.MAX_BATCH_LINES) int duplicates,
                         @Schema(example = "1", minimum = "0", maximum = "" + ContributionConfig.MAX_BATCH_LINES) int rejected,
                         @Schema(maxItems = FeedLines.MAX_LISTED_ERRORS, description = "The rejected lines, the first "
                                 + FeedLines.MAX_LISTED_ERRORS + " of them") List<LineError> errors,
                         Instant createdAt) {
        /** The report with each rejected line's message in {@code locale}. */
        static Report of(BatchReport r, Locale locale) {
            return new Report(r.batchId(), r.platformCode(), r.received(), r.accepted(), r.duplicates(), r.rejected(),
                    r.errors().stream().map(e -> new LineError(e.line(), e.ref(), e.code(), e.message(locale))).toList(),
                    r.createdAt());
        }
    }

    @Schema(name = "BatchSummary")
    public record Summary(UUID batchId, @Schema(example = "text/csv", maxLength = CONTENT_TYPE_MAX) String contentType,
                          @Schema(minimum = "0", maximum = "" + ContributionConfig.MAX_BATCH_LINES) int received,
                          @Schema(minimum = "0", maximum = "" + ContributionConfig.MAX_BATCH_LINES) int accepted,
                          @Schema(minimum = "0", maximum = "" + ContributionConfig.MAX_BATCH_LINES) int duplicates,
                          @Schema(minimum = "0", maximum = "" + ContributionConfig.MAX_BATCH_LINES) int rejected, Instant createdAt) {
        static Summary of(BatchReport r) {
            return new Summary(r.batchId(), r.contentType(), r.received(), r.accepted(), r.duplicates(), r.rejected(),
                    r.createdAt());
        }
    }
}
