package org.psi.common.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.psi.common.domain.InvalidValueException;

/**
 * What one statistics endpoint publishes, declared once by its service: the dimensions it can be
 * grouped by and the lattice they show, the figures of a cell, and the names, texts and examples of
 * its OpenAPI document. Everything else comes from here, the same for every service:
 * <ul>
 *   <li>the answer, {@link #answer} (written as JSON) and {@link #csv};</li>
 *   <li>which grouped dimensions count a person more than once, from the lattice's declarations
 *       ({@link StatQuery#multiValued});</li>
 *   <li>at build time, the answer's schemas and the endpoint's parameters and responses in the
 *       OpenAPI document: {@code org.psi.common.openapi.StatisticsDocumentFilter} documents every
 *       static field of this type it finds in the application.</li>
 * </ul>
 *
 * @param <D> the service's enum of dimensions; a constant's {@code @Schema} annotation documents its field
 * @param <R> the service's stored cell
 */
public final class StatPublication<D extends Enum<D> & GroupingDimension, R extends StoredCell> {

    /**
     * The most cells one answer holds: a query whose answer would hold more (many months by many
     * platforms, say) is refused, and asked to narrow its months, region or grouping.
     */
    public static final int MAX_CELLS = 100_000;

    /** The fields of every answer, in order. */
    public static final List<String> ANSWER_FIELDS = List.of("asOf", "from", "to", "region", "groupBy", "threshold",
            "multiValued", "additive", "note", "cells", "totals");

    private final Class<D> dimensions;
    private final List<Dimension> lattice;
    private final List<StatFigure<R>> figures;
    private final Map<String, String> descriptions;
    private final Map<String, FieldDoc> schemas;
    private final String subject;
    private final String path;
    private final String schemaPrefix;
    private final String refreshSchema;
    private final String what;
    private final YearMonth exampleMonth;
    private final List<D> exampleGroupBy;
    private final List<D> exampleMultiValued;
    private final String note;
    private final String csvExample;
    private final Function<YearMonth, R> zero;
    private final UnaryOperator<StatQuery<D>> prepare;
    private final boolean timed;
    /** Per dimension (by ordinal), the position in a key of the lattice dimension it shows. */
    private final int[] keyIndex;

    private StatPublication(Builder<D, R> b) {
        this.dimensions = b.dimensions;
        this.lattice = b.lattice;
        this.figures = List.copyOf(b.figures);
        this.descriptions = Map.copyOf(b.descriptions);
        this.schemas = Collections.unmodifiableMap(new LinkedHashMap<>(b.schemas));
        this.subject = b.subject;
        this.path = b.path;
        this.schemaPrefix = b.schemaPrefix;
        this.refreshSchema = b.refreshSchema;
        this.what = b.what;
        this.exampleMonth = b.exampleMonth;
        this.exampleGroupBy = b.exampleGroupBy;
        this.exampleMultiValued = b.exampleMultiValued;
        this.note = b.note;
        this.csvExample = b.csvExample;
        this.zero = b.zero;
        this.prepare = b.prepare;
        this.timed = b.timed;
        D[] all = dimensions.getEnumConstants();
        this.keyIndex = new int[all.length];
        for (D d : all) {
            keyIndex[d.ordinal()] = indexOf(d.latticeDimension());
        }
    }

    /** A publication of the answers grouped by {@code dimensions}, whose cells are keyed by {@code lattice}. */
    public static <D extends Enum<D> & GroupingDimension, R extends StoredCell> Builder<D, R> of(
            Class<D> dimensions, List<Dimension> lattice) {
        return new Builder<>(dimensions, lattice);
    }

    /** The query answered for the one asked (by default the same). */
    public StatQuery<D> prepare(StatQuery<D> asked) {
        return prepare.apply(asked);
    }

    /**
     * The answer of a query from the cells and totals of {@code snapshot}: every month the snapshot
     * covers has a total, zero where none is stored.
     */
    public StatAnswer answer(Snapshot snapshot, StatQuery<D> q, List<R> cells, List<R> totals) {
        if (cells.size() > MAX_CELLS) {
            throw new InvalidValueException("groupBy", "TOO_MANY_CELLS", "common.stats.too-many-cells", cells.size(), MAX_CELLS);
        }
        int threshold = snapshot.threshold();
        List<R> months = new ArrayList<>(totals);
        for (YearMonth m : q.months()) {
            if (!m.isAfter(snapshot.throughMonth()) && totals.stream().noneMatch(t -> t.month().equals(m))) {
                months.add(zero.apply(m));
            }
        }
        months.sort(Comparator.comparing(StoredCell::month));
        List<String> multi = q.multiValued(lattice).stream().map(GroupingDimension::apiName).toList();
        String scope = q.scope();
        return new StatAnswer(snapshot.takenAt(), q.from().toString(), q.to().toString(),
                RegionNodes.ALL.equals(scope) ? null : RegionNodes.code(scope),
                q.groupBy().stream().map(GroupingDimension::apiName).toList(), threshold, multi, multi.isEmpty(), note,
                cells.stream().map(c -> shown(c, q.groupBy(), threshold)).toList(),
                months.stream().map(t -> shown(t, List.of(), threshold)).toList());
    }

    private Map<String, Object> shown(R cell, List<D> groupBy, int threshold) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", cell.month().toString());
        for (D d : dimensions.getEnumConstants()) {
            if (groupBy.contains(d)) {
                String value = d.shown(cell.key().get(keyIndex[d.ordinal()]));
                if (value != null) {
                    out.put(d.apiName(), value);
                }
            }
        }
        figures.stream().filter(f -> !f.isDetail()).forEach(f -> out.put(f.name(), f.published(cell, threshold)));
        out.put("suppressed", cell.suppressed());
        figures.stream().filter(StatFigure::isDetail).forEach(f -> out.put(f.name(), f.published(cell, threshold)));
        return out;
    }

    /**
     * The answer as CSV: month, the grouped dimensions, the figures' columns; per month its cells, then
     * its total ({@link StatCsv#TOTAL} in every dimension column). A dimension a cell leaves out is empty.
     */
    public String csv(StatAnswer a) {
        List<String> header = new ArrayList<>();
        header.add("month");
        header.addAll(a.groupBy());
        figures.forEach(f -> header.addAll(f.columns()));
        List<List<?>> rows = new ArrayList<>();
        for (Map<String, Object> total : a.totals()) {
            for (Map<String, Object> cell : a.cells()) {
                if (cell.get("month").equals(total.get("month"))) {
                    List<Object> row = new ArrayList<>();
                    row.add(cell.get("month"));
                    a.groupBy().forEach(d -> row.add(cell.get(d)));
                    row.addAll(figures(cell));
                    rows.add(row);
                }
            }
            List<Object> row = new ArrayList<>();
            row.add(total.get("month"));
            a.groupBy().forEach(d -> row.add(StatCsv.TOTAL));
            row.addAll(figures(total));
            rows.add(row);
        }
        return StatCsv.render(header, rows);
    }

    private List<Object> figures(Map<String, Object> row) {
        boolean suppressed = (Boolean) row.get("suppressed");
        List<Object> out = new ArrayList<>();
        figures.forEach(f -> out.addAll(f.csv(row.get(f.name()), suppressed)));
        return out;
    }

    /** The note every answer carries. */
    public String note() {
        return note;
    }

    /** The answer of a refresh that computed {@code s}. */
    public Refreshed refreshed(Snapshot s) {
        return Refreshed.of(s, timed);
    }

    /** The name a CSV answer is offered as: {@code <subject>-<from>-<to>.csv}. */
    public String filename(StatQuery<D> q) {
        return subject + "-" + q.from() + "-" + q.to() + ".csv";
    }

    /** The snapshots' subject (see {@link SnapshotStore}). */
    public String subject() {
        return subject;
    }

    /** The path of the GET operation, e.g. {@code /api/statistics/enrollments}. */
    public String path() {
        return path;
    }

    /** The path of the refresh operation beside it: {@code /api/statistics/refresh}. */
    public String refreshPath() {
        return path.substring(0, path.lastIndexOf('/')) + "/refresh";
    }

    public Class<D> dimensions() {
        return dimensions;
    }

    public List<StatFigure<R>> figures() {
        return figures;
    }

    /** The schema name of the answer, {@code <prefix>Statistics}. */
    public String answerSchema() {
        return schemaPrefix + "Statistics";
    }

    public String cellSchema() {
        return schemaPrefix + "Cell";
    }

    public String totalSchema() {
        return schemaPrefix + "Total";
    }

    public String refreshSchema() {
        return refreshSchema;
    }

    /** Whether the refresh answer tells how long it took. */
    public boolean timed() {
        return timed;
    }

    /** What a cell counts, e.g. {@code insured workers}. */
    public String what() {
        return what;
    }

    /** The description of a field of the answer. */
    public String description(String field) {
        return descriptions.get(field);
    }

    public YearMonth exampleMonth() {
        return exampleMonth;
    }

    public List<D> exampleGroupBy() {
        return exampleGroupBy;
    }

    public List<D> exampleMultiValued() {
        return exampleMultiValued;
    }

    /** The example of the CSV answer in the OpenAPI document. */
    public String csvExample() {
        return csvExample;
    }

    /** Further component schemas the figures refer to, by name. */
    public Map<String, FieldDoc> schemas() {
        return schemas;
    }

    private int indexOf(String latticeDimension) {
        for (int i = 0; i < lattice.size(); i++) {
            if (lattice.get(i).name().equals(latticeDimension)) {
                return i;
            }
        }
        throw new IllegalStateException("The lattice has no dimension " + latticeDimension);
    }

    /** Declares a publication; every setting but the further descriptions, schemas, prepare and timed is required. */
    public static final class Builder<D extends Enum<D> & GroupingDimension, R extends StoredCell> {

        private final Class<D> dimensions;
        private final List<Dimension> lattice;
        private final List<StatFigure<R>> figures = new ArrayList<>();
        private final Map<String, String> descriptions = new LinkedHashMap<>();
        private final Map<String, FieldDoc> schemas = new LinkedHashMap<>();
        private String subject;
        private String path;
        private String schemaPrefix;
        private String refreshSchema;
        private String what;
        private YearMonth exampleMonth;
        private List<D> exampleGroupBy;
        private List<D> exampleMultiValued;
        private String note;
        private String csvExample;
        private Function<YearMonth, R> zero;
        private UnaryOperator<StatQuery<D>> prepare = UnaryOperator.identity();
        private boolean timed;

        private Builder(Class<D> dimensions, List<Dimension> lattice) {
            this.dimensions = Objects.requireNonNull(dimensions);
            this.lattice = List.copyOf(lattice);
            for (D d : dimensions.getEnumConstants()) {
                if (lattice.stream().noneMatch(l -> l.name().equals(d.latticeDimension()))) {
                    throw new IllegalArgumentException(d + " shows " + d.latticeDimension() + ", which the lattice " + lattice
                            + " lacks");
                }
            }
            describe("asOf", "When these figures were computed; changes after it show at the next refresh");
            describe("region", "The region the figures cover (a province with its cities, or a city); null for the whole country");
            describe("threshold", "The smallest count published, apart from zero");
            describe("additive", "Whether each month's cells add up to its total");
        }

        /** The subject of the snapshots (see {@link SnapshotStore}), which also names the CSV files. */
        public Builder<D, R> subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The path of the GET operation; the refresh is {@code refresh} beside it. */
        public Builder<D, R> path(String path) {
            this.path = path;
            return this;
        }

        /** The schemas {@code <prefix>Statistics}, {@code <prefix>Cell}, {@code <prefix>Total}, and the refresh answer's. */
        public Builder<D, R> schemas(String prefix, String refreshSchema) {
            this.schemaPrefix = prefix;
            this.refreshSchema = refreshSchema;
            return this;
        }

        /**
         * What a cell counts ({@code insured workers}) and what one unit of it is ({@code worker}), for
         * the descriptions of cells, totals and {@code multiValued}.
         */
        public Builder<D, R> about(String what, String one) {
            this.what = what;
            return describe("multiValued", "Grouped dimensions under which one " + one + " may count more than once");
        }

        /** The description of a field of the answer (one of {@link #ANSWER_FIELDS}), instead of the usual one. */
        public Builder<D, R> describe(String field, String description) {
            if (!ANSWER_FIELDS.contains(field)) {
                throw new IllegalArgumentException("An answer has no field " + field);
            }
            descriptions.put(field, description);
            return this;
        }

        /** The examples of the OpenAPI document: a month, a grouping and its multi-valued dimensions. */
        public Builder<D, R> examples(String month, List<D> groupBy, List<D> multiValued) {
            this.exampleMonth = YearMonth.parse(month);
            this.exampleGroupBy = List.copyOf(groupBy);
            this.exampleMultiValued = List.copyOf(multiValued);
            return this;
        }

        /** The next figure of every cell and total. */
        public Builder<D, R> figure(StatFigure<R> figure) {
            if (figures.stream().anyMatch(f -> f.name().equals(figure.name()))) {
                throw new IllegalArgumentException("The figure " + figure.name() + " is declared twice");
            }
            figures.add(figure);
            return this;
        }

        /** A component schema a figure refers to. */
        public Builder<D, R> schema(String name, FieldDoc doc) {
            schemas.put(name, doc);
            return this;
        }

        /** The total of a month where none is stored: a published zero. */
        public Builder<D, R> zero(Function<YearMonth, R> zero) {
            this.zero = zero;
            return this;
        }

        /** The note every answer carries: what the figures count and how they are withheld. */
        public Builder<D, R> note(String note) {
            this.note = note;
            return this;
        }

        public Builder<D, R> csvExample(String csvExample) {
            this.csvExample = csvExample;
            return this;
        }

        /** The query answered for the one asked, e.g. with a dimension that comes with another. */
        public Builder<D, R> prepare(UnaryOperator<StatQuery<D>> prepare) {
            this.prepare = Objects.requireNonNull(prepare);
            return this;
        }

        /** The refresh answer tells how long the snapshot took (its store is {@link SnapshotStore#timed}). */
        public Builder<D, R> timed() {
            this.timed = true;
            return this;
        }

        public StatPublication<D, R> build() {
            for (Object required : Arrays.asList(subject, path, schemaPrefix, refreshSchema, what, exampleMonth, note,
                    csvExample, zero)) {
                Objects.requireNonNull(required, "A publication declares its subject, path, schemas, examples, note,"
                        + " CSV example and zero total");
            }
            if (figures.isEmpty()) {
                throw new IllegalArgumentException("A publication has at least one figure");
            }
            return new StatPublication<>(this);
        }
    }
}
