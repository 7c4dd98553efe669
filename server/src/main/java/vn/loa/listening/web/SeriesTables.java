package vn.loa.listening.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.loa.listening.Trends;
import vn.loa.platform.web.Formats;

/**
 * The body of a series' table on the trends page: 14 days hour by hour, then the 72 hours of the forecast with
 * their interval, about 400 rows whose cells the chart also reads ({@code data-value}).
 *
 * <p>Made here once per series and language rather than by the template on every request: a series is kept by
 * the trends until their next computation (the same object is served meanwhile), and the template's ten
 * expressions a row were three quarters of the page's server time with a million posts (docs/benchmarks.md).
 * Every text is a date or a number formatted by {@link Formats}, and is escaped all the same.
 */
@Component
@ConditionalOnWebApplication
class SeriesTables {

    /** Tables kept: the province's and each agency's charted series in two languages, with room to spare. */
    static final int KEPT = 128;

    private final Formats formats;
    private final Map<Key, String> bodies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > KEPT;
        }
    };

    SeriesTables(Formats formats) {
        this.formats = formats;
    }

    /** The rows ({@code <tr>…</tr>}) of the series' table in the page's language. */
    String rows(Trends.Series series) {
        Key key = new Key(series, LocaleContextHolder.getLocale());
        synchronized (bodies) {
            String kept = bodies.get(key);
            if (kept != null) {
                return kept;
            }
        }
        String made = make(series);
        synchronized (bodies) {
            bodies.put(key, made);
        }
        return made;
    }

    private String make(Trends.Series series) {
        StringBuilder html = new StringBuilder(series.history().size() * 120 + series.forecast().size() * 200);
        for (Trends.Point p : series.history()) {
            html.append("<tr><th scope=\"row\">").append(escape(formats.dateTime(p.at()))).append("</th>");
            cell(html, p.value(), 0);
            html.append("<td></td><td></td><td></td></tr>\n");
        }
        for (Trends.Point p : series.forecast()) {
            html.append("<tr class=\"forecast\"><th scope=\"row\">").append(escape(formats.dateTime(p.at()))).append("</th><td></td>");
            cell(html, p.value(), 1);
            cell(html, p.low(), 1);
            cell(html, p.high(), 1);
            html.append("</tr>\n");
        }
        return html.toString();
    }

    /** A cell with the number in the page's language, and as the chart reads it; empty when there is none. */
    private void cell(StringBuilder html, Double value, int digits) {
        if (value == null) {
            html.append("<td></td>");
            return;
        }
        html.append("<td data-value=\"").append(escape(value.toString())).append("\">")
                .append(escape(formats.decimal(value, digits))).append("</td>");
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
