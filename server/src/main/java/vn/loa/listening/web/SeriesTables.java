package vn.loa.listening.web;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.loa.listening.Trends;
import vn.loa.shared.LocalTime;

/**
 * The body of a series' table on the trends page: 14 days hour by hour, then the 72 hours of the forecast with
 * their interval, about 400 rows whose cells the chart also reads ({@code data-value}).
 *
 * <p>Made here once per series and language rather than by the template on every request: a series is kept by
 * the trends until their next computation (the same object is served meanwhile), and the template's ten
 * expressions a row were three quarters of the page's server time with a million posts (docs/benchmarks.md).
 * Every text is a date ({@code dd/MM/yyyy HH:mm} in Asia/Ho_Chi_Minh) or a number in the page's language, as the
 * templates' {@code @fmt} writes them, and is escaped all the same.
 */
@Component
@ConditionalOnWebApplication
class SeriesTables {

    /** Tables kept: the province's and each agency's charted series in two languages, with room to spare. */
    static final int KEPT = 128;

    private final Map<Key, String> bodies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > KEPT;
        }
    };

    /** The rows ({@code <tr>…</tr>}) of the series' table in the page's language. */
    String rows(Trends.Series series) {
        Locale locale = LocaleContextHolder.getLocale();
        Key key = new Key(series, locale);
        synchronized (bodies) {
            String kept = bodies.get(key);
            if (kept != null) {
                return kept;
            }
        }
        String made = make(series, locale);
        synchronized (bodies) {
            bodies.put(key, made);
        }
        return made;
    }

    private static String make(Trends.Series series, Locale locale) {
        NumberFormat whole = decimals(locale, 0);
        NumberFormat tenths = decimals(locale, 1);
        StringBuilder html = new StringBuilder(series.history().size() * 120 + series.forecast().size() * 200);
        for (Trends.Point p : series.history()) {
            html.append("<tr><th scope=\"row\">").append(escape(LocalTime.format(p.at()))).append("</th>");
            cell(html, p.value(), whole);
            html.append("<td></td><td></td><td></td></tr>\n");
        }
        for (Trends.Point p : series.forecast()) {
            html.append("<tr class=\"forecast\"><th scope=\"row\">").append(escape(LocalTime.format(p.at()))).append("</th><td></td>");
            cell(html, p.value(), tenths);
            cell(html, p.low(), tenths);
            cell(html, p.high(), tenths);
            html.append("</tr>\n");
        }
        return html.toString();
    }

    /** At most {@code digits} decimals, trailing zeros dropped, in the language: 2,5 in Vietnamese, 2.5 in English. */
    private static NumberFormat decimals(Locale locale, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(digits);
        return format;
    }

    /** A cell with the number in the page's language, and as the chart reads it; empty when there is none. */
    private static void cell(StringBuilder html, Double value, NumberFormat format) {
        if (value == null) {
            html.append("<td></td>");
            return;
        }
        html.append("<td data-value=\"").append(escape(value.toString())).append("\">")
                .append(escape(format.format(value))).append("</td>");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** A series by identity (the same object while the trends keep it) and the page's language. */
    private record Key(Trends.Series series, Locale locale) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.series == series && key.locale.equals(locale);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(series) + locale.hashCode();
        }
    }
}
