package org.psi.common.stats;

import java.util.List;

/**
 * CSV for open-data publishing of statistics (RFC 4180: a header row, comma separated, CRLF line
 * ends, fields quoted when they hold a comma, quote or line break).
 *
 * <p>A withheld figure is written as {@value #SUPPRESSED_MARKER}, never as 0 or an empty field, so a
 * reader cannot mistake it for a count; an empty field means "not applicable". Totals carry
 * {@value #TOTAL} in the columns of the dimensions they total over.
 */
public final class StatCsv {

    public static final String MEDIA_TYPE = "text/csv";
    /** What a withheld figure is written as. */
    public static final String SUPPRESSED_MARKER = "x";
    /** The value of a dimension column in a total row. */
    public static final String TOTAL = "TOTAL";
    /**
     * The longest CSV answer, in characters: a row a cell or a total (at most
     * {@link StatPublication#MAX_CELLS} and {@link org.psi.common.config.StatisticsConfig#MAX_MONTHS}),
     * each under 1,024 characters (a month, a few codes, a few numbers), and the header.
     */
    public static final int MAX_LENGTH = (StatPublication.MAX_CELLS + org.psi.common.config.StatisticsConfig.MAX_MONTHS + 1) * 1024;

    /** Stands for a withheld figure in a row. */
    public enum Marker {
        SUPPRESSED
    }

    private StatCsv() {
    }

    /** A count or sum as published: the value, or {@link Marker#SUPPRESSED} when withheld. */
    public static Object figure(Long value, boolean suppressed) {
        return suppressed ? Marker.SUPPRESSED : value;
    }

    /**
     * Renders a header and rows. A row value may be a {@link String}, a {@link Number},
     * {@link Marker#SUPPRESSED} or null (written empty).
     */
    public static String render(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (List<?> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("A row has " + row.size() + " fields; the header has " + header.size());
            }
            line(out, row);
        }
        if (out.length() > MAX_LENGTH) {
            throw new IllegalStateException("A CSV answer of " + out.length() + " characters, over " + MAX_LENGTH);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value == Marker.SUPPRESSED) {
            return SUPPRESSED_MARKER;
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            // a text field a spreadsheet would run as a formula
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
