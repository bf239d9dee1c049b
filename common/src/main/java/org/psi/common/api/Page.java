package org.psi.common.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a cursor-paginated list: pass {@code nextCursor} back as {@code ?cursor=} for the next. */
/** Named in the OpenAPI documents after what it holds (PageTransferView, ...): a generated client knows its items' type. */
public record Page<T>(@Schema(maxItems = MAX_LIMIT) List<T> items,
                      @Schema(nullable = true, example = "eyJpZCI6IjEyMyJ9", maxLength = Cursors.MAX_LENGTH) String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Validates a {@code ?limit=}: absent means {@value #DEFAULT_LIMIT}; 1 to {@value #MAX_LIMIT} otherwise.
     */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "OUT_OF_RANGE", "common.page.limit", MAX_LIMIT);
        }
        return limit;
    }

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in key order: the extra row only tells
     * that there is a next page, whose cursor is the key of the last row shown.
     */
    public static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), Cursors.encode(key.apply(items.get(limit - 1))));
    }
}
