package org.psi.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.psi.common.api.Problem;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.domain.RegionCode;
import org.psi.common.stats.FieldDoc;
import org.psi.common.stats.GroupingDimension;
import org.psi.common.stats.StatCsv;
import org.psi.common.stats.StatFigure;
import org.psi.common.stats.StatPublication;

/**
 * Documents every statistics endpoint of the application from its {@link StatPublication} (each
 * static field of that type in the application is one), at build time:
 * <ul>
 *   <li>the schemas {@code <prefix>Statistics}, {@code <prefix>Cell} and {@code <prefix>Total} of its
 *       answer, the refresh answer's and those its figures refer to; a cell's dimension fields as the
 *       {@code @Schema} annotations of the service's dimension constants describe them;</li>
 *   <li>its GET operation: the examples of the parameters and what {@code groupBy} takes, and the
 *       responses 200 (JSON and CSV), 400, 401 and 403;</li>
 *   <li>the refresh beside it ({@code POST .../refresh}): the responses 200, 401 and 403.</li>
 * </ul>
 * A response the resource documents with a body of its own is left as it is. An operation the
 * publication names but the application lacks fails the build.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StatisticsDocumentFilter implements OASFilter {

    private static final DotName PUBLICATION = DotName.createSimple(StatPublication.class.getName());
    private static final String JSON = "application/json";

    private final List<StatPublication<?, ?>> publications;

    public StatisticsDocumentFilter(IndexView index) {
        this.publications = find(index);
    }

    /** Every static {@link StatPublication} field of the indexed classes. */
    static List<StatPublication<?, ?>> find(IndexView index) {
        List<StatPublication<?, ?>> found = new ArrayList<>();
        for (ClassInfo c : index.getKnownClasses()) {
            for (FieldInfo f : c.fields()) {
                if (Modifier.isStatic(f.flags()) && f.type().name().equals(PUBLICATION)) {
                    found.add(read(c.name().toString(), f.name()));
                }
            }
        }
        return found;
    }

    private static StatPublication<?, ?> read(String className, String fieldName) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Field f = Class.forName(className, true, loader != null ? loader : StatisticsDocumentFilter.class.getClassLoader())
                    .getDeclaredField(fieldName);
            f.setAccessible(true);
            return (StatPublication<?, ?>) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the statistics publication " + className + "." + fieldName, e);
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (StatPublication<?, ?> p : publications) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            openAPI.getComponents().addSchema(p.answerSchema(), answer(p));
            openAPI.getComponents().addSchema(p.cellSchema(), row(p, true));
            openAPI.getComponents().addSchema(p.totalSchema(), row(p, false));
            openAPI.getComponents().addSchema(p.refreshSchema(), refreshed(p));
            p.schemas().forEach((name, doc) -> openAPI.getComponents().addSchema(name, schema(doc)));
            documentQuery(operation(openAPI, p.path(), PathItem.HttpMethod.GET), p);
            documentRefresh(operation(openAPI, p.refreshPath(), PathItem.HttpMethod.POST), p);
        }
    }

    private static Operation operation(OpenAPI openAPI, String path, PathItem.HttpMethod method) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(path);
        Operation op = item == null ? null : item.getOperations().get(method);
        if (op == null) {
            throw new IllegalStateException("A statistics publication names " + method + " " + path + ", which the application lacks");
        }
        return op;
    }

    private static void documentQuery(Operation op, StatPublication<?, ?> p) {
        String month = p.exampleMonth().toString();
        String groupBy = Arrays.stream(p.dimensions().getEnumConstants()).map(GroupingDimension::apiName)
                .collect(Collectors.joining(", "));
        GroupingDimension[] dims = p.dimensions().getEnumConstants();
        for (Parameter param : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
            switch (param.getName()) {
                case "month", "to" -> month(param.example(month));
                case "from" -> month(param.example(p.exampleMonth().withMonth(1).toString()));
                case "region" -> {
                    if (param.getSchema() != null) {
                        param.getSchema().maxLength(RegionCode.LENGTH).pattern(RegionCode.PATTERN);
                    }
                }
                // repeated (?groupBy=region&groupBy=direction) or comma-separated in one (?groupBy=region,direction);
                // a dimension named twice is refused, so there are at most as many values as dimensions
                case "groupBy" -> {
                    param.description("Any of " + groupBy + "; repeated, or comma-separated in one")
                            .example(p.exampleGroupBy().stream().map(GroupingDimension::apiName).toList());
                    if (param.getSchema() != null && param.getSchema().getItems() != null) {
                        param.getSchema().maxItems(dims.length).getItems().maxLength(
                                Arrays.stream(dims).mapToInt(d -> d.apiName().length() + 1).sum() - 1);
                    }
                }
                default -> { }
            }
        }
        Content figures = OASFactory.createContent()
                .addMediaType(JSON, OASFactory.createMediaType().schema(ref(p.answerSchema())))
                .addMediaType(StatCsv.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING).maxLength(StatCsv.MAX_LENGTH))
                        .addExample("csv", OASFactory.createExample().value(p.csvExample())));
        APIResponses responses = responses(op);
        standard(responses, "200", OASFactory.createAPIResponse().description("The figures").content(figures));
        standard(responses, "400", problem("Missing or malformed month, from/to, groupBy or region; a future month; a range over the limit;"
                + " an answer of more than " + StatPublication.MAX_CELLS + " cells"));
        standard(responses, "401", OASFactory.createAPIResponse().description("No valid token"));
        standard(responses, "403", problem("Not an auditor or officer, or a region outside the officer's"));
        sort(responses);
    }

    private static void documentRefresh(Operation op, StatPublication<?, ?> p) {
        APIResponses responses = responses(op);
        standard(responses, "200", OASFactory.createAPIResponse().description("The new figures' time and size")
                .content(OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType().schema(ref(p.refreshSchema())))));
        standard(responses, "401", OASFactory.createAPIResponse().description("No valid token"));
        standard(responses, "403", problem("Not an admin"));
        sort(responses);
    }

    private static APIResponses responses(Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        return op.getResponses();
    }

    /** Puts a response unless the resource documents one with a body of its own (a schema, not a placeholder). */
    private static void standard(APIResponses responses, String status, APIResponse response) {
        APIResponse own = responses.getAPIResponse(status);
        boolean documented = own != null && own.getContent() != null && own.getContent().getMediaTypes().values().stream()
                .anyMatch(m -> m.getSchema() != null && (m.getSchema().getRef() != null || m.getSchema().getType() != null));
        if (!documented) {
            responses.addAPIResponse(status, response);
        }
    }

    private static void sort(APIResponses responses) {
        responses.setAPIResponses(new LinkedHashMap<>(new TreeMap<>(responses.getAPIResponses())));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(ref("Problem"))));
    }

    private static Schema answer(StatPublication<?, ?> p) {
        String month = p.exampleMonth().toString();
        Schema s = OASFactory.createSchema().addType(SchemaType.OBJECT);
        s.addProperty("asOf", described(ref("Instant").addType(SchemaType.STRING).maxLength(BoundsFilter.INSTANT_MAX_LENGTH),
                p.description("asOf")));
        s.addProperty("from", monthText(p.exampleMonth().withMonth(1).toString()));
        s.addProperty("to", monthText(month));
        s.addProperty("region", described(text("530000").addType(SchemaType.NULL).maxLength(RegionCode.LENGTH).pattern(RegionCode.PATTERN),
                p.description("region")));
        s.addProperty("groupBy", described(dimensionNames(p, p.exampleGroupBy()), p.description("groupBy")));
        s.addProperty("threshold", described(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                .examples(List.of(10)), p.description("threshold")));
        s.addProperty("multiValued", described(dimensionNames(p, p.exampleMultiValued()), p.description("multiValued")));
        s.addProperty("additive", described(OASFactory.createSchema().addType(SchemaType.BOOLEAN), p.description("additive")));
        s.addProperty("note", OASFactory.createSchema().addType(SchemaType.STRING).maxLength(p.note().length()));
        s.addProperty("cells", OASFactory.createSchema().addType(SchemaType.ARRAY).maxItems(StatPublication.MAX_CELLS)
                .items(ref(p.cellSchema())));
        // one total a month of the range
        s.addProperty("totals", OASFactory.createSchema().addType(SchemaType.ARRAY).maxItems(StatisticsConfig.MAX_MONTHS)
                .items(ref(p.totalSchema())));
        return s;
    }

    /** A cell's or a total's schema: month, (a cell's) dimensions, counts, suppressed, details. */
    private static Schema row(StatPublication<?, ?> p, boolean cell) {
        String what = p.what();
        Schema s = OASFactory.createSchema().addType(SchemaType.OBJECT).description(cell
                ? Character.toUpperCase(what.charAt(0)) + what.substring(1)
                        + " for one combination of the grouped dimensions in one month; only the grouped dimensions are present"
                : "All " + what + " of the scope in one month");
        s.addProperty("month", monthText(p.exampleMonth().toString()));
        if (cell) {
            for (GroupingDimension d : p.dimensions().getEnumConstants()) {
                s.addProperty(d.apiName(), dimension(p.dimensions(), d));
            }
        }
        for (StatFigure<?> f : p.figures()) {
            if (!f.isDetail()) {
                s.addProperty(f.name(), schema(cell ? f.cellDoc() : f.totalDoc()));
            }
        }
        s.addProperty("suppressed", OASFactory.createSchema().addType(SchemaType.BOOLEAN).examples(List.of(false)));
        for (StatFigure<?> f : p.figures()) {
            if (f.isDetail()) {
                s.addProperty(f.name(), schema(cell ? f.cellDoc() : f.totalDoc()));
            }
        }
        return s;
    }

    /** A dimension's field, as the {@code @Schema} annotation of its constant describes it. */
    private static Schema dimension(Class<?> dimensions, GroupingDimension d) {
        Schema s = OASFactory.createSchema().addType(SchemaType.STRING);
        org.eclipse.microprofile.openapi.annotations.media.Schema doc;
        try {
            doc = dimensions.getField(d.name()).getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        if (doc != null) {
            if (!doc.description().isEmpty()) {
                s.description(doc.description());
            }
            if (!doc.example().isEmpty()) {
                s.examples(List.of(doc.example()));
            }
            if (doc.enumeration().length > 0) {
                s.enumeration(List.of((Object[]) doc.enumeration()));
            }
            if (doc.maxLength() != Integer.MAX_VALUE) {
                s.maxLength(doc.maxLength());
            }
            if (!doc.pattern().isEmpty()) {
                s.pattern(doc.pattern());
            }
        }
        return s;
    }

    private static Schema refreshed(StatPublication<?, ?> p) {
        Schema s = OASFactory.createSchema().addType(SchemaType.OBJECT);
        s.addProperty("asOf", ref("Instant"));
        s.addProperty("throughMonth", monthText("2026-05"));
        s.addProperty("cells", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"));
        s.addProperty("suppressed", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"));
        s.addProperty("fullyAudited", OASFactory.createSchema().addType(SchemaType.BOOLEAN).description(
                "false when a group of withheld cells was too large for the exact-recovery audit (the line rule still applies)"));
        if (p.timed()) {
            s.addProperty("tookMillis", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64")
                    .description("How long the computation took, in milliseconds").examples(List.of(5400)));
        }
        return s;
    }

    /** The schema of a {@link FieldDoc}. */
    static Schema schema(FieldDoc doc) {
        Schema s = OASFactory.createSchema();
        if (doc.type() != null) {
            s.addType(SchemaType.valueOf(doc.type().toUpperCase(Locale.ROOT)));
        }
        if (doc.nullable()) {
            s.addType(SchemaType.NULL);
        }
        if ("array".equals(doc.type())) {
            s.items(ref(doc.ref()));
            if (doc.maxItems() != null) {
                s.maxItems(doc.maxItems());
            }
        } else if (doc.ref() != null) {
            s.ref(doc.ref());
        }
        if (doc.format() != null) {
            s.format(doc.format());
        }
        if (doc.description() != null) {
            s.description(doc.description());
        }
        if (doc.example() != null) {
            s.examples(List.of(doc.example()));
        }
        if (doc.fields() != null) {
            for (Map.Entry<String, FieldDoc> f : doc.fields().entrySet()) {
                s.addProperty(f.getKey(), schema(f.getValue()));
            }
        }
        return s;
    }

    private static Schema ref(String schema) {
        return OASFactory.createSchema().ref(schema);
    }

    private static Schema text(String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).examples(List.of(example));
    }

    /** A month, {@code YYYY-MM}. */
    private static Schema monthText(String example) {
        return text(example).pattern(BoundsFilter.MONTH_PATTERN).maxLength(BoundsFilter.MONTH_LENGTH);
    }

    /** A month parameter: the same bounds as {@link org.psi.common.domain.Periods#month} checks. */
    private static void month(Parameter param) {
        if (param.getSchema() != null) {
            param.getSchema().pattern(BoundsFilter.MONTH_PATTERN).maxLength(BoundsFilter.MONTH_LENGTH);
        }
    }

    /** Names of the publication's dimensions, each at most once (as text: the dimensions are the publication's, not the schema's). */
    private static Schema dimensionNames(StatPublication<?, ?> p, List<? extends GroupingDimension> example) {
        GroupingDimension[] dims = p.dimensions().getEnumConstants();
        return OASFactory.createSchema().addType(SchemaType.ARRAY).maxItems(dims.length)
                .items(OASFactory.createSchema().addType(SchemaType.STRING)
                        .maxLength(Arrays.stream(dims).mapToInt(d -> d.apiName().length()).max().orElse(0)))
                .examples(List.of(example.stream().map(GroupingDimension::apiName).toList()));
    }

    private static Schema described(Schema s, String description) {
        return description == null ? s : s.description(description);
    }

    private static String apiNames(List<? extends GroupingDimension> dims, String separator) {
        return dims.stream().map(GroupingDimension::apiName).collect(Collectors.joining(separator));
    }
}
