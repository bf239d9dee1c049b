package org.psi.contribution.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of /api/contribution-batches. */
public final class BatchDtos {

    private BatchDtos() {
    }

    @Schema(name = "FeedLine", description = "One line of a feed. PENSION and MEDICAL: period YYYY-MM and amountFen. "
            + "OCCUPATIONAL_INJURY: period YYYY-MM-DD, orders and sector (amountFen optional; if given it must equal orders x the region's fee). "
            + "A correction reverses an earlier line: a new ref with reversesRef = the earlier ref and the same nationalId, scheme and period.")
    public record LineDoc(
            @Schema(required = true, example = "FM-2026-11-000001", description = "Unique per platform, 1 to 128 printable characters") String ref,
            @Schema(required = true, example = "11010519491231002X") String nationalId,
            @Schema(required = true, example = "PENSION", enumeration = {"PENSION", "MEDICAL", "OCCUPATIONAL_INJURY"}) String scheme,
            @Schema(required = true, example = "2026-11") String period,
            @Schema(example = "30000") Long amountFen,
            @Schema(example = "37") Long orders,
            @Schema(example = "FOOD_DELIVERY", enumeration = {"FOOD_DELIVERY", "RIDE_HAILING", "INSTANT_DELIVERY", "FREIGHT", "ECOMMERCE", "OTHER"}) String sector,
            @Schema(example = "FM-2026-11-000001") String reversesRef) {
    }

    @Schema(name = "Feed", description = "A JSON feed")
    public record FeedDoc(List<LineDoc> lines) {
    }

    @Schema(name = "LineError", description = "A rejected line and why")
    public record LineError(@Schema(example = "2") int line, @Schema(example = "FM-2026-11-000002") String ref,
                            @Schema(example = "NOT_AUTHORISED", implementation = LineCode.class, description = "Why the line was not accepted (LineCode, in the order the rules are checked)") String code,
                            @Schema(example = "The worker had not authorised platform FASTMEAL to contribute for them in 2026-11") String message) {
    }

    @Schema(name = "BatchReport", description = "What a feed did: received = accepted + duplicates + rejected")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(UUID batchId, @Schema(example = "FASTMEAL") String platformCode,
                         @Schema(example = "3") int received, @Schema(example = "1") int accepted,
                         @Schema(example = "1") int duplicates, @Schema(example = "1") int rejected,
                         List<LineError> errors, Instant createdAt) {
        /** The report with each rejected line's message in {@code locale}. */
        static Report of(BatchReport r, Locale locale) {
            return new Report(r.batchId(), r.platformCode(), r.received(), r.accepted(), r.duplicates(), r.rejected(),
                    r.errors().stream().map(e -> new LineError(e.line(), e.ref(), e.code(), e.message(locale))).toList(),
                    r.createdAt());
        }
    }

    @Schema(name = "BatchSummary")
    public record Summary(UUID batchId, @Schema(example = "text/csv") String contentType, int received, int accepted,
                          int duplicates, int rejected, Instant createdAt) {
        static Summary of(BatchReport r) {
            return new Summary(r.batchId(), r.contentType(), r.received(), r.accepted(), r.duplicates(), r.rejected(),
                    r.createdAt());
        }
    }
}
