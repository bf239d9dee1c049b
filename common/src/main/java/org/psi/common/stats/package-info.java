/**
 * Disclosure control for PSI's published statistics, shared by every service's
 * {@code /api/statistics/...} endpoint. Plain Java, no framework.
 *
 * <pre>
 * List&lt;Dimension&gt; dims = List.of(
 *         Dimension.of("region").withHierarchy(r -&gt; r.length() == 6 ? r.substring(0, 2) : null)
 *                 .overlappingUnlessFixed("scheme"),
 *         Dimension.of("scheme").overlapping(),
 *         Dimension.of("sex"));
 * StatTable.Builder b = StatTable.builder(dims);            // or builder(dims, "amountFen")
 * b.put(List.of("*", "*", "*"), 812);                        // every cell AND every total, as counted
 * b.put(List.of("53", "PENSION", "FEMALE"), 7);
 * ...
 * ProtectedTable t = new Suppression().protect(b.build());  // threshold 10
 * t.published(List.of("53", "PENSION", "FEMALE"))            // Optional.empty(): withheld
 * StatCsv.render(header, rows)                               // withheld figures as "x"
 * </pre>
 *
 * The method, why one table must hold every figure any caller can ask for (all groupings, the
 * widest region scope), and the limits are described on {@link org.psi.common.stats.Suppression}.
 * Age bands are defined once in {@link org.psi.common.stats.AgeBand}.
 *
 * <p>Publishing is shared too. A service declares, per endpoint, a
 * {@link org.psi.common.stats.StatPublication}: its enum of {@link org.psi.common.stats.GroupingDimension}s,
 * the lattice they show, the figures of a cell and the texts of its OpenAPI document. From it come the
 * one answer type ({@link org.psi.common.stats.StatAnswer}, and its CSV), which grouped dimensions count
 * a person more than once (from the lattice's overlapping declarations, see
 * {@link org.psi.common.stats.StatQuery#multiValued}), the OpenAPI schemas and responses
 * ({@code org.psi.common.openapi.StatisticsDocumentFilter}) and, with the service's store of cells
 * ({@link org.psi.common.stats.StatCells}), the endpoint its resource delegates to
 * ({@code org.psi.common.api.StatisticsEndpoint}). A refresh runs as a
 * {@link org.psi.common.stats.SnapshotRun}.
 */
package org.psi.common.stats;
