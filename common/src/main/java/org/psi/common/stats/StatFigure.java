package org.psi.common.stats;

import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * One figure a statistics answer publishes for every cell and total, declared by the service in its
 * {@link StatPublication}: its name in JSON, its value as published, its CSV columns and how the
 * OpenAPI document describes it.
 *
 * <p>A {@link #count} (persons, an amount, cases) is null when its cell is withheld and {@code x} in
 * CSV; it stands before the cell's {@code suppressed}. A {@link #detail} is any other published value
 * of a cell (the figures of each step of a case, say), withheld by rules of its own; it stands after
 * {@code suppressed}.
 *
 * @param <R> the service's stored cell
 */
public final class StatFigure<R extends StoredCell> {

    /** The CSV fields of a published value: given the value and whether its cell is withheld. */
    @FunctionalInterface
    public interface CsvFields {
        List<?> of(Object published, boolean suppressed);
    }

    private final String name;
    private final BiFunction<R, Integer, Object> published;
    private final List<String> columns;
    private final CsvFields csv;
    private final boolean detail;
    private final FieldDoc cellDoc;
    private final FieldDoc totalDoc;

    private StatFigure(String name, BiFunction<R, Integer, Object> published, List<String> columns, CsvFields csv,
                       boolean detail, FieldDoc cellDoc, FieldDoc totalDoc) {
        this.name = name;
        this.published = published;
        this.columns = List.copyOf(columns);
        this.csv = csv;
        this.detail = detail;
        this.cellDoc = cellDoc;
        this.totalDoc = totalDoc;
    }

    /**
     * A count or sum of a cell, one CSV column of the same name. {@code description} describes it in a
     * cell (the total's field has none); the examples are a cell's and a total's.
     */
    public static <R extends StoredCell> StatFigure<R> count(String name, ToLongFunction<R> value, String description,
                                                              long cellExample, long totalExample) {
        return new StatFigure<>(name, (cell, threshold) -> cell.suppressed() ? null : value.applyAsLong(cell), List.of(name),
                (v, suppressed) -> Collections.singletonList(StatCsv.figure((Long) v, suppressed)), false,
                FieldDoc.count(cellExample).described(description), FieldDoc.count(totalExample));
    }

    /**
     * Another published value of a cell: {@code published} gives it from the cell and the threshold
     * (and withholds it as it must), {@code csv} its fields under {@code columns}.
     */
    public static <R extends StoredCell> StatFigure<R> detail(String name, BiFunction<R, Integer, Object> published,
                                                               List<String> columns, CsvFields csv, FieldDoc doc) {
        return new StatFigure<>(name, published, columns, csv, true, doc, doc);
    }

    public String name() {
        return name;
    }

    /** The value published for a cell (or total), given the snapshot's threshold. */
    public Object published(R cell, int threshold) {
        return published.apply(cell, threshold);
    }

    public List<String> columns() {
        return columns;
    }

    /** The CSV fields of a published value, one per column. */
    public List<?> csv(Object published, boolean suppressed) {
        List<?> fields = csv.of(published, suppressed);
        if (fields.size() != columns.size()) {
            throw new IllegalStateException(name + " gives " + fields.size() + " CSV fields for " + columns);
        }
        return fields;
    }

    /** Whether the figure stands after the cell's {@code suppressed} (a detail) rather than before it (a count). */
    public boolean isDetail() {
        return detail;
    }

    public FieldDoc cellDoc() {
        return cellDoc;
    }

    public FieldDoc totalDoc() {
        return totalDoc;
    }
}
