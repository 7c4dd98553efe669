package vn.loa.listening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.loa.identity.AgencyNames;
import vn.loa.listening.ListeningOverview;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostLabels;
import vn.loa.listening.PostsImported;
import vn.loa.listening.PostsReanalysed;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The dashboard from the hourly and daily roll-ups (citizens' opinion and the news's tone from those by
 * register, policy domains from those by domain); stories from the posts of the period; authors from
 * {@code author_activity}.
 */
@Service
class JdbcListeningOverview implements ListeningOverview {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:00");

    /** How many of the largest stories active in a period are counted for the province's top stories. */
    static final int STORY_CANDIDATES = 300;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AgencyNames agencies;
    private final TextAnalyzer analyzer;
    private final MessageSource messages;
    private final ListeningNames.Places places;
    private final Rollups rollups;

    JdbcListeningOverview(JdbcClient jdbc, Clock clock, AgencyNames agencies, TextAnalyzer analyzer, MessageSource messages,
            Rollups rollups, ListeningNames.Places places) {
        this.rollups = rollups;
        this.places = places;
        this.jdbc = jdbc;
        this.clock = clock;
        this.agencies = agencies;
        this.analyzer = analyzer;
        this.messages = messages;
    }

    /** How long an overview is served as it is while no posts arrive; after that it is still served while refreshed. */
    private static final Duration KEEP = Duration.ofMinutes(1);

    private record Kept(Overview overview, Instant computedAt, long generation) {
    }

    /** Overviews by scope, period, language and the hour they end at; posts imported or relabelled since are not kept. */
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "loa-overview");
        thread.setDaemon(true);
        return thread;
    });

    @EventListener
    void on(PostsImported event) {
        generation.incrementAndGet();
    }

    @EventListener
    void on(PostsReanalysed event) {
        generation.incrementAndGet();
    }

    /**
     * The overview of a period: read again when posts arrived since it was last read, otherwise served as it was
     * read (a minute at most, then refreshed in the background while it is still served), so that a dashboard page
     * costs its rendering and not a dozen range queries over a million posts.
     */
    @Override
    public Overview overview(ListeningScope scope, int days, String language) {
        if (days < 1 || days > 366) {
            throw new InvalidInput("days", "listening.overview.days");
        }
        Instant now = clock.instant();
        String hour = ZonedDateTime.ofInstant(now, LocalTime.ZONE).truncatedTo(ChronoUnit.HOURS).toString();
        String key = scope.key() + "|" + scope.restricted() + "|" + days + "|" + language + "|" + hour;
        // posts imported or relabelled, and any committed write to the roll-ups (an import cut short, a correction)
        long current = generation.get() + rollups.version();
        Kept last = kept.get(key);
        if (last != null && last.generation() == current) {
            if (!last.computedAt().plus(KEEP).isAfter(now) && refreshing.add(key)) {
                refresher.execute(() -> {
                    try {
                        // the period of the hour it is kept under, even if the clock has moved since
                        Overview fresh = read(scope, days, language, now);
                        kept.merge(key, new Kept(fresh, clock.instant(), current),
                                (old, made) -> made.generation() >= old.generation() ? made : old);
                    } finally {
                        refreshing.remove(key);
                    }
                });
            }
            return last.overview();
        }
        Overview fresh = read(scope, days, language, now);
        kept.keySet().removeIf(k -> !k.endsWith("|" + hour)); // overviews of earlier hours end too early now
        kept.put(key, new Kept(fresh, now, current));
        return fresh;
    }

    /** The overview of the days up to the hour of {@code now} (the instant its cache key was made from). */
    private Overview read(ListeningScope scope, int days, String language, Instant now) {
        boolean hourly = days <= 3;
        ZonedDateTime hour = ZonedDateTime.ofInstant(now, LocalTime.ZONE).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime end = hour.plusHours(1);
        // whole days: today and the days before it (in the day's last hour, the end is already tomorrow's midnight)
        ZonedDateTime start = hourly ? end.minusDays(days) : hour.truncatedTo(ChronoUnit.DAYS).plusDays(1).minusDays(days);
        Instant from = start.toInstant();
        Instant to = end.toInstant();
        String restricted = scope.restricted() ? "" : " AND NOT restricted";
        Map<Instant, long[]> buckets = new LinkedHashMap<>();
        for (ZonedDateTime at = start; at.isBefore(end); at = hourly ? at.plusHours(1) : at.plusDays(1)) {
            buckets.put(at.toInstant(), new long[5]);
        }
        long[] totals = new long[3];
        // periods of whole days read the daily roll-ups, short ones the hourly; by register (each post has one, so the
        // registers' rows add up to all posts): citizens' comments by sentiment, the news and statements by number
        String sql = hourly
                ? "SELECT hour, val, sum(negative), sum(neutral), sum(positive), sum(posts), sum(toxic) FROM post_hourly "
                        + "WHERE scope = ? AND dim = 'register' AND hour >= ? AND hour < ?" + restricted + " GROUP BY hour, val"
                : "SELECT day, val, sum(negative), sum(neutral), sum(positive), sum(posts), sum(toxic) FROM post_daily "
                        + "WHERE scope = ? AND dim = 'register' AND day >= ? AND day < ?" + restricted + " GROUP BY day, val";
        jdbc.sql(sql).params(scope.key(), bound(from, hourly), upper(to, hourly)).query(rs -> {
                    Instant bucket = hourly ? rs.getTimestamp(1).toInstant()
                            : rs.getDate(1).toLocalDate().atStartOfDay(LocalTime.ZONE).toInstant();
                    long[] counts = buckets.get(bucket);
                    if (counts != null) {
                        if (PostLabels.COMMENT.equals(rs.getString(2))) {
                            for (int i = 0; i < 3; i++) {
                                counts[i] += rs.getLong(3 + i);
                            }
                            // a comment the model is unsure of counts in none of the three: the rest of the comments
                            counts[3] += rs.getLong(6) - rs.getLong(3) - rs.getLong(4) - rs.getLong(5);
                        } else {
                            counts[4] += rs.getLong(6);
                        }
                    }
                    totals[0] += rs.getLong(6);
                    totals[1] += rs.getLong(3);
                    totals[2] += rs.getLong(7);
                });
        List<OpinionVolume> volume = new ArrayList<>();
        buckets.forEach((at, counts) -> volume.add(new OpinionVolume(at,
                (hourly ? HOUR : DAY).format(at.atZone(LocalTime.ZONE)), counts[0], counts[1], counts[2], counts[3],
                counts[4])));
        LocalDate today = LocalDate.ofInstant(now, LocalTime.ZONE);
        Stories stories = stories(scope, from, to);
        Map<String, Tone> registers = tones(scope, from, to, hourly);
        return new Overview(scope, from, to, hourly, totals[0], totals[1], totals[2], volume,
                shares(scope, "topic", from, to, hourly, 20, null),
                shares(scope, "agency", from, to, hourly, 15, code -> agencyName(code, today, language)),
                shares(scope, "place", from, to, hourly, 15, id -> placeName(id, language)),
                shares(scope, "platform", from, to, hourly, 20, null),
                stories.byPosts(), stories.byNegative(),
                registers.getOrDefault(PostLabels.COMMENT, new Tone(0, 0, 0, 0)),
                sum(PostLabels.NEWS_REGISTERS.stream().map(r -> registers.getOrDefault(r, new Tone(0, 0, 0, 0))).toList()),
                shares(scope, "domain", from, to, hourly, PostLabels.DOMAINS.size(), null), authors(scope, from),
                stories.told());
    }

    /**
     * The authors active since {@code from} (the period ends now): one range count on {@code author_activity},
     * which the importer keeps per scope with each author's last post and last public post.
     */
    private long authors(ListeningScope scope, Instant from) {
        return jdbc.sql("SELECT count(*) FROM author_activity WHERE scope = ? AND "
                + (scope.restricted() ? "last_post" : "last_public_post") + " >= ?")
                .params(scope.key(), Timestamp.from(from)).query(Long.class).single();
    }

    /** The top stories of a period, by posts and by negative posts, and how many stories of two posts or more it has. */
    private record Stories(List<StoryRow> byPosts, List<StoryRow> byNegative, long told) {
    }

    /** The tone of each register over the period, from the roll-ups by register. */
    private Map<String, Tone> tones(ListeningScope scope, Instant from, Instant to, boolean hourly) {
        String restricted = scope.restricted() ? "" : " AND NOT restricted";
        String table = hourly ? "post_hourly WHERE scope = ? AND dim = 'register' AND hour >= ? AND hour < ?"
                : "post_daily WHERE scope = ? AND dim = 'register' AND day >= ? AND day < ?";
        Map<String, Tone> tones = new LinkedHashMap<>();
        jdbc.sql("SELECT val, sum(posts), sum(negative), sum(neutral), sum(positive) FROM " + table + restricted
                + " GROUP BY val").params(scope.key(), bound(from, hourly), upper(to, hourly))
                .query(rs -> {
                    tones.put(rs.getString(1), new Tone(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                });
        return tones;
    }

    private static Tone sum(List<Tone> tones) {
        return new Tone(tones.stream().mapToLong(Tone::posts).sum(), tones.stream().mapToLong(Tone::negative).sum(),
                tones.stream().mapToLong(Tone::neutral).sum(), tones.stream().mapToLong(Tone::positive).sum());
    }

    /** A bound of the period as the roll-up table takes it: an instant for hours, Vietnam's day for days. */
    private static Object bound(Instant at, boolean hourly) {
        return hourly ? Timestamp.from(at) : java.sql.Date.valueOf(LocalDate.ofInstant(at, LocalTime.ZONE));
    }

    /** The end of the period (excluded), as the roll-up table takes it: the day after its last hour's day. */
    private static Object upper(Instant to, boolean hourly) {
        return hourly ? Timestamp.from(to)
                : java.sql.Date.valueOf(LocalDate.ofInstant(to.minusMillis(1), LocalTime.ZONE).plusDays(1));
    }

    private List<Share> shares(ListeningScope scope, String dim, Instant from, Instant to, boolean hourly, int limit,
            java.util.function.Function<String, String> names) {
        String restricted = scope.restricted() ? "" : " AND NOT restricted";
        String table = hourly ? "post_hourly WHERE scope = ? AND dim = ? AND hour >= ? AND hour < ?"
                : "post_daily WHERE scope = ? AND dim = ? AND day >= ? AND day < ?";
        return jdbc.sql("SELECT val, sum(posts) AS posts, sum(negative), sum(comments), sum(negative_comments) FROM " + table
                + restricted + " GROUP BY val HAVING sum(posts) > 0 ORDER BY posts DESC, val LIMIT ?")
                .params(scope.key(), dim, bound(from, hourly), upper(to, hourly), limit)
                .query((rs, row) -> new Share(rs.getString(1), names == null ? null : names.apply(rs.getString(1)),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /**
     * The period's top stories by posts and by negative posts. For the province: the largest stories
     * active in the period (through the story table), their posts of the period counted exactly. For an
     * agency: its stories per day ({@code story_daily}) over the period's days.
     */
    private Stories stories(ListeningScope scope, Instant from, Instant to) {
        List<long[]> rows;
        long told;
        if (scope.agency() == null) {
            told = jdbc.sql("SELECT count(*) FROM story WHERE posts > 1 AND last_seen >= ? AND first_seen < ?")
                    .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
            Long[] candidates = jdbc.sql("""
                    SELECT id FROM story WHERE posts > 1 AND last_seen >= ? AND first_seen < ? ORDER BY posts DESC LIMIT ?
                    """).params(Timestamp.from(from), Timestamp.from(to), STORY_CANDIDATES).query(Long.class).list()
                    .toArray(Long[]::new);
            rows = jdbc.sql("""
                    SELECT p.story_id, count(*), count(*) FILTER (WHERE p.sentiment = 'negative'),
                           count(*) FILTER (WHERE p.toxicity <> 'CLEAN'),
                           count(*) FILTER (WHERE p.sentiment = 'negative' AND p.register = ?)
                    FROM post p WHERE p.story_id = ANY(?) AND p.published_at >= ? AND p.published_at < ?"""
                    + (scope.restricted() ? "" : " AND p.platform NOT IN ('HOTLINE', 'OFFICE')")
                    + " GROUP BY p.story_id HAVING count(*) > 1")
                    .params(PostLabels.COMMENT, candidates, Timestamp.from(from), Timestamp.from(to))
                    .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)}).list();
        } else {
            String posts = scope.restricted() ? "posts" : "public_posts";
            rows = jdbc.sql("SELECT story_id, sum(" + posts + "), sum(negative), sum(toxic), sum(negative_comments) "
                    + "FROM story_daily WHERE scope = ? AND day >= ? AND day < ? GROUP BY story_id HAVING sum(" + posts
                    + ") > 1")
                    .params(scope.agency(), bound(from, false), upper(to, false))
                    .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)}).list();
            told = rows.size();
        }
        List<long[]> byPosts = rows.stream()
                .sorted(java.util.Comparator.<long[]>comparingLong(r -> -r[1]).thenComparingLong(r -> -r[2])
                        .thenComparingLong(r -> r[0])).limit(10).toList();
        // citizens' anger first: a story of many negative comments before one of many reports of an accident
        List<long[]> byNegative = rows.stream().filter(r -> r[2] > 0)
                .sorted(java.util.Comparator.<long[]>comparingLong(r -> -r[4]).thenComparingLong(r -> -r[2])
                        .thenComparingLong(r -> -r[1]).thenComparingLong(r -> r[0])).limit(10).toList();
        Map<Long, Object[]> details = new LinkedHashMap<>();
        Long[] ids = java.util.stream.Stream.concat(byPosts.stream(), byNegative.stream()).map(r -> r[0]).distinct()
                .toArray(Long[]::new);
        if (ids.length > 0) {
            jdbc.sql("""
                    SELECT s.id, s.first_seen, s.last_seen,
                           (SELECT left(p.text, 300) FROM post p WHERE p.story_id = s.id
                            ORDER BY p.published_at, p.id LIMIT 1)
                    FROM story s WHERE s.id = ANY(?)""").param(ids).query(rs -> {
                details.put(rs.getLong(1), new Object[] {rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)});
            });
        }
        java.util.function.Function<long[], StoryRow> row = r -> {
            Object[] d = details.get(r[0]);
            return new StoryRow(r[0], r[1], r[2], r[4], r[3], d == null ? null : (String) d[2],
                    d == null ? null : (Instant) d[0], d == null ? null : (Instant) d[1]);
        };
        return new Stories(byPosts.stream().map(row).toList(), byNegative.stream().map(row).toList(), told);
    }

    /**
     * An agency code's name on a day, with what took over from it if it had ended by then (the gazetteer's
     * name for a code no agency was ever recorded with).
     */
    String agencyName(String code, LocalDate on, String language) {
        return agencies.find(code, on, Locale.forLanguageTag(language))
                .orElseGet(() -> analyzer.agencies().entry(code).map(Gazetteer.Entry::name).orElse(code));
    }

    /** Whether an agency code was ever recorded, in the directory or the gazetteer of agencies. */
    boolean knowsAgency(String code) {
        return agencies.find(code, LocalDate.ofInstant(clock.instant(), LocalTime.ZONE), Locale.ROOT).isPresent()
                || analyzer.agencies().entry(code).isPresent();
    }

    /** Whether the gazetteer has a place of that id (one that no longer exists too). */
    boolean knowsPlace(String id) {
        return analyzer.places().entry(id).isPresent();
    }

    /** A place's name in Vietnamese; see {@link #placeName(String, String)}. */
    String placeName(String id) {
        return placeName(id, "vi");
    }

    /** A place's name in the reader's language, with its history if it no longer exists ({@link ListeningNames.Places}). */
    String placeName(String id, String language) {
        return places.name(id, Locale.forLanguageTag(language)).orElse(id);
    }

    @Override
    public Summary summary(ListeningScope scope, LocalDate first, LocalDate last, int topics) {
        if (last.isBefore(first) || java.time.temporal.ChronoUnit.DAYS.between(first, last) >= 366) {
            throw new InvalidInput("days", "listening.overview.days");
        }
        Instant from = first.atStartOfDay(LocalTime.ZONE).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(LocalTime.ZONE).toInstant();
        String restricted = scope.restricted() ? "" : " AND NOT restricted";
        Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            byDay.put(day, new long[4]);
        }
        long[] totals = new long[4];
        jdbc.sql("SELECT day, sum(negative), sum(neutral), sum(positive), sum(posts) FROM post_daily "
                + "WHERE scope = ? AND dim = 'all' AND day >= ? AND day < ?" + restricted + " GROUP BY day")
                .params(scope.key(), bound(from, false), upper(to, false)).query(rs -> {
                    long[] counts = byDay.get(rs.getDate(1).toLocalDate());
                    for (int i = 0; i < 3; i++) {
                        counts[i] += rs.getLong(2 + i);
                        totals[i] += rs.getLong(2 + i);
                    }
                    counts[3] += rs.getLong(5) - rs.getLong(2) - rs.getLong(3) - rs.getLong(4);
                    totals[3] += rs.getLong(5);
                });
        List<Volume> days = new ArrayList<>();
        byDay.forEach((day, c) -> days.add(new Volume(day.atStartOfDay(LocalTime.ZONE).toInstant(), DAY.format(day), c[0],
                c[1], c[2], c[3])));
        // citizens' opinion by day, apart from the news's tone, as the dashboard charts it
        Map<LocalDate, long[]> opinionByDay = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            opinionByDay.put(day, new long[4]);
        }
        jdbc.sql("SELECT day, sum(negative), sum(neutral), sum(positive), sum(posts) FROM post_daily "
                + "WHERE scope = ? AND dim = 'register' AND val = 'comment' AND day >= ? AND day < ?" + restricted
                + " GROUP BY day").params(scope.key(), bound(from, false), upper(to, false)).query(rs -> {
                    long[] counts = opinionByDay.get(rs.getDate(1).toLocalDate());
                    for (int i = 0; i < 3; i++) {
                        counts[i] += rs.getLong(2 + i);
                    }
                    counts[3] += rs.getLong(5) - rs.getLong(2) - rs.getLong(3) - rs.getLong(4);
                });
        List<Volume> opinionDays = new ArrayList<>();
        opinionByDay.forEach((day, c) -> opinionDays.add(new Volume(day.atStartOfDay(LocalTime.ZONE).toInstant(),
                DAY.format(day), c[0], c[1], c[2], c[3])));
        return new Summary(first, last, totals[3], totals[0], totals[1], totals[2], tones(scope, from, to, false),
                shares(scope, "domain", from, to, false, PostLabels.DOMAINS.size(), null),
                shares(scope, "topic", from, to, false, topics, null), days, opinionDays);
    }
}
