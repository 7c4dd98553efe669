package vn.loa.listening.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.listening.PostLabels;
import vn.loa.nlp.classify.Prediction;
import vn.loa.shared.AfterCommit;
import vn.loa.shared.LocalTime;

/**
 * Keeps the hourly and daily roll-ups ({@code post_hourly}, {@code post_daily}, days of Vietnam's
 * calendar) and the per-agency story counts ({@code story_daily}) in step with the posts, in the
 * caller's transaction: a post counts in the province's scope and in the scope of each agency it
 * is routed to; within each, under 'all', its topic, its platform, its register, its policy domain,
 * each agency and each place it names, and by sentiment (an 'unclear' post counts in the posts and in
 * none of negative, neutral, positive); each row also counts its citizens' comments and their negative ones,
 * so that opinion reads apart from the news's tone under every dimension. A batch is summed here and written as one upsert per table, a
 * row per bucket.
 *
 * <p>An import writes a batch's roll-ups in a transaction of their own, while it stores the next
 * batch: the batch's transaction leaves a {@code rollup_pending} row naming its posts, and the
 * roll-ups' transaction deletes it. Whoever deletes the row writes the roll-ups, so they are written
 * once; a row left by a crash is applied at the next start or import ({@link #applyBacklog()}).
 */
@Component
class Rollups {

    /** What the roll-ups need of a post. */
    record Fact(Instant publishedAt, String platform, String sentiment, String topic, String register, String domain,
            boolean toxic, String[] agencies, String[] places, Long story) {

        boolean restricted() {
            return "HOTLINE".equals(platform) || "OFFICE".equals(platform);
        }
    }

    /** A roll-up row's key; rows are written in key order so that concurrent imports lock them in one order. */
    private record Key(String scope, String dim, String val, boolean restricted, long bucket) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::scope).thenComparing(Key::dim)
            .thenComparing(Key::val).thenComparing(Key::restricted).thenComparingLong(Key::bucket);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** Counts the writes to the roll-ups that have committed; what was read from them before is older. */
    private final AtomicLong version = new AtomicLong();

    Rollups(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Notes, in the caller's transaction, that these stored posts await their roll-ups; gives the note's id. */
    long pending(Collection<Long> postIds, Instant at) {
        return jdbc.sql("INSERT INTO rollup_pending (post_ids, created_at) VALUES (?, ?) RETURNING id")
                .params(postIds.toArray(Long[]::new), Timestamp.from(at)).query(Long.class).single();
    }

    /**
     * Writes the roll-ups of pending batches from the facts in hand, summed together, in one
     * transaction of their own; a batch applied already (by {@link #applyBacklog()} elsewhere) is left out.
     */
    void applyPending(Map<Long, List<Fact>> batches) {
        if (batches.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            List<Long> taken = jdbc.sql("DELETE FROM rollup_pending WHERE id = ANY(?) RETURNING id")
                    .param(batches.keySet().toArray(Long[]::new)).query(Long.class).list();
            List<Fact> facts = new ArrayList<>();
            taken.forEach(id -> facts.addAll(batches.get(id)));
            add(facts, 1);
        });
    }

    /**
     * Writes the roll-ups of every batch still pending and not being written right now (an import
     * killed between storing a batch and rolling it up); gives how many batches it applied.
     */
    int applyBacklog() {
        int applied = 0;
        while (Boolean.TRUE.equals(transactions.execute(status -> {
            List<Long[]> taken = jdbc.sql("""
                    DELETE FROM rollup_pending WHERE id = (SELECT id FROM rollup_pending ORDER BY id LIMIT 1
                                                           FOR UPDATE SKIP LOCKED)
                    RETURNING post_ids
                    """).query((rs, row) -> (Long[]) rs.getArray(1).getArray()).list();
            if (taken.isEmpty()) {
                return false;
            }
            apply(List.of(taken.get(0)), 1);
            return true;
        }))) {
            applied++;
        }
        return applied;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyBacklogOnStart() {
        int applied = applyBacklog();
        if (applied > 0) {
            LogFactory.getLog(Rollups.class).warn("Wrote the roll-ups of " + applied
                    + " batch(es) of posts stored by an import that stopped before writing them");
        }
    }

    /** Adds stored posts to the roll-ups ({@code sign} 1), or takes them out ({@code sign} -1) before a change. */
    void apply(Collection<Long> postIds, int sign) {
        add(facts(postIds), sign);
    }

    /** What the roll-ups count of stored posts, as they are now. */
    List<Fact> facts(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT published_at, platform, sentiment, topic, register, domain, toxicity <> 'CLEAN', agencies, places,
                       story_id
                FROM post WHERE id = ANY(?) ORDER BY id
                """).param(postIds.toArray(Long[]::new))
                .query((rs, row) -> new Fact(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                        (String[]) rs.getArray(8).getArray(), (String[]) rs.getArray(9).getArray(),
                        rs.getObject(10, Long.class)))
                .list();
    }

    /** Adds posts to the roll-ups ({@code sign} 1) or takes them out ({@code sign} -1). */
    void add(List<Fact> facts, int sign) {
        if (facts.isEmpty()) {
            return;
        }
        write(facts, sign, List.of(), 0);
    }

    /**
     * Replaces posts' counts after they changed: what they were taken out and what they are put in,
     * summed together and written as one upsert per table, in key order, so that rows no other
     * writer locks in another order (a separate take-out and put-back could, against an import).
     */
    void change(List<Fact> before, List<Fact> after) {
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        write(before, -1, after, 1);
    }

    /**
     * Who wrote a post, as {@code author_activity} keys them: a name on a platform; a post without an author's name
     * is a voice of its own. {@code post} is the alias of the post table in the statement.
     */
    static String authorKey(String post) {
        return "hashtextextended(coalesce(%1$s.platform || '|' || %1$s.author, 'post|' || %1$s.id), 0)".formatted(post);
    }

    /**
     * Keeps {@code author_activity} in step with posts whose routing changed, in the caller's transaction, after
     * the posts were written: each pair is a post and an agency it was routed to before or is now, not both. An
     * author counts as active in an agency a post of theirs is routed to now, as an import counts them; in an agency
     * a post is no longer routed to, as of their last post still routed there (never, {@code -infinity}, when none
     * is: the row stays, and an import's later post moves it on). Rows are locked in key order, as an import
     * writes them.
     */
    void rerouteAuthors(List<Long> addedPosts, List<String> addedAgencies, List<Long> removedPosts,
            List<String> removedAgencies) {
        if (!removedPosts.isEmpty()) {
            // only an author whose last post (or last public post) in the agency was one of these may have another
            List<Object[]> keys = jdbc.sql("""
                    SELECT DISTINCT a.scope, a.author_key FROM unnest(?::bigint[], ?::text[]) AS k(id, scope)
                    JOIN post p ON p.id = k.id
                    JOIN author_activity a ON a.scope = k.scope AND a.author_key = %s
                    WHERE a.last_post = p.published_at OR a.last_public_post = p.published_at
                    ORDER BY 1, 2
                    """.formatted(authorKey("p"))).params(removedPosts.toArray(Long[]::new),
                            removedAgencies.toArray(String[]::new))
                    .query((rs, row) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
            if (!keys.isEmpty()) {
                String[] scopes = keys.stream().map(k -> (String) k[0]).toArray(String[]::new);
                Long[] authors = keys.stream().map(k -> (Long) k[1]).toArray(Long[]::new);
                jdbc.sql("""
                        SELECT 1 FROM author_activity a JOIN unnest(?::text[], ?::bigint[]) AS k(scope, author_key)
                          ON a.scope = k.scope AND a.author_key = k.author_key
                        ORDER BY a.scope, a.author_key FOR UPDATE OF a
                        """).params(scopes, authors).query(Integer.class).list();
                jdbc.sql("""
                        WITH r AS (
                            SELECT k.scope, k.author_key, max(q.published_at) AS last_post,
                                   max(q.published_at) FILTER (WHERE q.platform NOT IN ('HOTLINE', 'OFFICE')) AS last_public_post
                            FROM unnest(?::text[], ?::bigint[]) AS k(scope, author_key)
                            LEFT JOIN post q ON q.agencies @> ARRAY[k.scope::text] AND %s = k.author_key
                            GROUP BY k.scope, k.author_key)
                        UPDATE author_activity a SET last_post = coalesce(r.last_post, '-infinity'),
                            last_public_post = r.last_public_post
                        FROM r WHERE a.scope = r.scope AND a.author_key = r.author_key
                        """.formatted(authorKey("q"))).params(scopes, authors).update();
            }
        }
        if (!addedPosts.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO author_activity AS a (scope, author_key, last_post, last_public_post)
                    SELECT k.scope, %s, max(p.published_at),
                           max(p.published_at) FILTER (WHERE p.platform NOT IN ('HOTLINE', 'OFFICE'))
                    FROM unnest(?::bigint[], ?::text[]) AS k(id, scope) JOIN post p ON p.id = k.id
                    GROUP BY 1, 2 ORDER BY 1, 2
                    ON CONFLICT (scope, author_key) DO UPDATE SET last_post = GREATEST(a.last_post, excluded.last_post),
                        last_public_post = GREATEST(a.last_public_post, excluded.last_public_post)
                    """.formatted(authorKey("p"))).params(addedPosts.toArray(Long[]::new),
                            addedAgencies.toArray(String[]::new)).update();
        }
    }

    /**
     * Grows each time a write to the roll-ups commits (whoever wrote them: an import, whole or cut short, a
     * correction, a re-analysis), so that what was read from them before can be known to be older.
     */
    long version() {
        return version.get();
    }

    private void write(List<Fact> first, int firstSign, List<Fact> second, int secondSign) {
        Map<Key, int[]> hours = new TreeMap<>(ORDER);
        Map<Key, int[]> days = new TreeMap<>(ORDER);
        Map<Key, int[]> stories = new TreeMap<>(ORDER);
        sum(first, firstSign, hours, days, stories);
        sum(second, secondSign, hours, days, stories);
        // buckets a change left as they were (every count back to zero) need no write
        hours.values().removeIf(Rollups::zero);
        days.values().removeIf(Rollups::zero);
        stories.values().removeIf(Rollups::zero);
        if (!hours.isEmpty()) {
            upsert("post_hourly", "hour", "timestamptz", hours);
        }
        if (!days.isEmpty()) {
            upsert("post_daily", "day", "date", days);
        }
        writeStories(stories);
        AfterCommit.run(version::incrementAndGet);
    }

    private static boolean zero(int[] counts) {
        for (int count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    private static void sum(List<Fact> facts, int sign, Map<Key, int[]> hours, Map<Key, int[]> days,
            Map<Key, int[]> stories) {
        for (Fact fact : facts) {
            long hour = fact.publishedAt().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
            long day = fact.publishedAt().atZone(LocalTime.ZONE).toLocalDate().toEpochDay();
            boolean comment = PostLabels.COMMENT.equals(fact.register());
            boolean negative = "negative".equals(fact.sentiment());
            // posts, negative, neutral, positive, toxic, citizens' comments, negative comments
            int[] counts = {sign, negative ? sign : 0, "neutral".equals(fact.sentiment()) ? sign : 0,
                "positive".equals(fact.sentiment()) ? sign : 0, fact.toxic() ? sign : 0, comment ? sign : 0,
                comment && negative ? sign : 0};
            TreeSet<String> agencies = new TreeSet<>(List.of(fact.agencies()));
            TreeSet<String> places = new TreeSet<>(List.of(fact.places()));
            List<String> scopes = new ArrayList<>(agencies.size() + 1);
            scopes.add("");
            scopes.addAll(agencies);
            for (String scope : scopes) {
                List<String[]> dims = new ArrayList<>();
                dims.add(new String[] {"all", ""});
                if (!Prediction.UNCLEAR.equals(fact.topic())) {
                    dims.add(new String[] {"topic", fact.topic()}); // a post of no clear news section is in no topic's series
                }
                dims.add(new String[] {"platform", fact.platform()});
                dims.add(new String[] {"register", fact.register()});
                dims.add(new String[] {"domain", fact.domain()});
                agencies.forEach(a -> dims.add(new String[] {"agency", a}));
                places.forEach(p -> dims.add(new String[] {"place", p}));
                for (String[] dim : dims) {
                    add(hours, new Key(scope, dim[0], dim[1], fact.restricted(), hour), counts);
                    add(days, new Key(scope, dim[0], dim[1], fact.restricted(), day), counts);
                }
                if (!scope.isEmpty() && fact.story() != null) {
                    // posts, negative, toxic, public posts, negative comments, under the story's id as the key's value
                    add(stories, new Key(scope, "", Long.toString(fact.story()), false, day),
                            new int[] {sign, counts[1], counts[4], fact.restricted() ? 0 : sign, counts[6]});
                }
            }
        }
    }

    /**
     * The advisory lock between the writers of {@code story_daily} (shared) and a merge of stories, which moves a
     * merged story's daily rows (exclusive).
     */
    static final long STORY_MERGES_LOCK = 0x4c6f6153746f7279L;

    private void writeStories(Map<Key, int[]> stories) {
        if (!stories.isEmpty()) {
            int n = stories.size();
            String[] scope = new String[n];
            String[] day = new String[n];
            Long[] story = new Long[n];
            Integer[][] counts = new Integer[5][n];
            int i = 0;
            for (Map.Entry<Key, int[]> row : stories.entrySet()) {
                scope[i] = row.getKey().scope();
                day[i] = LocalDate.ofEpochDay(row.getKey().bucket()).toString();
                story[i] = Long.valueOf(row.getKey().val());
                for (int c = 0; c < 5; c++) {
                    counts[c][i] = row.getValue()[c];
                }
                i++;
            }
            // a story merged into another since its posts were counted counts for that one; a merge moves the
            // daily rows of the stories it merges under the exclusive side of this lock, so that it waits for
            // this and this for it (and this statement then sees where the merge put them)
            jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock_shared(?)) AS locked").param(STORY_MERGES_LOCK)
                    .query(Integer.class).single();
            jdbc.sql("""
                    WITH k AS (SELECT * FROM unnest(?::text[], ?::date[], ?::bigint[], ?::int[], ?::int[], ?::int[],
                                                    ?::int[], ?::int[])
                               AS k(scope, day, story, posts, negative, toxic, public_posts, negative_comments)),
                         s AS (SELECT id, merged_into FROM story WHERE id IN (SELECT story FROM k) AND merged_into IS NOT NULL)
                    INSERT INTO story_daily AS h (scope, day, story_id, posts, negative, toxic, public_posts,
                                                  negative_comments)
                    SELECT k.scope, k.day, coalesce(s.merged_into, k.story), sum(k.posts), sum(k.negative), sum(k.toxic),
                           sum(k.public_posts), sum(k.negative_comments)
                    FROM k LEFT JOIN s ON s.id = k.story
                    GROUP BY k.scope, k.day, coalesce(s.merged_into, k.story)
                    ON CONFLICT (scope, day, story_id) DO UPDATE SET posts = h.posts + excluded.posts,
                        negative = h.negative + excluded.negative, toxic = h.toxic + excluded.toxic,
                        public_posts = h.public_posts + excluded.public_posts,
                        negative_comments = h.negative_comments + excluded.negative_comments
                    """).params(scope, day, story, counts[0], counts[1], counts[2], counts[3], counts[4]).update();
        }
    }

    private static void add(Map<Key, int[]> rows, Key key, int[] counts) {
        int[] sum = rows.computeIfAbsent(key, k -> new int[counts.length]);
        for (int c = 0; c < counts.length; c++) {
            sum[c] += counts[c];
        }
    }

    private void upsert(String table, String column, String type, Map<Key, int[]> rows) {
        int n = rows.size();
        String[] scope = new String[n];
        String[] dim = new String[n];
        String[] val = new String[n];
        Boolean[] restricted = new Boolean[n];
        Object[] bucket = "date".equals(type) ? new String[n] : new Timestamp[n];
        Integer[][] counts = new Integer[7][n];
        int i = 0;
        for (Map.Entry<Key, int[]> row : rows.entrySet()) {
            Key key = row.getKey();
            scope[i] = key.scope();
            dim[i] = key.dim();
            val[i] = key.val();
            restricted[i] = key.restricted();
            bucket[i] = "date".equals(type) ? LocalDate.ofEpochDay(key.bucket()).toString()
                    : Timestamp.from(Instant.ofEpochSecond(key.bucket()));
            for (int c = 0; c < 7; c++) {
                counts[c][i] = row.getValue()[c];
            }
            i++;
        }
        jdbc.sql("""
                INSERT INTO %1$s AS h (scope, dim, val, restricted, %2$s, posts, negative, neutral, positive, toxic, comments,
                                       negative_comments)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::boolean[], ?::%3$s[], ?::int[], ?::int[], ?::int[],
                                     ?::int[], ?::int[], ?::int[], ?::int[])
                ON CONFLICT (scope, dim, val, restricted, %2$s) DO UPDATE SET posts = h.posts + excluded.posts,
                    negative = h.negative + excluded.negative, neutral = h.neutral + excluded.neutral,
                    positive = h.positive + excluded.positive, toxic = h.toxic + excluded.toxic,
                    comments = h.comments + excluded.comments, negative_comments = h.negative_comments + excluded.negative_comments
                """.formatted(table, column, type))
                .params(scope, dim, val, restricted, bucket, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                        counts[6]).update();
    }
}
