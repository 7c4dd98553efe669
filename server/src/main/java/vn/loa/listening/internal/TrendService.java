package vn.loa.listening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.loa.listening.ListeningOverview.StoryRow;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostsImported;
import vn.loa.listening.PostsReanalysed;
import vn.loa.listening.Trends;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.keywords.KeywordExtractor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * Trends from the hourly roll-ups (topics, policy domains, agencies, places) and, for keywords, from the posts: the
 * keywords that stand out in the last 24 hours (log-likelihood against the background corpus) are
 * followed back 28 days. Every series is fitted with {@link HoltWinters} on the hours before the last
 * 24; the burst is how far those 24 hours stand above what the model expected, in standard
 * deviations of the expected sum. Results are kept for two minutes or until posts arrive.
 */
@Service
class TrendService implements Trends {

    static final int HISTORY_HOURS = 28 * 24;
    static final int RECENT_HOURS = 24;
    static final int FORECAST_HOURS = 72;
    static final double MIN_BURST = 2.0;
    static final int MIN_OBSERVED = 5;
    private static final Duration KEEP = Duration.ofMinutes(2);
    /** Which series leads an issue that several rose with: what it is about before the words it used. */
    private static final List<String> LEAD_ORDER = List.of("agency", "domain", "topic", "place", "keyword");

    private record Raw(double[] posts, double[] negative) {
    }

    private record Computed(Instant at, Instant computedAt, Map<String, Raw> series, Map<String, Double> bursts,
            List<Issue> emerging) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JdbcListeningOverview names;
    private final KeywordExtractor keywords;
    private final Map<String, Computed> cache = new ConcurrentHashMap<>();
    /**
     * Counts imports: a result computed while an import ended (it may have read part of the
     * import's posts or roll-ups) is not kept, so the cache never outlives the data it was read from.
     */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    TrendService(JdbcClient jdbc, Clock clock, JdbcListeningOverview names, TextAnalyzer analyzer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.names = names;
        this.keywords = KeywordExtractor.standard(analyzer.segmenter());
    }

    @EventListener
    void on(PostsImported event) {
        generation.incrementAndGet();
        cache.clear();
    }

    /** Relabelled posts change the series of topics and domains. */
    @EventListener
    void on(PostsReanalysed event) {
        generation.incrementAndGet();
        cache.clear();
    }

    @Override
    public List<Issue> emerging(ListeningScope scope, String language) {
        return compute(scope, language).emerging();
    }

    @Override
    public Report report(ListeningScope scope, String language) {
        Computed computed = compute(scope, language);
        List<Series> series = computed.emerging().stream()
                .map(issue -> series(scope, issue.dimension(), issue.value(), language)).toList();
        return new Report(computed.at(), computed.emerging(), series);
    }

    @Override
    public Series series(ListeningScope scope, String dimension, String value, String language) {
        if (!DIMENSIONS.contains(dimension)) {
            throw new InvalidInput("dimension", "listening.trends.dimension");
        }
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new InvalidInput("value", "listening.trends.value");
        }
        Computed computed = compute(scope, language);
        Raw raw = computed.series().get(dimension + "|" + value);
        if (raw == null) {
            raw = dimension.equals("keyword") ? keywordSeries(scope, List.of(value), computed.at()).get(value)
                    : new Raw(new double[HISTORY_HOURS], new double[HISTORY_HOURS]);
            if (raw == null) {
                raw = new Raw(new double[HISTORY_HOURS], new double[HISTORY_HOURS]);
            }
        }
        Instant start = computed.at().minus(HISTORY_HOURS, ChronoUnit.HOURS);
        List<Point> history = new ArrayList<>();
        for (int h = HISTORY_HOURS - 14 * 24; h < HISTORY_HOURS; h++) {
            history.add(new Point(start.plus(h, ChronoUnit.HOURS), raw.posts()[h], null, null));
        }
        Map<LocalDate, Double> days = new LinkedHashMap<>();
        for (int h = 0; h < HISTORY_HOURS; h++) {
            days.merge(start.plus(h, ChronoUnit.HOURS).atZone(LocalTime.ZONE).toLocalDate(), raw.posts()[h], Double::sum);
        }
        List<Point> daily = new ArrayList<>();
        days.forEach((day, count) -> daily.add(new Point(day.atStartOfDay(LocalTime.ZONE).toInstant(), count, null, null)));
        HoltWinters model = HoltWinters.fit(raw.posts());
        HoltWinters.Forecast forecast = model.forecast(HISTORY_HOURS, FORECAST_HOURS);
        List<Point> ahead = new ArrayList<>();
        for (int h = 0; h < FORECAST_HOURS; h++) {
            double expected = forecast.expected()[h];
            ahead.add(new Point(computed.at().plus(h, ChronoUnit.HOURS), round(expected),
                    round(Math.max(0, expected - forecast.halfWidth()[h])), round(expected + forecast.halfWidth()[h])));
        }
        double burst = computed.bursts().getOrDefault(dimension + "|" + value, burst(raw.posts()));
        return new Series(dimension, value, name(dimension, value, language), history, daily, ahead, forecast.season(),
                round(burst));
    }

    private Computed compute(ListeningScope scope, String language) {
        String key = scope.key() + "|" + scope.restricted() + "|" + language;
        Instant now = clock.instant();
        Instant at = ZonedDateTime.ofInstant(now, LocalTime.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
        Computed cached = cache.get(key);
        if (cached != null && cached.at().equals(at) && cached.computedAt().plus(KEEP).isAfter(now)) {
            return cached;
        }
        long before = generation.get();
        Computed computed = computeNow(scope, language, at);
        if (generation.get() == before) {
            cache.put(key, computed);
            if (generation.get() != before) {
                cache.remove(key, computed);
            }
        }
        return computed;
    }

    private Computed computeNow(ListeningScope scope, String language, Instant at) {
        Instant start = at.minus(HISTORY_HOURS, ChronoUnit.HOURS);
        Map<String, Raw> series = new HashMap<>();
        jdbc.sql("SELECT dim, val, hour, sum(posts), sum(negative) FROM post_hourly WHERE scope = ? "
                + "AND dim IN ('topic', 'domain', 'agency', 'place') AND hour >= ? AND hour < ?"
                + (scope.restricted() ? "" : " AND NOT restricted") + " GROUP BY dim, val, hour")
                .params(scope.key(), Timestamp.from(start), Timestamp.from(at)).query(rs -> {
                    Raw raw = series.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2),
                            k -> new Raw(new double[HISTORY_HOURS], new double[HISTORY_HOURS]));
                    int h = (int) ChronoUnit.HOURS.between(start, rs.getTimestamp(3).toInstant());
                    raw.posts()[h] += rs.getLong(4);
                    raw.negative()[h] += rs.getLong(5);
                });
        if (scope.agency() != null) {
            series.remove("agency|" + scope.agency()); // in an agency's scope, its own series is the whole
        }
        List<String> candidates = keywordCandidates(scope, at);
        keywordSeries(scope, candidates, at).forEach((term, raw) -> series.put("keyword|" + term, raw));
        Map<String, Double> bursts = new HashMap<>();
        List<Issue> emerging = new ArrayList<>();
        for (Map.Entry<String, Raw> entry : series.entrySet()) {
            double[] posts = entry.getValue().posts();
            long observed = 0;
            long negative = 0;
            for (int h = HISTORY_HOURS - RECENT_HOURS; h < HISTORY_HOURS; h++) {
                observed += (long) posts[h];
                negative += (long) entry.getValue().negative()[h];
            }
            if (observed < MIN_OBSERVED) {
                continue;
            }
            double[] baseline = java.util.Arrays.copyOf(posts, HISTORY_HOURS - RECENT_HOURS);
            HoltWinters model = HoltWinters.fit(baseline);
            HoltWinters.Forecast forecast = model.forecast(baseline.length, RECENT_HOURS);
            double expected = 0;
            for (double e : forecast.expected()) {
                expected += e;
            }
            double burst = burstScore(observed, expected, model.sigma(), baseline);
            bursts.put(entry.getKey(), burst);
            // "other" is the absence of a policy domain, not an issue anyone can answer for
            if (burst < MIN_BURST || entry.getKey().equals("domain|other")) {
                continue;
            }
            double total = 0;
            for (double b : baseline) {
                total += b;
            }
            double negativeShare = (double) negative / observed;
            String[] parts = entry.getKey().split("\\|", 2);
            emerging.add(new Issue(parts[0], parts[1], name(parts[0], parts[1], language), round(burst), observed,
                    round(expected), round(total / ((HISTORY_HOURS - RECENT_HOURS) / 24.0)), round(negativeShare),
                    round(burst * (0.5 + negativeShare)), List.of(), List.of()));
        }
        emerging.sort(Comparator.comparingDouble(Issue::score).reversed().thenComparing(Issue::value));
        // issues carried by the same leading story are one issue: the agency, topic or place it is about,
        // with the keywords and other series that rose with it
        List<Issue> withStories = emerging.stream().limit(40)
                .map(issue -> new Issue(issue.dimension(), issue.value(), issue.name(), issue.burst(), issue.observed(),
                        issue.expected(), issue.baselinePerDay(), issue.negativeShare(), issue.score(),
                        stories(scope, issue.dimension(), issue.value(), at), List.of()))
                .toList();
        Map<Long, List<Issue>> byStory = new LinkedHashMap<>();
        List<Issue> top = new ArrayList<>();
        for (Issue issue : withStories) {
            long lead = issue.stories().isEmpty() || issue.stories().get(0).story() == 0 ? -top.size() - 1
                    : issue.stories().get(0).story();
            byStory.computeIfAbsent(lead, k -> new ArrayList<>()).add(issue);
        }
        for (List<Issue> group : byStory.values()) {
            Issue lead = group.stream().min(Comparator.comparingInt((Issue i) -> LEAD_ORDER.indexOf(i.dimension()))
                    .thenComparing(Comparator.comparingDouble(Issue::score).reversed())).orElseThrow();
            double score = group.stream().mapToDouble(Issue::score).max().orElse(lead.score());
            List<Related> related = group.stream().filter(i -> i != lead)
                    .map(i -> new Related(i.dimension(), i.value(), i.name(), i.burst())).toList();
            top.add(new Issue(lead.dimension(), lead.value(), lead.name(), lead.burst(), lead.observed(), lead.expected(),
                    lead.baselinePerDay(), lead.negativeShare(), score, lead.stories(), related));
        }
        top.sort(Comparator.comparingDouble(Issue::score).reversed().thenComparing(Issue::value));
        top = top.stream().limit(15).toList();
        return new Computed(at, clock.instant(), series, bursts, top);
    }

    /**
     * The burst of the last 24 hours: observed minus expected, over the standard deviation of the
     * expected sum. The deviation is at least that of a Poisson count of the expected size, so that a
     * quiet series does not burst on a handful of posts.
     */
    static double burstScore(double observed, double expected, double sigma, double[] baseline) {
        double mean = 0;
        for (double b : baseline) {
            mean += b;
        }
        mean = mean / baseline.length * RECENT_HOURS;
        double spread = Math.max(sigma * Math.sqrt(RECENT_HOURS), Math.sqrt(Math.max(expected, Math.max(mean, 1))));
        return (observed - expected) / spread;
    }

    private static double burst(double[] posts) {
        double[] baseline = java.util.Arrays.copyOf(posts, HISTORY_HOURS - RECENT_HOURS);
        HoltWinters model = HoltWinters.fit(baseline);
        double expected = 0;
        for (double e : model.forecast(baseline.length, RECENT_HOURS).expected()) {
            expected += e;
        }
        double observed = 0;
        for (int h = HISTORY_HOURS - RECENT_HOURS; h < HISTORY_HOURS; h++) {
            observed += posts[h];
        }
        return burstScore(observed, expected, model.sigma(), baseline);
    }

    /** The keywords that stand out in the last 24 hours of the scope. */
    private List<String> keywordCandidates(ListeningScope scope, Instant at) {
        List<Object> params = new ArrayList<>();
        String where = scopeFilter(scope, params);
        params.add(0, Timestamp.from(at.minus(RECENT_HOURS, ChronoUnit.HOURS)));
        List<String> texts = jdbc.sql("SELECT text FROM post p WHERE p.published_at >= ?" + where
                + " ORDER BY p.published_at DESC LIMIT 5000").params(params).query(String.class).list();
        if (texts.size() < MIN_OBSERVED) {
            return List.of();
        }
        return keywords.extract(texts, 12, Math.max(MIN_OBSERVED, texts.size() / 100)).stream()
                .map(KeywordExtractor.Keyword::term).filter(term -> term.length() >= 3).toList();
    }

    /** The hourly series of posts containing each keyword (case-insensitive, on the normalised text). */
    private Map<String, Raw> keywordSeries(ListeningScope scope, List<String> terms, Instant at) {
        Map<String, Raw> series = new LinkedHashMap<>();
        if (terms.isEmpty()) {
            return series;
        }
        Instant start = at.minus(HISTORY_HOURS, ChronoUnit.HOURS);
        String[] patterns = terms.stream().map(t -> "%" + t.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%").toArray(String[]::new);
        List<Object> params = new ArrayList<>();
        params.add(patterns);
        params.add(Timestamp.from(start));
        params.add(Timestamp.from(at));
        String where = scopeFilter(scope, params);
        for (String term : terms) {
            series.put(term, new Raw(new double[HISTORY_HOURS], new double[HISTORY_HOURS]));
        }
        jdbc.sql("SELECT k.i, date_trunc('hour', p.published_at), count(*), count(*) FILTER (WHERE p.sentiment = 'negative') "
                + "FROM post p JOIN unnest(?::text[]) WITH ORDINALITY AS k(pattern, i) ON lower(p.normalized_text) LIKE k.pattern "
                + "WHERE p.published_at >= ? AND p.published_at < ?" + where + " GROUP BY 1, 2")
                .params(params).query(rs -> {
                    Raw raw = series.get(terms.get(rs.getInt(1) - 1));
                    int h = (int) ChronoUnit.HOURS.between(start, rs.getTimestamp(2).toInstant());
                    if (h >= 0 && h < HISTORY_HOURS) {
                        raw.posts()[h] += rs.getLong(3);
                        raw.negative()[h] += rs.getLong(4);
                    }
                });
        return series;
    }

    /** The largest stories of the last 24 hours behind an issue. */
    private List<StoryRow> stories(ListeningScope scope, String dimension, String value, Instant at) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(at.minus(RECENT_HOURS, ChronoUnit.HOURS)));
        String condition = switch (dimension) {
            case "topic" -> " AND p.topic = ?";
            case "domain" -> " AND p.domain = ?";
            case "agency" -> " AND p.agencies @> ARRAY[?]::text[]";
            case "place" -> " AND p.places @> ARRAY[?]::text[]";
            default -> " AND lower(p.normalized_text) LIKE ?";
        };
        params.add(dimension.equals("keyword") ? "%" + value.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" : value);
        String where = scopeFilter(scope, params);
        List<long[]> rows = jdbc.sql("""
                SELECT coalesce(p.story_id, -p.id), count(*) AS posts, count(*) FILTER (WHERE p.sentiment = 'negative'),
                       count(*) FILTER (WHERE p.toxicity <> 'CLEAN'), min(p.id), min(p.published_at), max(p.published_at)
                FROM post p WHERE p.published_at >= ?""" + condition + where
                + " GROUP BY 1 ORDER BY posts DESC, 1 LIMIT 3").params(params)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getTimestamp(6).getTime(), rs.getTimestamp(7).getTime()}).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> texts = new HashMap<>();
        jdbc.sql("SELECT id, left(text, 300) FROM post WHERE id = ANY(?)").param(rows.stream().map(r -> r[4]).toArray(Long[]::new))
                .query(rs -> {
                    texts.put(rs.getLong(1), rs.getString(2));
                });
        return rows.stream().map(r -> new StoryRow(Math.max(0, r[0]), r[1], r[2], r[3], texts.get(r[4]),
                Instant.ofEpochMilli(r[5]), Instant.ofEpochMilli(r[6]))).toList();
    }

    /** Appends the scope's conditions on {@code p} and their parameters. */
    private static String scopeFilter(ListeningScope scope, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (scope.agency() != null) {
            where.append(" AND p.agencies @> ARRAY[?]::text[]");
            params.add(scope.agency());
        }
        if (!scope.restricted()) {
            where.append(" AND p.platform NOT IN ('HOTLINE', 'OFFICE')");
        }
        return where.toString();
    }

    private String name(String dimension, String value, String language) {
        return switch (dimension) {
            case "agency" -> names.agencyName(value, LocalDate.ofInstant(clock.instant(), LocalTime.ZONE), language);
            case "place" -> names.placeName(value);
            case "keyword" -> value;
            default -> null;
        };
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
