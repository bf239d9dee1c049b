package org.psi.common.i18n;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * The languages PSI answers in: English (the default) and Simplified Chinese. The request's
 * {@code Accept-Language} picks one: its ranges in order of preference (q-values respected, q=0
 * never chosen), the first that PSI has wins: {@code zh}, {@code zh-CN}, {@code zh-SG} and
 * {@code zh-Hans...} are Chinese, {@code en...} and {@code *} English; a range PSI has not (zh-TW,
 * fr, ...) is skipped; no header, a malformed one or none that PSI has: English.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);
    /**
     * The longest {@code Accept-Language} a request can carry: the HTTP server's limit on all the
     * header fields of a request together ({@code quarkus.http.limits.max-header-size}, 20K by
     * default; a request over it is refused with 431), the only bound of this header.
     */
    public static final int HEADER_MAX = 20 * 1024;

    private Languages() {
    }

    public static Locale of(HttpHeaders headers) {
        return headers == null ? ENGLISH : of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The language of an {@code Accept-Language} value (null: English). */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) {
                continue;
            }
            String range = r.getRange();
            if (range.equals("zh") || range.equals("zh-cn") || range.equals("zh-sg")
                    || range.equals("zh-hans") || range.startsWith("zh-hans-") || range.startsWith("zh-cn-")) {
                return CHINESE;
            }
            if (range.equals("*") || range.equals("en") || range.startsWith("en-")) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }
}
