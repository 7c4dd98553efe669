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
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.loa.listening.ListeningOverview.StoryRow;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostLabels;
import vn.loa.listening.PostsImported;
import vn.loa.listening.PostsReanalysed;
import vn.loa.listening.Trends;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.classify.Prediction;
import vn.loa.nlp.keywords.KeywordExtractor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;
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
    /** After this, a result is still served while a new one is computed in the background. */
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrendService.class);
    private static final Duration KEEP = Duration.ofMinutes(1);
    /** Which series leads an issue that several rose with: what it is about before the words it used. */
    private static final List<String> LEAD_ORDER = List.of("agency", "domain", "topic", "place", "keyword");

    record Raw(double[] posts, double[] negative) {
    }

    /**
     * One computation of a scope, shared by both languages: the issues named in Vietnamese and in English (any other
     * language reads Vietnamese), and the forecasts of its series, fitted once when first charted.
     */
    private record Computed(Instant at, Instant computedAt, long generation, Map<String, Raw> series, Map<String, Double> bursts,
            Map<String, List<Issue>> named, Map<String, Series> charted) {

        List<Issue> emerging(String language) {
            return named.get("en".equals(language) ? "en" : "vi");
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JdbcListeningOverview names;
    private final KeywordExtractor keywords;
    private final ObjectProvider<Trends.CoverageLookup> coverageLookup;
    private final Map<String, Computed> cache = new ConcurrentHashMap<>();
    /**
     * Counts imports: a result computed while an import ended (it may have read part of the
     * import's posts or roll-ups) is not kept, so the cache never outlives the data it was read from.
     */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    /** The computations running, by scope and generation: requests that need the same one share it. */
    private final Map<String, java.util.concurrent.CompletableFuture<Computed>> running = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService computing = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "loa-trends");
        thread.setDaemon(true);
        return thread;
    });

    TrendService(JdbcClient jdbc, Clock clock, JdbcListeningOverview names, TextAnalyzer analyzer,
            ObjectProvider<Trends.CoverageLookup> coverageLookup) {
        this.jdbc = jdbc;
        this.coverageLookup = coverageLookup;
        this.clock = clock;
        this.names = names;
        this.keywords = KeywordExtractor.standard(analyzer.segmenter());
    }

    @EventListener
    void on(PostsImported event) {
        generation.incrementAndGet();
    }

    /** Relabelled posts change the series of topics and domains. */
    @EventListener
    void on(PostsReanalysed event) {
        generation.incrementAndGet();
    }

    @Override
    public List<Issue> emerging(ListeningScope scope, String language) {
        return compute(scope).emerging(language);
    }

    @Override
    public List<Issue> emergingNow(ListeningScope scope, String language) {
        String key = scope.key() + "|" + scope.restricted();
        Instant now = clock.instant();
        long current = generation.get();
        Computed cached = cache.get(key);
        if (cached != null && cached.generation() == current && cached.at().equals(hourEnd(now))
                && cached.computedAt().plus(KEEP).isAfter(now)) {
            return cached.emerging(language);
        }
        // a computation running now may have started at an earlier time: this one starts from now
        Computed computed = computeNow(scope, hourEnd(now), now, current);
        cache.merge(key, computed, (old, fresh) -> fresh.generation() > old.generation()
                || fresh.generation() == old.generation() && !fresh.computedAt().isBefore(old.computedAt()) ? fresh : old);
        return computed.emerging(language);
    }

    @Override
    public Report report(ListeningScope scope, String language) {
        Computed computed = compute(scope);
        List<Issue> emerging = computed.emerging(language);
        List<Series> series = emerging.stream().map(issue -> series(scope, issue.dimension(), issue.value(), language))
                .toList();
        return new Report(computed.at(), emerging, series);
    }

    @Override
    public Series series(ListeningScope scope, String dimension, String value, String language) {
        if (!DIMENSIONS.contains(dimension)) {
            // the dimensions by the names the pages give them, in the reader's language, not their codes
            throw new InvalidInput("dimension", "listening.trends.dimension", DIMENSIONS.stream()
                    .map(d -> new org.springframework.context.support.DefaultMessageSourceResolvable(
                            new String[] {"trends.dimension." + d}, d)).toArray());
        }
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new InvalidInput("value", "listening.trends.value");
        }
        Computed computed = compute(scope);
        if (!computed.series().containsKey(dimension + "|" + value)) {
            // asked for by hand (a link edited, a value typed): a topic, domain, agency or place nobody has would
            // chart zero under its raw code
            if (!exists(dimension, value)) {
                throw new NotFound(dimension, value);
            }
            return chart(scope, dimension, value, language, computed); // not kept
        }
        String lang = "en".equals(language) ? "en" : "vi";
        return computed.charted().computeIfAbsent(dimension + "|" + value + "|" + lang,
                k -> chart(scope, dimension, value, lang, computed));
    }

    /** A series of a computation with its forecast. */
    private Series chart(ListeningScope scope, String dimension, String value, String language, Computed computed) {
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
        // the counted hours seldom begin at midnight: the day they begin in is left out rather than shown whole with
        // only its last hours' posts
        LocalDate first = start.atZone(LocalTime.ZONE).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? start.atZone(LocalTime.ZONE).toLocalDate() : start.atZone(LocalTime.ZONE).toLocalDate().plusDays(1);
        for (int h = 0; h < HISTORY_HOURS; h++) {
            LocalDate day = start.plus(h, ChronoUnit.HOURS).atZone(LocalTime.ZONE).toLocalDate();
            if (!day.isBefore(first)) {
                days.merge(day, raw.posts()[h], Double::sum);
            }
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

    /**
     * The trends of a scope. A result computed since the last posts arrived is served as it is; once older than a
     * minute (or of an earlier hour) it is still served while a new one is computed in the background, so pages do
     * not wait for it. When posts arrived since (or there is none yet), the caller waits for a new computation,
     * shared with every other caller that needs the same one.
     */
    private Computed compute(ListeningScope scope) {
        String key = scope.key() + "|" + scope.restricted();
        Instant now = clock.instant();
        long current = generation.get();
        Computed cached = cache.get(key);
        if (cached != null && cached.generation() == current) {
            if (!cached.at().equals(hourEnd(now)) || !cached.computedAt().plus(KEEP).isAfter(now)) {
                start(key, scope, current);
            }
            return cached;
        }
        try {
            return start(key, scope, current).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private java.util.concurrent.CompletableFuture<Computed> start(String key, ListeningScope scope, long current) {
        String job = key + "#" + current;
        return running.computeIfAbsent(job, k -> {
            java.util.concurrent.CompletableFuture<Computed> future = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                Instant now = clock.instant();
                long began = System.nanoTime();
                Computed computed = computeNow(scope, hourEnd(now), now, current);
                log.debug("Trends of scope {} computed in {} ms", key, (System.nanoTime() - began) / 1_000_000);
                cache.merge(key, computed, (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old);
                return computed;
            }, computing);
            future.whenComplete((computed, error) -> running.remove(job));
            return future;
        });
    }

    private static Instant hourEnd(Instant now) {
        return ZonedDateTime.ofInstant(now, LocalTime.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
    }

    /** The emerging issues as they stand at a given moment, not kept (for tests that replay a day). */
    List<Issue> emergingAt(ListeningScope scope, String language, Instant now) {
        return computeNow(scope, hourEnd(now), now, generation.get()).emerging(language);
    }

    private Computed computeNow(ListeningScope scope, Instant at, Instant now, long generation) {
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
        // in an agency's scope its own series is the whole scope: charted when asked for (an alert about the agency
        // links to it), but never an issue of its own, as it rises with every issue of the agency
        String own = scope.agency() == null ? null : "agency|" + scope.agency();
        Map<String, Double> bursts = new HashMap<>();
        Map<String, double[]> expectedOf = new HashMap<>(); // per series: expected and observed posts of the last 24 h
        for (Map.Entry<String, Raw> entry : series.entrySet()) {
            if (entry.getKey().equals(own)) {
                continue;
            }
            double[] posts = entry.getValue().posts();
            long observed = 0;
            for (int h = HISTORY_HOURS - RECENT_HOURS; h < HISTORY_HOURS; h++) {
                observed += (long) posts[h];
            }
            if (observed < MIN_OBSERVED) {
                continue;
            }
            double[] baseline = java.util.Arrays.copyOf(posts, HISTORY_HOURS - RECENT_HOURS);
            Expectation expectation = expectation(scope, entry.getKey(), baseline);
            double expected = expectation.expected();
            bursts.put(entry.getKey(), burstScore(observed, expected, expectation.sigma(), baseline));
            expectedOf.put(entry.getKey(), new double[] {expected, observed});
        }
        List<IssueFinder.RecentPost> recent = recentPosts(scope, now);
        IssueFinder.Baseline baseline = baseline(scope, now);
        Map<IssueFinder.Found, String> seriesOf = new java.util.IdentityHashMap<>();
        List<IssueFinder.Found> found = new ArrayList<>(IssueFinder.find(recent, baseline, now));
        // a series that rose with no new word of its own is an issue of its own, titled by what sets its posts apart
        Set<Long> inIssues = new HashSet<>();
        found.forEach(f -> f.posts().forEach(p -> inIssues.add(p.id())));
        List<String> rising = bursts.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_BURST && !e.getKey().equals("domain|other"))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20).map(Map.Entry::getKey).toList();
        Map<String, List<IssueFinder.RecentPost>> membersOf = members(recent, rising);
        for (String key : rising) {
            List<IssueFinder.RecentPost> members = membersOf.get(key);
            long covered = members.stream().filter(p -> inIssues.contains(p.id())).count();
            // a series whose rise (its posts above normal) is mostly the posts of issues found is one of their facets
            double excess = members.size() - expectedOf.get(key)[0];
            if (members.size() >= MIN_OBSERVED && covered < 0.5 * Math.max(excess, 1)) {
                IssueFinder.Found issue = IssueFinder.ofSeries(members, baseline, expectedOf.get(key)[0], bursts.get(key));
                found.add(issue);
                seriesOf.put(issue, key);
                members.forEach(p -> inIssues.add(p.id()));
            }
        }
        found.sort(Comparator.comparingDouble(IssueFinder.Found::score).reversed());
        List<IssueFinder.Found> top = found.stream().limit(15).toList();
        // what an issue is (its stories, the case that covers it) is read once; only its names differ by language
        List<Facts> facts = top.stream().map(this::facts).toList();
        Map<String, List<Issue>> named = new HashMap<>();
        for (String language : List.of("vi", "en")) {
            List<Issue> issues = new ArrayList<>();
            for (int i = 0; i < top.size(); i++) {
                issues.add(issue(scope, top.get(i), facts.get(i), seriesOf.get(top.get(i)), bursts, language));
            }
            named.put(language, List.copyOf(issues));
        }
        // the series of the issues' words, read in one pass, so that charting an issue reads nothing more
        List<String> words = named.get("vi").stream().filter(issue -> issue.dimension().equals("keyword")).map(Issue::value)
                .filter(word -> !word.isBlank()).distinct().toList();
        keywordSeries(scope, words, at).forEach((word, raw) -> series.put("keyword|" + word, raw));
        // stamped with the moment it was computed as of, not the moment it ended: the clock may have moved meanwhile
        return new Computed(at, now, generation, series, bursts, Map.copyOf(named), new ConcurrentHashMap<>());
    }

    /** What a series' model expects of the last 24 hours, fitted on the hours before them. */
    private record Expectation(double[] baseline, double expected, double sigma) {
    }

    /**
     * Fitted models by scope and series: the hours before the last 24 are the same for an hour (and whenever no post
     * arrives for them), so the fit is kept while its input is unchanged, compared value by value.
     */
    private final Map<String, Expectation> expectations = new ConcurrentHashMap<>();

    private Expectation expectation(ListeningScope scope, String series, double[] baseline) {
        String key = scope.key() + "|" + scope.restricted() + "|" + series;
        Expectation kept = expectations.get(key);
        if (kept != null && java.util.Arrays.equals(kept.baseline(), baseline)) {
            return kept;
        }
        HoltWinters model = HoltWinters.fit(baseline);
        double expected = 0;
        for (double e : model.forecast(baseline.length, RECENT_HOURS).expected()) {
            expected += e;
        }
        Expectation fresh = new Expectation(baseline, expected, model.sigma());
        if (expectations.size() > 20_000) {
            expectations.clear(); // a bound, not a policy: the next computation fits again
        }
        expectations.put(key, fresh);
        return fresh;
    }

    /** The posts of each series named ({@code dimension|value}), in one pass, in the order given. */
    private static Map<String, List<IssueFinder.RecentPost>> members(List<IssueFinder.RecentPost> recent, List<String> keys) {
        Map<String, List<IssueFinder.RecentPost>> members = new HashMap<>();
        keys.forEach(key -> members.put(key, new ArrayList<>()));
        for (IssueFinder.RecentPost post : recent) {
            post.agencies().forEach(agency -> addMember(members, "agency|" + agency, post));
            post.places().forEach(place -> addMember(members, "place|" + place, post));
            if (post.topic() != null) {
                addMember(members, "topic|" + post.topic(), post);
            }
            if (post.domain() != null) {
                addMember(members, "domain|" + post.domain(), post);
            }
        }
        return members;
    }

    private static void addMember(Map<String, List<IssueFinder.RecentPost>> members, String key, IssueFinder.RecentPost post) {
        List<IssueFinder.RecentPost> list = members.get(key);
        if (list != null && (list.isEmpty() || list.get(list.size() - 1) != post)) {
            list.add(post);
        }
    }

    /** An issue as pages and the API show it: names, stories, the series that rose with it, what covers it. */
    /** What an issue is whatever the language: its posts, its stories, and the case or statement that covers it. */
    private record Facts(List<Long> postIds, List<StoryRow> stories, Coverage coverage, long sharedPassage) {
    }

    private Facts facts(IssueFinder.Found found) {
        List<Long> postIds = found.posts().stream().limit(500).map(IssueFinder.RecentPost::id).toList();
        List<StoryRow> stories = stories(found.posts().stream().map(IssueFinder.RecentPost::id).toList());
        Coverage coverage = null;
        Trends.CoverageLookup lookup = coverageLookup.getIfAvailable();
        if (lookup != null && !postIds.isEmpty()) {
            List<Long> mainStories = stories.stream().filter(s -> s.story() > 0 && s.posts() * 3 >= found.posts().size())
                    .map(StoryRow::story).toList();
            coverage = lookup.covering(mainStories, postIds);
        }
        return new Facts(postIds, stories, coverage, sharedPassage(found.posts()));
    }

    /**
     * How many of an issue's posts repeat one passage most of them share, among its first
     * {@link vn.loa.listening.Stories#PASSAGE_POSTS} (as a story's page counts them, on whole texts): read once per
     * computation of the issues, not per page.
     */
    private long sharedPassage(List<IssueFinder.RecentPost> posts) {
        if (posts.size() < 3) {
            return 0;
        }
        Long[] first = posts.stream().sorted(java.util.Comparator.comparing(IssueFinder.RecentPost::at)
                .thenComparingLong(IssueFinder.RecentPost::id)).limit(vn.loa.listening.Stories.PASSAGE_POSTS)
                .map(IssueFinder.RecentPost::id).toArray(Long[]::new);
        return SharedPassage.repeats(jdbc.sql("SELECT text FROM post WHERE id = ANY(?) ORDER BY published_at, id")
                .param(first).query(String.class).list());
    }

    private Issue issue(ListeningScope scope, IssueFinder.Found found, Facts facts, String seriesKey,
            Map<String, Double> bursts, String language) {
        List<Long> postIds = facts.postIds();
        List<StoryRow> stories = facts.stories();
        String dimension;
        String value;
        if (seriesKey != null) {
            String[] parts = seriesKey.split("\\|", 2);
            dimension = parts[0];
            value = parts[1];
        } else {
            dimension = "keyword";
            value = found.words().isEmpty() ? "" : found.words().get(0);
        }
        List<Related> related = new ArrayList<>();
        List<String> facets = new ArrayList<>();
        if (found.agency() != null && !found.agency().equals(scope.agency())) {
            facets.add("agency|" + found.agency());
        }
        found.places().forEach(p -> facets.add("place|" + p));
        if (found.domain() != null) {
            facets.add("domain|" + found.domain());
        }
        if (found.topic() != null) {
            facets.add("topic|" + found.topic());
        }
        for (String facet : facets) {
            if (facet.equals(seriesKey)) {
                continue;
            }
            String[] parts = facet.split("\\|", 2);
            related.add(new Related(parts[0], parts[1], name(parts[0], parts[1], language), round(bursts.getOrDefault(facet, 0.0))));
        }
        Facet agency = found.agency() == null ? null : new Facet(found.agency(), name("agency", found.agency(), language),
                found.posts().stream().filter(p -> p.agencies().contains(found.agency())).count());
        List<Facet> places = found.places().stream().map(p -> new Facet(p, name("place", p, language),
                found.posts().stream().filter(post -> post.places().contains(p)).count())).toList();
        List<Example> examples = found.examples().stream().map(p -> new Example(p.id(), p.at(), p.platform(), p.author(),
                p.sentiment(), p.text())).toList();
        Coverage coverage = facts.coverage();
        String key = value + "|" + found.posts().stream().mapToLong(IssueFinder.RecentPost::id).min().orElse(0);
        return new Issue(key, found.words(), dimension, value, name(dimension, value, language), found.windowMinutes(),
                found.recent(), round(found.expected()), round(found.growth()), found.posts().size(), found.authors(),
                found.stories(), found.firstSeen(), round(found.negativeShare()), found.comments(), round(found.burst()),
                round(found.score()),
                agency, places, found.domain(), found.topic(), examples, stories, postIds, related, coverage,
                facts.sharedPassage());
    }

    /** The posts of the last 24 hours of a scope, newest first (at most 20,000), with their terms. */
    private List<IssueFinder.RecentPost> recentPosts(ListeningScope scope, Instant now) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(now.minus(RECENT_HOURS, ChronoUnit.HOURS)));
        params.add(Timestamp.from(now));
        String where = scopeFilter(scope, params);
        return jdbc.sql("SELECT p.id, p.published_at, p.author, p.story_id, p.sentiment, p.agencies, p.places, p.topic, "
                + "p.domain, p.platform, left(p.text, 400), left(p.normalized_text, 400), p.register FROM post p "
                + "WHERE p.published_at >= ? AND p.published_at <= ?"
                + where + " ORDER BY p.published_at DESC, p.id DESC LIMIT 20000").params(params)
                .query((rs, row) -> {
                    long id = rs.getLong(1);
                    String text = rs.getString(11);
                    // words from the normal form: teencode and tone marks made standard ("ko" is "không", a stop word)
                    Map<Long, String> terms = termsOf(id, rs.getString(12) == null ? text : rs.getString(12));
                    return new IssueFinder.RecentPost(id, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(13), strings(rs.getArray(6)), strings(rs.getArray(7)),
                            rs.getString(8),
                            rs.getString(9), rs.getString(10), text, terms.keySet(), terms);
                }).list();
    }

    private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** A post's terms; a post's text does not change, so they are kept for the posts seen lately. */
    private Map<Long, String> termsOf(long id, String text) {
        synchronized (termCache) {
            Map<Long, String> terms = termCache.get(id);
            if (terms != null) {
                return terms;
            }
        }
        Map<Long, String> terms = Map.copyOf(keywords.termsOf(text));
        synchronized (termCache) {
            termCache.put(id, terms);
        }
        return terms;
    }

    private final Map<Long, Map<Long, String>> termCache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<Long, String>> eldest) {
            return size() > 60_000;
        }
    };

    private record KeptBaseline(Instant hour, IssueFinder.Baseline baseline) {
    }

    private final Map<String, KeptBaseline> baselines = new ConcurrentHashMap<>();

    /**
     * What normal looks like for a scope: the terms of up to 8,000 posts spread over the 28 days before the last 24
     * hours, and the posts a normal day has in the last 30 minutes, hour and day at this time of day. Kept for an hour
     * (the 28 days change little in an hour); the volumes are read every time.
     */
    private IssueFinder.Baseline baseline(ListeningScope scope, Instant now) {
        String key = scope.key() + "|" + scope.restricted();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = now.minus(HISTORY_HOURS, ChronoUnit.HOURS);
        Instant to = now.minus(RECENT_HOURS, ChronoUnit.HOURS);
        double[] volume = volume(scope, now);
        KeptBaseline kept = baselines.get(key);
        if (kept == null || !kept.hour().equals(hour)) {
            List<Object> countParams = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
            String scoped = scopeFilter(scope, countParams);
            long total = jdbc.sql("SELECT count(*) FROM post p WHERE p.published_at >= ? AND p.published_at < ?" + scoped)
                    .params(countParams).query(Long.class).single();
            long step = Math.max(1, (total + 7_999) / 8_000);
            List<Object> sampleParams = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to), step));
            String sampled = scopeFilter(scope, sampleParams);
            Map<Long, Integer> frequency = new HashMap<>();
            int[] documents = {0};
            jdbc.sql("SELECT p.id, left(coalesce(p.normalized_text, p.text), 400) FROM post p "
                    + "WHERE p.published_at >= ? AND p.published_at < ? "
                    + "AND p.id % ? = 0" + sampled + " LIMIT 8000").params(sampleParams).query(rs -> {
                        documents[0]++;
                        for (long term : keywords.termsOf(rs.getString(2)).keySet()) {
                            frequency.merge(term, 1, Integer::sum);
                        }
                    });
            kept = new KeptBaseline(hour, new IssueFinder.Baseline(documents[0], frequency, new double[0],
                    keywords::backgroundShare));
            baselines.put(key, kept);
        }
        IssueFinder.Baseline cached = kept.baseline();
        return new IssueFinder.Baseline(cached.documents(), cached.documentFrequency(), volume, cached.background());
    }

    /**
     * A scope's posts by minute of publication over the last four weeks, kept between computations:
     * counted from scratch once an hour and in between brought up to date from the posts stored since
     * (those with a higher id).
     */
    private static final class KeptVolume {
        final long countedHour;
        long upToId;
        /** Epoch minute to posts. */
        final Map<Long, int[]> byMinute = new HashMap<>();

        KeptVolume(long countedHour) {
            this.countedHour = countedHour;
        }

        /** Posts published in the minutes {@code [from, to)}. */
        long between(long from, long to) {
            long total = 0;
            for (long m = from; m < to; m++) {
                int[] count = byMinute.get(m);
                total += count == null ? 0 : count[0];
            }
            return total;
        }
    }

    private final Map<String, KeptVolume> volumes = new ConcurrentHashMap<>();

    /**
     * How many posts the 27 days before today saw, on average, in the 30 minutes, the hour and the day
     * before this time of day: the normal volume the issue finder weighs the last half hour, hour and day
     * against. Counted to the minute.
     */
    double[] volume(ListeningScope scope, Instant now) {
        String key = scope.key() + "|" + scope.restricted();
        long nowMinute = Math.floorDiv(now.getEpochSecond(), 60);
        long firstMinute = nowMinute - 28 * 1440;
        synchronized (wordSeriesLocks.computeIfAbsent(key, k -> new Object())) {
            KeptVolume kept = volumes.get(key);
            long hour = Math.floorDiv(nowMinute, 60);
            if (kept == null || kept.countedHour != hour) {
                kept = new KeptVolume(hour);
                volumes.put(key, kept);
            }
            long newest = jdbc.sql("SELECT coalesce(max(id), 0) FROM post").query(Long.class).single();
            if (kept.upToId < newest) {
                List<Object> params = new ArrayList<>(List.of(kept.upToId, newest, Timestamp.from(Instant.ofEpochSecond(firstMinute * 60))));
                String where = scopeFilter(scope, params);
                KeptVolume counting = kept;
                jdbc.sql("SELECT date_trunc('minute', p.published_at), count(*) FROM post p WHERE p.id > ? AND p.id <= ? "
                        + "AND p.published_at >= ?" + where + " GROUP BY 1").params(params).query(rs -> {
                            counting.byMinute.computeIfAbsent(rs.getTimestamp(1).toInstant().getEpochSecond() / 60, m -> new int[1])[0]
                                    += rs.getInt(2);
                        });
                kept.upToId = newest;
            }
            kept.byMinute.keySet().removeIf(m -> m < firstMinute);
            double[] volume = new double[IssueFinder.WINDOWS.length];
            for (int d = 1; d <= 27; d++) {
                long end = nowMinute - d * 1440L;
                for (int w = 0; w < IssueFinder.WINDOWS.length; w++) {
                    volume[w] += kept.between(end - IssueFinder.WINDOWS[w], end);
                }
            }
            for (int w = 0; w < volume.length; w++) {
                volume[w] /= 27.0;
            }
            return volume;
        }
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

    /**
     * The hourly counts of posts holding a word in a scope, kept between computations: counted from
     * scratch once an hour, and in between brought up to date from the posts stored since (those with a
     * higher id), whatever their publication time. A post committed after posts with higher ids (two
     * imports at once) or relabelled meanwhile is counted right at the next hour's count.
     */
    private static final class KeptWordSeries {
        final long countedHour;
        long upToId;
        /** Epoch hour to {posts, negative posts}. */
        final Map<Long, long[]> byHour = new HashMap<>();

        KeptWordSeries(long countedHour) {
            this.countedHour = countedHour;
        }
    }

    private final Map<String, KeptWordSeries> wordSeries = new ConcurrentHashMap<>();
    private final Map<String, Object> wordSeriesLocks = new ConcurrentHashMap<>();

    /**
     * The hourly series of posts containing each keyword (case-insensitive, on the normalised text),
     * the last hour being the one that ends at {@code at}. A word's posts are looked for in the whole
     * window (a scan of four weeks of posts) once an hour; in between only new posts are read.
     */
    Map<String, Raw> keywordSeries(ListeningScope scope, List<String> terms, Instant at) {
        Map<String, Raw> series = new LinkedHashMap<>();
        if (terms.isEmpty()) {
            return series;
        }
        // the last hour is the one that ends at (or, for a time within an hour, holds) `at`, as in the roll-up series
        long hourNow = Math.floorDiv(at.getEpochSecond() - 1, 3600);
        long firstHour = hourNow - HISTORY_HOURS + 1;
        String scopeKey = scope.key() + "|" + scope.restricted();
        synchronized (wordSeriesLocks.computeIfAbsent(scopeKey, k -> new Object())) {
            long newest = jdbc.sql("SELECT coalesce(max(id), 0) FROM post").query(Long.class).single();
            if (wordSeries.size() > 5_000) {
                wordSeries.clear(); // a bound, not a policy: the words asked for next are counted again
            }
            Map<Long, List<String>> byMark = new java.util.TreeMap<>();
            Map<String, KeptWordSeries> kept = new HashMap<>();
            for (String term : terms) {
                String key = scopeKey + "|" + term;
                KeptWordSeries words = wordSeries.get(key);
                if (words == null || words.countedHour != hourNow) {
                    words = new KeptWordSeries(hourNow);
                    wordSeries.put(key, words);
                }
                kept.put(term, words);
                if (words.upToId < newest) {
                    byMark.computeIfAbsent(words.upToId, m -> new ArrayList<>()).add(term);
                }
            }
            byMark.forEach((mark, marked) -> countWords(scope, marked, kept, mark, newest, firstHour));
            for (String term : terms) {
                KeptWordSeries words = kept.get(term);
                words.upToId = Math.max(words.upToId, newest);
                words.byHour.keySet().removeIf(hour -> hour < firstHour);
                double[] posts = new double[HISTORY_HOURS];
                double[] negative = new double[HISTORY_HOURS];
                words.byHour.forEach((hour, counts) -> {
                    int h = (int) (hour - firstHour);
                    if (h < HISTORY_HOURS) {
                        posts[h] = counts[0];
                        negative[h] = counts[1];
                    }
                });
                series.put(term, new Raw(posts, negative));
            }
        }
        return series;
    }

    /** Adds to the kept counts of these words the posts with ids in {@code (fromId, toId]} published since {@code firstHour}. */
    private void countWords(ListeningScope scope, List<String> terms, Map<String, KeptWordSeries> kept, long fromId, long toId,
            long firstHour) {
        String[] patterns = terms.stream().map(t -> "%" + t.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%").toArray(String[]::new);
        List<Object> params = new ArrayList<>();
        params.add(patterns);
        params.add(fromId);
        params.add(toId);
        params.add(Timestamp.from(Instant.ofEpochSecond(firstHour * 3600)));
        String where = scopeFilter(scope, params);
        jdbc.sql("SELECT k.i, date_trunc('hour', p.published_at), count(*), count(*) FILTER (WHERE p.sentiment = 'negative') "
                + "FROM post p JOIN unnest(?::text[]) WITH ORDINALITY AS k(pattern, i) ON lower(p.normalized_text) LIKE k.pattern "
                + "WHERE p.id > ? AND p.id <= ? AND p.published_at >= ?" + where + " GROUP BY 1, 2")
                .params(params).query(rs -> {
                    KeptWordSeries words = kept.get(terms.get(rs.getInt(1) - 1));
                    long[] counts = words.byHour.computeIfAbsent(rs.getTimestamp(2).toInstant().getEpochSecond() / 3600,
                            h -> new long[2]);
                    counts[0] += rs.getLong(3);
                    counts[1] += rs.getLong(4);
                });
    }

    /** The largest stories among an issue's posts. */
    private List<StoryRow> stories(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        List<long[]> rows = jdbc.sql("""
                SELECT coalesce(p.story_id, -p.id), count(*) AS posts, count(*) FILTER (WHERE p.sentiment = 'negative'),
                       count(*) FILTER (WHERE p.toxicity <> 'CLEAN'), min(p.id), min(p.published_at), max(p.published_at),
                       count(*) FILTER (WHERE p.sentiment = 'negative' AND p.register = ?)
                FROM post p WHERE p.id = ANY(?) GROUP BY 1 ORDER BY posts DESC, 1 LIMIT 3""")
                .params(PostLabels.COMMENT, postIds.toArray(Long[]::new))
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getTimestamp(6).getTime(), rs.getTimestamp(7).getTime(), rs.getLong(8)}).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> texts = new HashMap<>();
        jdbc.sql("SELECT id, left(text, 300) FROM post WHERE id = ANY(?)").param(rows.stream().map(r -> r[4]).toArray(Long[]::new))
                .query(rs -> {
                    texts.put(rs.getLong(1), rs.getString(2));
                });
        return rows.stream().map(r -> new StoryRow(Math.max(0, r[0]), r[1], r[2], r[7], r[3], texts.get(r[4]),
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

    /**
     * Whether a series of that value can have posts: a topic or domain the classifiers give, an agency or a place
     * Loa knows, any word.
     */
    private boolean exists(String dimension, String value) {
        return switch (dimension) {
            case "topic" -> JdbcPostCorrections.TOPICS.contains(value);
            case "domain" -> PostLabels.DOMAINS.contains(value) || Prediction.UNCLEAR.equals(value);
            case "agency" -> names.knowsAgency(value);
            case "place" -> names.knowsPlace(value);
            default -> true;
        };
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
