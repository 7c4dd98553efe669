-- Posts per story, day and scope (the province, and each agency a post is routed to): an agency's top
-- stories of a period are read from here instead of from its posts scattered over the table.
CREATE TABLE story_daily
(
    scope    VARCHAR(40) NOT NULL,
    day      DATE        NOT NULL,
    story_id BIGINT      NOT NULL,
    posts    INT         NOT NULL,
    negative INT         NOT NULL,
    toxic    INT         NOT NULL,
    public_posts INT     NOT NULL,
    PRIMARY KEY (scope, day, story_id)
);

INSERT INTO story_daily (scope, day, story_id, posts, negative, toxic, public_posts)
SELECT s.scope, (p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, p.story_id, count(*),
       count(*) FILTER (WHERE p.sentiment = 'negative'), count(*) FILTER (WHERE p.toxicity <> 'CLEAN'),
       count(*) FILTER (WHERE p.platform NOT IN ('HOTLINE', 'OFFICE'))
FROM post p CROSS JOIN LATERAL unnest(p.agencies) AS s(scope)
WHERE p.story_id IS NOT NULL
GROUP BY 1, 2, 3;

SELECT loa_grant_to_app('story_daily', 'SELECT, INSERT, UPDATE');
