package vn.loa.listening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.loa.listening.Trends;

class SeriesTablesUnitTests {

    private final SeriesTables tables = new SeriesTables();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void historyThenForecastRowsInThePagesLanguageWithTheValuesTheChartReads() {
        LocaleContextHolder.setLocale(Locale.of("vi"));
        String rows = tables.rows(series());
        // 1 March 2026 03:00 UTC is 10:00 in Vietnam; the forecast's interval is formatted with one decimal
        assertThat(rows).isEqualTo("""
                <tr><th scope="row">01/03/2026 10:00</th><td data-value="1234.0">1.234</td><td></td><td></td><td></td></tr>
                <tr class="forecast"><th scope="row">01/03/2026 11:00</th><td></td><td data-value="12.26">12,3</td>\
                <td data-value="2.5">2,5</td><td></td></tr>
                """);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(tables.rows(series())).contains("<td data-value=\"1234.0\">1,234</td>", "<td data-value=\"12.26\">12.3</td>");
    }

    @Test
    void aSeriesServedAgainIsNotFormattedAgainButAnotherComputationIs() {
        LocaleContextHolder.setLocale(Locale.of("vi"));
        Trends.Series kept = series();
        String first = tables.rows(kept);
        assertThat(tables.rows(kept)).isSameAs(first);
        // an equal series from another computation is another object: its rows are made again, equal
        String again = tables.rows(series());
        assertThat(again).isNotSameAs(first).isEqualTo(first);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(tables.rows(kept)).isNotEqualTo(first);
    }

    private static Trends.Series series() {
        Instant at = Instant.parse("2026-03-01T03:00:00Z");
        return new Trends.Series("agency", "SYT", "Sở Y tế",
                List.of(new Trends.Point(at, 1234, null, null)), List.of(),
                List.of(new Trends.Point(at.plusSeconds(3600), 12.26, 2.5, null)), 168, 1.5);
    }
}
