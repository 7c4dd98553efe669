package vn.loa.listening.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the posts afresh in SQL and compares them with the roll-ups the application keeps: a post
 * counts in every dimension (register and policy domain too) and, when its sentiment is 'unclear', in
 * none of negative, neutral and positive; a citizen's comment counts in comments too, and in negative
 * comments when it is negative.
 */
public final class RollupChecks {

    private RollupChecks() {
    }

    /** The roll-up tables whose rows disagree with the posts, with how many rows disagree; empty if all agree. */
    public static Map<String, Long> mismatches(JdbcClient jdbc) {
        Map<String, Long> wrong = new LinkedHashMap<>();
        for (String[] bucket : new String[][] {{"post_hourly", "hour", "date_trunc('hour', p.published_at)"},
            {"post_daily", "day", "(p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"}}) {
            long rows = jdbc.sql("""
                    WITH counted AS (
                        SELECT s.scope, d.dim, d.val, p.platform IN ('HOTLINE', 'OFFICE') AS restricted, %3$s AS bucket,
                               count(*) AS posts, count(*) FILTER (WHERE p.sentiment = 'negative') AS negative,
                               count(*) FILTER (WHERE p.sentiment = 'neutral') AS neutral,
                               count(*) FILTER (WHERE p.sentiment = 'positive') AS positive,
                               count(*) FILTER (WHERE p.toxicity <> 'CLEAN') AS toxic,
                               count(*) FILTER (WHERE p.register = 'comment') AS comments,
                               count(*) FILTER (WHERE p.register = 'comment' AND p.sentiment = 'negative')
                                   AS negative_comments
                        FROM post p
                        CROSS JOIN LATERAL (SELECT '' UNION SELECT unnest(p.agencies)) AS s(scope)
                        CROSS JOIN LATERAL (SELECT 'all', '' UNION ALL SELECT 'topic', p.topic WHERE p.topic <> 'unclear'
                                            UNION ALL SELECT 'platform', p.platform
                                            UNION ALL SELECT 'register', p.register
                                            UNION ALL SELECT 'domain', p.domain
                                            UNION ALL SELECT DISTINCT 'agency', unnest(p.agencies)
                                            UNION ALL SELECT DISTINCT 'place', unnest(p.places)) AS d(dim, val)
                        GROUP BY 1, 2, 3, 4, 5),
                    rolled AS (SELECT scope, dim, val, restricted, %2$s AS bucket, posts, negative, neutral, positive, toxic,
                                      comments, negative_comments
                               FROM %1$s WHERE posts <> 0)
                    SELECT count(*) FROM counted c FULL JOIN rolled r USING (scope, dim, val, restricted, bucket)
                    WHERE c.posts IS DISTINCT FROM r.posts OR c.negative IS DISTINCT FROM r.negative
                       OR c.neutral IS DISTINCT FROM r.neutral OR c.positive IS DISTINCT FROM r.positive
                       OR c.toxic IS DISTINCT FROM r.toxic OR c.comments IS DISTINCT FROM r.comments
                       OR c.negative_comments IS DISTINCT FROM r.negative_comments
                    """.formatted(bucket[0], bucket[1], bucket[2])).query(Long.class).single();
            if (rows > 0) {
                wrong.put(bucket[0], rows);
            }
        }
        long stories = jdbc.sql("""
                WITH counted AS (
                    SELECT s.scope, (p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, p.story_id,
                           count(*) AS posts, count(*) FILTER (WHERE p.sentiment = 'negative') AS negative,
                           count(*) FILTER (WHERE p.toxicity <> 'CLEAN') AS toxic,
                           count(*) FILTER (WHERE p.platform NOT IN ('HOTLINE', 'OFFICE')) AS public_posts,
                           count(*) FILTER (WHERE p.register = 'comment' AND p.sentiment = 'negative') AS negative_comments
                    FROM post p CROSS JOIN LATERAL unnest(p.agencies) AS s(scope)
                    WHERE p.story_id IS NOT NULL GROUP BY 1, 2, 3),
                rolled AS (SELECT * FROM story_daily WHERE posts <> 0)
                SELECT count(*) FROM counted c FULL JOIN rolled r USING (scope, day, story_id)
                WHERE c.posts IS DISTINCT FROM r.posts OR c.negative IS DISTINCT FROM r.negative
                   OR c.toxic IS DISTINCT FROM r.toxic OR c.public_posts IS DISTINCT FROM r.public_posts
                   OR c.negative_comments IS DISTINCT FROM r.negative_comments
                """).query(Long.class).single();
        if (stories > 0) {
            wrong.put("story_daily", stories);
        }
        return wrong;
    }
}
