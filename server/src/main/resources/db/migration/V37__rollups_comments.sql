-- Citizens' opinion apart from the news's tone in every roll-up row: how many of a row's posts are citizens'
-- comments (register 'comment') and how many of those are negative, so that each table of the dashboard (by
-- domain, topic, agency, place, platform, story) can show negative comments and negative news apart.
ALTER TABLE post_hourly
    ADD COLUMN comments          INT NOT NULL DEFAULT 0,
    ADD COLUMN negative_comments INT NOT NULL DEFAULT 0;
ALTER TABLE post_daily
    ADD COLUMN comments          INT NOT NULL DEFAULT 0,
    ADD COLUMN negative_comments INT NOT NULL DEFAULT 0;
ALTER TABLE story_daily
    ADD COLUMN negative_comments INT NOT NULL DEFAULT 0;

-- The rows of the comments rolled up already, as Rollups writes them: the province's scope ('') and each
-- agency the post is routed to; within each, every dimension the post counts under. Posts still pending
-- (rollup_pending) are rolled up later, with the new columns.
CREATE TEMPORARY TABLE rolled_comment ON COMMIT DROP AS
SELECT s.scope, d.dim, d.val, p.platform IN ('HOTLINE', 'OFFICE') AS restricted,
       date_trunc('hour', p.published_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour,
       (p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day,
       p.sentiment = 'negative' AS negative
FROM post p
CROSS JOIN LATERAL (SELECT '' UNION SELECT a FROM unnest(p.agencies) AS a) AS s(scope)
CROSS JOIN LATERAL (SELECT 'all', ''
                    UNION ALL SELECT 'topic', p.topic
                    UNION ALL SELECT 'platform', p.platform
                    UNION ALL SELECT 'register', p.register
                    UNION ALL SELECT 'domain', p.domain
                    UNION ALL (SELECT DISTINCT 'agency', a FROM unnest(p.agencies) AS a)
                    UNION ALL (SELECT DISTINCT 'place', pl FROM unnest(p.places) AS pl)) AS d(dim, val)
WHERE p.register = 'comment'
  AND NOT EXISTS (SELECT 1 FROM rollup_pending r WHERE p.id = ANY (r.post_ids));

UPDATE post_hourly h SET comments = c.comments, negative_comments = c.negative_comments
FROM (SELECT scope, dim, val, restricted, hour, count(*) AS comments, count(*) FILTER (WHERE negative) AS negative_comments
      FROM rolled_comment GROUP BY 1, 2, 3, 4, 5) AS c
WHERE h.scope = c.scope AND h.dim = c.dim AND h.val = c.val AND h.restricted = c.restricted AND h.hour = c.hour;

UPDATE post_daily h SET comments = c.comments, negative_comments = c.negative_comments
FROM (SELECT scope, dim, val, restricted, day, count(*) AS comments, count(*) FILTER (WHERE negative) AS negative_comments
      FROM rolled_comment GROUP BY 1, 2, 3, 4, 5) AS c
WHERE h.scope = c.scope AND h.dim = c.dim AND h.val = c.val AND h.restricted = c.restricted AND h.day = c.day;

UPDATE story_daily h SET negative_comments = c.negative_comments
FROM (SELECT s.scope, (p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, p.story_id, count(*) AS negative_comments
      FROM post p CROSS JOIN LATERAL (SELECT DISTINCT a FROM unnest(p.agencies) AS a) AS s(scope)
      WHERE p.story_id IS NOT NULL AND p.register = 'comment' AND p.sentiment = 'negative'
        AND NOT EXISTS (SELECT 1 FROM rollup_pending r WHERE p.id = ANY (r.post_ids))
      GROUP BY 1, 2, 3) AS c
WHERE h.scope = c.scope AND h.day = c.day AND h.story_id = c.story_id;
