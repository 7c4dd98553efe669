package vn.loa.listening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ListeningOverview.Tone;
import vn.loa.listening.Stories;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * A story's page from its posts (through the index of posts by story): a summary, its growth, where it
 * was said and about what, and its texts with their reposts grouped by content hash.
 */
@Service
class JdbcStories implements Stories {

    private final JdbcClient jdbc;
    private final JdbcListeningOverview names;
    private final Clock clock;

    JdbcStories(JdbcClient jdbc, JdbcListeningOverview names, Clock clock) {
        this.jdbc = jdbc;
        this.names = names;
        this.clock = clock;
    }

    private static final String FROM = " FROM post p JOIN post_source s ON s.id = p.source_id WHERE p.story_id = ? AND ";

    @Override
    public java.util.Optional<String> opening(long asked, SignedInUser user) {
        long id = jdbc.sql("SELECT coalesce(merged_into, id) FROM story WHERE id = ?").param(asked).query(Long.class)
                .optional().orElse(asked);
        // the first post the user may read: none when they may read none of its posts, as the story page says
        VisiblePosts visible = VisiblePosts.to(user);
        return jdbc.sql("SELECT coalesce(nullif(btrim(p.title), ''), p.text)" + FROM + visible.condition()
                        + " ORDER BY p.published_at, p.id LIMIT 1").params(visible.after(id)).query(String.class).optional()
                .map(JdbcStories::opening).filter(opening -> !opening.isEmpty());
    }

    /** A text's first words, spaces collapsed, cut at a word after at most {@link #OPENING_CHARACTERS} characters. */
    static String opening(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (line.length() <= OPENING_CHARACTERS) {
            return line;
        }
        int cut = line.lastIndexOf(' ', OPENING_CHARACTERS);
        return line.substring(0, cut > OPENING_CHARACTERS / 2 ? cut : OPENING_CHARACTERS).strip() + "…";
    }

    @Override
    public Story story(long asked, SignedInUser user, String language) {
        // a story merged into another is shown as the story it joined (a case or a crisis may name it)
        long id = jdbc.sql("SELECT coalesce(merged_into, id) FROM story WHERE id = ?").param(asked).query(Long.class)
                .optional().orElse(asked);
        // whoever may read one of its posts opens it, and sees those they may read: as the search lists them
        VisiblePosts visible = VisiblePosts.to(user);
        Object[] summary = jdbc.sql("SELECT count(*), count(DISTINCT coalesce(p.platform || '|' || nullif(btrim(p.author), ''), 'post|' || p.id)), "
                + "count(DISTINCT coalesce(p.content_hash, p.id::text)), min(p.published_at), max(p.published_at), "
                + "count(*) FILTER (WHERE p.sentiment = 'negative'), count(*) FILTER (WHERE p.sentiment = 'neutral'), "
                + "count(*) FILTER (WHERE p.sentiment = 'positive')" + FROM + visible.condition())
                .params(visible.after(id)).query((rs, row) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getLong(6), rs.getLong(7), rs.getLong(8)})
                .single();
        long posts = (Long) summary[0];
        if (posts == 0) {
            throw new NotFound("story", id);
        }
        Instant firstSeen = (Instant) summary[3];
        Instant lastSeen = (Instant) summary[4];
        Duration span = Duration.between(firstSeen, lastSeen);
        String bucket = span.compareTo(Duration.ofDays(3)) <= 0 ? "hour" : span.compareTo(Duration.ofDays(120)) <= 0 ? "day"
                : "month";
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        List<Text> texts = texts(id, visible);
        return new Story(id, texts.get(0).first(), posts, (Long) summary[1], (Long) summary[2], firstSeen, lastSeen, bucket,
                growth(id, visible, bucket),
                counts(id, visible, "p.platform", 20, null),
                counts(id, visible, "s.code", 10, null),
                counts(id, visible, "unnest(p.places)", 10, names::placeName),
                counts(id, visible, "unnest(p.agencies)", 10, code -> names.agencyName(code, today, language)),
                new Tone(posts, (Long) summary[5], (Long) summary[6], (Long) summary[7]),
                texts, watchPhrase(id, visible), sharedPassage(id, visible));
    }

    /** How many of the story's first posts repeat the passage most of them share ({@link SharedPassage}). */
    private long sharedPassage(long id, VisiblePosts visible) {
        List<Object> params = visible.after(id);
        params.add(PASSAGE_POSTS);
        return SharedPassage.repeats(jdbc.sql("SELECT p.text" + FROM + visible.condition()
                + " ORDER BY p.published_at, p.id LIMIT ?").params(params).query(String.class).list());
    }

    /** New posts per bucket, in Vietnam's calendar, and the total so far. */
    private List<Growth> growth(long id, VisiblePosts visible, String bucket) {
        List<Growth> growth = new ArrayList<>();
        long[] total = {0};
        jdbc.sql("SELECT date_trunc('" + bucket + "', p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS b, count(*)"
                + FROM + visible.condition() + " GROUP BY b ORDER BY b").params(visible.after(id)).query(rs -> {
                    total[0] += rs.getLong(2);
                    growth.add(new Growth(rs.getTimestamp(1).toLocalDateTime().atZone(LocalTime.ZONE).toInstant(),
                            rs.getLong(2), total[0]));
                });
        return growth;
    }

    /** The posts per value of an expression (a column, or the elements of an array column), the most first. */
    private List<Count> counts(long id, VisiblePosts visible, String value, int limit, Function<String, String> name) {
        List<Object> params = visible.after(id);
        params.add(limit);
        return jdbc.sql("SELECT v, count(*) FROM (SELECT " + value + " AS v" + FROM + visible.condition()
                + ") AS x GROUP BY v ORDER BY count(*) DESC, v LIMIT ?").params(params)
                .query((rs, row) -> new Count(rs.getString(1), name == null ? null : name.apply(rs.getString(1)),
                        rs.getLong(2))).list();
    }

    /**
     * The story's texts, the first published first: posts with the same content hash are one text (a
     * post without a hash, a short reaction, is a text of its own), of which the first few are read.
     */
    private List<Text> texts(long id, VisiblePosts visible) {
        Map<String, Object[]> groups = new LinkedHashMap<>();
        List<Object> params = visible.after(id);
        params.add(SHOWN_COPIES + 1);
        params.add(SHOWN_TEXTS);
        jdbc.sql("""
                SELECT * FROM (
                    SELECT x.*, dense_rank() OVER (ORDER BY x.first_at, x.k) AS g FROM (
                        SELECT p.id, p.published_at, p.platform, s.code, p.url, p.title, p.text, p.sentiment, p.toxicity,
                               coalesce(p.content_hash, p.id::text) AS k,
                               row_number() OVER (PARTITION BY coalesce(p.content_hash, p.id::text)
                                                  ORDER BY p.published_at, p.id) AS n,
                               count(*) OVER (PARTITION BY coalesce(p.content_hash, p.id::text)) AS copies,
                               min(p.published_at) OVER (PARTITION BY coalesce(p.content_hash, p.id::text)) AS first_at
                        """ + FROM + visible.condition() + """
                    ) AS x WHERE x.n <= ?
                ) AS y WHERE y.g <= ? ORDER BY y.g, y.n
                """).params(params).query(rs -> {
                    Object[] group = groups.computeIfAbsent(rs.getString("k"), k -> new Object[] {null, 0L, new ArrayList<Post>()});
                    Post post = post(rs);
                    if (group[0] == null) {
                        group[0] = post;
                        group[1] = rs.getLong("copies") - 1;
                    } else {
                        @SuppressWarnings("unchecked")
                        List<Post> copies = (List<Post>) group[2];
                        copies.add(post);
                    }
                });
        List<Text> texts = new ArrayList<>();
        for (Object[] group : groups.values()) {
            @SuppressWarnings("unchecked")
            List<Post> copies = (List<Post>) group[2];
            texts.add(new Text((Post) group[0], (Long) group[1], copies));
        }
        return texts;
    }

    private static Post post(ResultSet rs) throws SQLException {
        return new Post(rs.getLong("id"), rs.getTimestamp("published_at").toInstant(), rs.getString("platform"),
                rs.getString("code"), rs.getString("url"), rs.getString("title"), rs.getString("text"), rs.getString("sentiment"),
                rs.getString("toxicity"));
    }

    /** How many of a story's first posts the phrase to watch is chosen from. */
    static final int WATCH_POSTS = 200;
    /** How many words of each post are read for it: a long article's opening, where a shared headline stands. */
    static final int WATCH_WORDS = 300;

    /** Words a keyword alert can watch for, from the first posts the reader may see ({@link #storyWatchPhrase(List)}). */
    private String watchPhrase(long id, VisiblePosts visible) {
        List<Object> params = visible.after(id);
        params.add(WATCH_POSTS);
        return storyWatchPhrase(jdbc.sql("SELECT p.normalized_text" + FROM + visible.condition()
                + " ORDER BY p.published_at, p.id LIMIT ?").params(params).query(String.class).list());
    }

    /**
     * Words a keyword alert can watch for, so that it follows the story: the run of four (else three) words, with no
     * punctuation between them, that most of the posts have, the earliest of equals; a phrase only one post has (a
     * sharer's own words, "lại chuyện cũ", said over an article the others repeat without it) is not the story's, so
     * with no phrase two posts share, the first post's words ({@link #watchPhrase(String)}).
     */
    static String storyWatchPhrase(List<String> normalizedTexts) {
        if (normalizedTexts.isEmpty()) {
            return "";
        }
        Map<String, Integer> postsWith = new LinkedHashMap<>();
        for (String text : normalizedTexts) {
            Set<String> phrases = new LinkedHashSet<>();
            for (List<String> run : runs(text, WATCH_WORDS)) {
                for (int length = 4; length >= 3; length--) {
                    for (int from = 0; from + length <= run.size(); from++) {
                        phrases.add(String.join(" ", run.subList(from, from + length)));
                    }
                }
            }
            phrases.forEach(phrase -> postsWith.merge(phrase, 1, Integer::sum));
        }
        String best = null;
        int bestPosts = 1;
        for (Map.Entry<String, Integer> phrase : postsWith.entrySet()) {
            int posts = phrase.getValue();
            boolean longer = best != null && posts == bestPosts && words(phrase.getKey()) > words(best);
            if (posts > bestPosts || longer) {
                best = phrase.getKey();
                bestPosts = posts;
            }
        }
        return best != null ? best : watchPhrase(normalizedTexts.get(0));
    }

    private static int words(String phrase) {
        return phrase.split(" ").length;
    }

    /** The runs of words made of letters alone in a normal form, lower case, among its first {@code limit} pieces. */
    private static List<List<String>> runs(String normalized, int limit) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String[] pieces = (normalized == null ? "" : normalized).split(" ");
        for (int i = 0; i < Math.min(pieces.length, limit); i++) {
            if (!pieces[i].isEmpty() && pieces[i].chars().allMatch(Character::isLetter)) {
                run.add(pieces[i].toLowerCase(Locale.ROOT));
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /**
     * Words of one post a keyword alert can watch for: the first run of three to six words (no punctuation between
     * them) of its normal form, else its longest run of two; empty if it has none.
     */
    static String watchPhrase(String normalized) {
        List<String> run = new ArrayList<>();
        List<String> best = List.of();
        for (String piece : (normalized == null ? "" : normalized).split(" ")) {
            if (!piece.isEmpty() && piece.chars().allMatch(Character::isLetter)) {
                run.add(piece.toLowerCase(Locale.ROOT));
                if (run.size() == 6) {
                    break;
                }
            } else {
                if (run.size() >= 3) {
                    break;
                }
                best = run.size() > best.size() ? List.copyOf(run) : best;
                run.clear();
            }
        }
        if (run.size() >= 3 || run.size() > best.size()) {
            best = run;
        }
        return best.size() >= 2 ? String.join(" ", best) : "";
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
