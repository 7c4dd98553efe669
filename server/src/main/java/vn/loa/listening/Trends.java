package vn.loa.listening;

import java.time.Instant;
import java.util.List;

/**
 * Trends and forecasts of what is said: hourly and daily series per topic, policy domain, agency,
 * place and keyword with a forecast of the next 72 hours and its 95% interval; and the emerging issues: what is
 * new in the last 30 minutes, hour or day against the same hours of the 28 days before, merged into one issue per
 * burst, ranked by how far it stands above normal and how negative it is.
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
     * An issue that is emerging: posts that share what is new (words or a story that were rare before), merged
     * from every fragment of one burst, with its facets.
     *
     * @param key what identifies the issue while it lasts (its strongest word and first post); stable enough to
     *     follow an issue from one computation to the next, not an identifier to store
     * @param words what is new in it, strongest first (up to five words or pairs of words): its title
     * @param dimension the series to chart for it: keyword (its strongest word), or topic, domain, agency or place
     *     for an issue found only as a rise of that series
     * @param value the series' value (the word, topic code, domain, agency code or place id)
     * @param name the agency's or place's name, or the word; null for topics and domains (the bundles name them)
     * @param windowMinutes the shortest window in which it stands out: 30, 60 or 1440 minutes
     * @param recent its posts in that window
     * @param expected the posts a normal day has for it in that window at this hour (the 28 days before)
     * @param growth recent over expected (capped at 100: "almost never seen before")
     * @param observed its posts in the last 24 hours (reposts counted: every voice)
     * @param authors distinct authors of those posts
     * @param storyCount distinct stories among them
     * @param firstSeen its first post in the last 24 hours
     * @param negativeShare the share of negative posts among its citizens' comments (0 when it has none): the tone of
     *     news reports is not public opinion
     * @param comments how many of its posts are citizens' comments
     * @param burst how far the window stands above normal, in standard deviations of a count of that size
     * @param score the rank: burst weighted by negativity
     * @param agency the agency that answers for it (the one most of its posts are routed to), or null
     * @param places the places it names, most named first
     * @param domain its policy domain, or null when none dominates
     * @param topic its news topic, or null when none dominates
     * @param examples three posts that show what is new (untrusted text)
     * @param stories its largest stories
     * @param postIds its posts in the last 24 hours, newest first (at most 500)
     * @param related the series that rose with it (its agency, places, domain, topic)
     * @param coverage a case (open or answered) that already covers it, or null
     * @param sharedPassage how many of its posts repeat one passage that most of them share, each adding only a few
     *     words of their own (as a story's page counts them): one text passed around, not that many opinions; counted
     *     among its first {@link Stories#PASSAGE_POSTS} posts
     */
    record Issue(String key, List<String> words, String dimension, String value, String name, int windowMinutes,
            long recent, double expected, double growth, long observed, long authors, long storyCount, Instant firstSeen,
            double negativeShare, long comments, double burst, double score, Facet agency, List<Facet> places,
            String domain,
            String topic, List<Example> examples, List<ListeningOverview.StoryRow> stories, List<Long> postIds,
            List<Related> related, Coverage coverage, long sharedPassage) {

        /** The same issue with another coverage (as one reader may see it). */
        public Issue withCoverage(Coverage shown) {
            return new Issue(key, words, dimension, value, name, windowMinutes, recent, expected, growth, observed, authors,
                    storyCount, firstSeen, negativeShare, comments, burst, score, agency, places, domain, topic, examples,
                    stories, postIds, related, shown, sharedPassage);
        }

        /** The title: its words, joined. */
        public String title() {
            return String.join(", ", words);
        }
    }

    /** An agency or place an issue is about, with its name and how many of the issue's posts name it. */
    record Facet(String code, String name, long posts) {
    }

    /** A post that shows what an issue is about (text untrusted). */
    record Example(long id, Instant publishedAt, String platform, String author, String sentiment, String text) {
    }

    /** A series that rose with an issue. */
    record Related(String dimension, String value, String name, double burst) {
    }

    /**
     * What is already being done about an issue: a case of the misinformation desk that holds its posts or stories.
     *
     * @param caseId the case; 0 when {@link #withheld}
     * @param status the case's status (an enum name of the desk; pages show it through the bundles); null when
     *        {@link #withheld}
     * @param answered whether the case's answer is published
     * @param claim the case's claim, as the desk wrote it; null when the reader may not open the case
     * @param opens whether the reader may open the case (a page names and links it only then)
     */
    record Coverage(long caseId, String status, boolean answered, String claim, boolean opens) {

        public Coverage(long caseId, String status, boolean answered, String claim) {
            this(caseId, status, answered, claim, true);
        }

        /**
         * A case the reader may not open, as they are told of it: that the matter is being handled, and nothing of the
         * case (its number and status would be a hint they cannot follow, and the case page is not found for them).
         */
        public static Coverage withheld(boolean answered) {
            return new Coverage(0, null, answered, null, false);
        }
    }

    /**
     * Finds what already covers an issue. Implemented by the modules that act on posts (the misinformation desk), so
     * that listening does not depend on them.
     */
    interface CoverageLookup {

        /** The case that holds the most of these stories or posts, preferring open ones; null when none. */
        Coverage covering(List<Long> storyIds, List<Long> postIds);

        /** Whether the user may open the case, by the case page's rule. */
        boolean opens(long caseId, vn.loa.identity.SignedInUser user);

        /**
         * The case that holds the most of these stories or posts, as the user may see it: the case itself when they
         * may open it, else {@link Coverage#withheld}; null when none.
         */
        default Coverage covering(List<Long> storyIds, List<Long> postIds, vn.loa.identity.SignedInUser user) {
            Coverage found = covering(storyIds, postIds);
            return found == null || opens(found.caseId(), user) ? found : Coverage.withheld(found.answered());
        }
    }

    /**
     * A series with its forecast.
     *
     * @param history the last 14 days, hour by hour
     * @param daily the last 28 days, day by day (Vietnam's days, whole but for today, counted so far)
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

    /**
     * The emerging issues of a scope, highest score first, as last computed: a result a minute old, or
     * read before the last import, is served while it is computed again in the background (for pages).
     */
    List<Issue> emerging(ListeningScope scope, String language);

    /**
     * The emerging issues of a scope as they stand now, for decisions such as alerts: a result a minute
     * old, or read before the last import, is computed again first.
     */
    List<Issue> emergingNow(ListeningScope scope, String language);

    /**
     * A series with its forecast; an unknown dimension is refused, a value that does not exist (a topic, domain,
     * agency or place Loa does not know) is not found.
     */
    Series series(ListeningScope scope, String dimension, String value, String language);

    /** The emerging issues and the series of each. */
    Report report(ListeningScope scope, String language);
}
