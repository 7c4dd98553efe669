package vn.loa.listening;

import java.time.Instant;
import java.util.List;

/**
 * Trends and forecasts of what is said: hourly and daily series per topic, policy domain, agency,
 * place and keyword; a burst score against each series' own baseline (Holt-Winters with a weekly season of
 * hours, so both the daily and the weekly rhythm); a forecast of the next 72 hours with a 95%
 * interval; and the emerging issues, ranked by burst and negativity, each explained.
 */
public interface Trends {

    /** The dimensions a series can follow. */
    List<String> DIMENSIONS = List.of("topic", "domain", "agency", "place", "keyword");

    /**
     * One hour of a series: what was seen, or for the future, what is expected and the 95% interval.
     */
    record Point(Instant at, double value, Double low, Double high) {
    }

    /**
     * An issue that is growing.
     *
     * @param dimension topic, domain, agency, place or keyword
     * @param value the topic code, policy domain, agency code, place id or keyword
     * @param name what to call it (null for topics and domains, which the message bundles name)
     * @param burst how far the last 24 hours stand above the forecast from the baseline, in standard deviations
     * @param observed posts in the last 24 hours
     * @param expected posts the baseline expected in those 24 hours
     * @param baselinePerDay the average posts per day before them
     * @param negativeShare the share of negative posts in the last 24 hours
     * @param score the rank: burst weighted by negativity
     * @param stories the largest stories of the last 24 hours behind it
     * @param related other series that rose with the same leading story (shown with it, not as issues of their own)
     */
    record Issue(String dimension, String value, String name, double burst, long observed, double expected,
            double baselinePerDay, double negativeShare, double score, List<ListeningOverview.StoryRow> stories,
            List<Related> related) {
    }

    /** A series that rose with an issue. */
    record Related(String dimension, String value, String name, double burst) {
    }

    /**
     * A series with its forecast.
     *
     * @param history the last 14 days, hour by hour
     * @param daily the last 28 days, day by day (Vietnam's days)
     * @param forecast the next 72 hours, with the 95% interval
     * @param season the season the model used, in hours (168: daily and weekly rhythm; 24: daily only)
     */
    record Series(String dimension, String value, String name, List<Point> history, List<Point> daily,
            List<Point> forecast, int season, double burst) {
    }

    /**
     * What {@code GET /api/v1/trends} answers.
     *
     * @param at the hour the trends were computed up to
     * @param emerging the emerging issues, highest score first
     * @param series the series asked for (each emerging issue's, when none is named)
     */
    record Report(Instant at, List<Issue> emerging, List<Series> series) {
    }

    /** The emerging issues of a scope, highest score first. */
    List<Issue> emerging(ListeningScope scope, String language);

    /** A series with its forecast; an unknown dimension is refused. */
    Series series(ListeningScope scope, String dimension, String value, String language);

    /** The emerging issues and the series of each. */
    Report report(ListeningScope scope, String language);
}
