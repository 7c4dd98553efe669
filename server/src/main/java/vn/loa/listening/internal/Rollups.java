package vn.loa.listening.internal;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the hourly and daily roll-ups ({@code post_hourly}, {@code post_daily}, days of Vietnam's
 * calendar) in step with the posts, in the caller's
 * transaction: a post counts in the province's scope and in the scope of each agency it is routed
 * to; within each, under 'all', its topic, its platform, each agency and each place it names.
 */
@Component
class Rollups {

    /** The roll-up tables: name, time column, and the post's bucket in it. */
    private static final String[][] BUCKETS = {
        {"post_hourly", "hour", "date_trunc('hour', p.published_at)"},
        {"post_daily", "day", "(p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"}};

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the posts to the roll-ups ({@code sign} 1), or takes them out ({@code sign} -1) before a change. */
    void apply(Collection<Long> postIds, int sign) {
        if (postIds.isEmpty()) {
            return;
        }
        // rows are written in key order so that concurrent imports lock them in the same order
        for (String[] bucket : BUCKETS) {
            jdbc.sql("""
                    INSERT INTO %1$s AS h (scope, dim, val, restricted, %2$s, posts, negative, neutral, positive, toxic)
                    SELECT s.scope, d.dim, d.val, p.platform IN ('HOTLINE', 'OFFICE'), %3$s,
                           :sign * count(*), :sign * count(*) FILTER (WHERE p.sentiment = 'negative'),
                           :sign * count(*) FILTER (WHERE p.sentiment = 'neutral'),
                           :sign * count(*) FILTER (WHERE p.sentiment = 'positive'),
                           :sign * count(*) FILTER (WHERE p.toxicity <> 'CLEAN')
                    FROM post p
                    CROSS JOIN LATERAL (SELECT '' UNION SELECT unnest(p.agencies)) AS s(scope)
                    CROSS JOIN LATERAL (SELECT 'all', '' UNION ALL SELECT 'topic', p.topic UNION ALL SELECT 'platform', p.platform
                                        UNION ALL SELECT DISTINCT 'agency', unnest(p.agencies)
                                        UNION ALL SELECT DISTINCT 'place', unnest(p.places)) AS d(dim, val)
                    WHERE p.id = ANY(:ids)
                    GROUP BY 1, 2, 3, 4, 5
                    ORDER BY 1, 2, 3, 4, 5
                    ON CONFLICT (scope, dim, val, restricted, %2$s) DO UPDATE SET posts = h.posts + excluded.posts,
                        negative = h.negative + excluded.negative, neutral = h.neutral + excluded.neutral,
                        positive = h.positive + excluded.positive, toxic = h.toxic + excluded.toxic
                    """.formatted(bucket[0], bucket[1], bucket[2]))
                    .param("sign", sign).param("ids", postIds.toArray(Long[]::new)).update();
        }
        // stories per agency and day (the province's top stories come from the story table)
        jdbc.sql("""
                INSERT INTO story_daily AS h (scope, day, story_id, posts, negative, toxic, public_posts)
                SELECT s.scope, (p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, p.story_id, :sign * count(*),
                       :sign * count(*) FILTER (WHERE p.sentiment = 'negative'),
                       :sign * count(*) FILTER (WHERE p.toxicity <> 'CLEAN'),
                       :sign * count(*) FILTER (WHERE p.platform NOT IN ('HOTLINE', 'OFFICE'))
                FROM post p CROSS JOIN LATERAL unnest(p.agencies) AS s(scope)
                WHERE p.id = ANY(:ids) AND p.story_id IS NOT NULL
                GROUP BY 1, 2, 3
                ORDER BY 1, 2, 3
                ON CONFLICT (scope, day, story_id) DO UPDATE SET posts = h.posts + excluded.posts,
                    negative = h.negative + excluded.negative, toxic = h.toxic + excluded.toxic,
                    public_posts = h.public_posts + excluded.public_posts
                """).param("sign", sign).param("ids", postIds.toArray(Long[]::new)).update();
    }
}
