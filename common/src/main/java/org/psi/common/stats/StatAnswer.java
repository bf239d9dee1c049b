package org.psi.common.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of every {@code GET /api/statistics/...} endpoint, built by {@link StatPublication#answer}
 * and written as JSON as it is (or as CSV by {@link StatPublication#csv}).
 *
 * <p>A cell holds {@code month}, the grouped dimensions (in the order the service declares them; a
 * dimension whose value shows as nothing is left out), the counts, {@code suppressed} and the
 * details; a total holds {@code month}, the counts, {@code suppressed} and the details. Its OpenAPI
 * schemas are written from the publication, under the service's names.
 *
 * @param asOf        when the figures were computed
 * @param region      the code of the region the figures cover; null for the whole country
 * @param groupBy     the grouping, as answered
 * @param threshold   the smallest count published, apart from zero
 * @param multiValued the grouped dimensions under which one person may count more than once
 * @param additive    whether each month's cells add up to its total (no dimension is multi-valued)
 */
public record StatAnswer(Instant asOf, String from, String to, String region, List<String> groupBy, int threshold,
                         List<String> multiValued, boolean additive, String note, List<Map<String, Object>> cells,
                         List<Map<String, Object>> totals) {
}
