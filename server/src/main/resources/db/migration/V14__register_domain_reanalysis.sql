-- What the language engine reads in a post besides its tone: its register (a news report, an official
-- statement, a citizen's comment), its policy domain, and the version of the models that labelled it.
-- Posts stored before had neither: news sites and web sites count as news, the rest as comments, every
-- domain as 'other', until a re-analysis (bin/loa reanalyze) labels them with the models of the day.
-- The defaults fill existing rows without rewriting the table; only news posts are updated.
ALTER TABLE post
    ADD COLUMN register      VARCHAR(10) NOT NULL DEFAULT 'comment',
    ADD COLUMN domain        VARCHAR(40) NOT NULL DEFAULT 'other',
    ADD COLUMN model_version VARCHAR(40) NOT NULL DEFAULT 'before-2026-12';
UPDATE post SET register = 'news' WHERE platform IN ('NEWS', 'WEBSITE');
ALTER TABLE post
    ALTER COLUMN register DROP DEFAULT,
    ALTER COLUMN domain DROP DEFAULT,
    ALTER COLUMN model_version DROP DEFAULT;

-- Roll-ups by register and by domain. The rows of the posts rolled up already are derived from the
-- roll-ups themselves (registers from platforms, every domain 'other'); posts still pending are rolled
-- up later with their columns. The inline CHECK of V7 is named post_hourly_dim_check by PostgreSQL.
ALTER TABLE post_hourly DROP CONSTRAINT post_hourly_dim_check;
ALTER TABLE post_hourly ADD CONSTRAINT post_hourly_dim_check
    CHECK (dim IN ('all', 'topic', 'platform', 'agency', 'place', 'register', 'domain'));

INSERT INTO post_hourly (scope, dim, val, restricted, hour, posts, negative, neutral, positive, toxic)
SELECT scope, 'register', CASE WHEN val IN ('NEWS', 'WEBSITE') THEN 'news' ELSE 'comment' END, restricted, hour,
       sum(posts), sum(negative), sum(neutral), sum(positive), sum(toxic)
FROM post_hourly WHERE dim = 'platform' GROUP BY 1, 2, 3, 4, 5;
INSERT INTO post_hourly (scope, dim, val, restricted, hour, posts, negative, neutral, positive, toxic)
SELECT scope, 'domain', 'other', restricted, hour, posts, negative, neutral, positive, toxic
FROM post_hourly WHERE dim = 'all';

INSERT INTO post_daily (scope, dim, val, restricted, day, posts, negative, neutral, positive, toxic)
SELECT scope, 'register', CASE WHEN val IN ('NEWS', 'WEBSITE') THEN 'news' ELSE 'comment' END, restricted, day,
       sum(posts), sum(negative), sum(neutral), sum(positive), sum(toxic)
FROM post_daily WHERE dim = 'platform' GROUP BY 1, 2, 3, 4, 5;
INSERT INTO post_daily (scope, dim, val, restricted, day, posts, negative, neutral, positive, toxic)
SELECT scope, 'domain', 'other', restricted, day, posts, negative, neutral, positive, toxic
FROM post_daily WHERE dim = 'all';

-- Routing by policy domain, beside keywords and topics (the inline CHECK of V7: routing_rule_kind_check).
ALTER TABLE routing_rule DROP CONSTRAINT routing_rule_kind_check;
ALTER TABLE routing_rule ADD CONSTRAINT routing_rule_kind_check CHECK (kind IN ('KEYWORD', 'TOPIC', 'DOMAIN'));

-- Re-analyses of stored posts with the models of the day: one row per run, its progress written after
-- each batch, so that a run stopped half-way resumes after its last post.
CREATE TABLE reanalysis
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_version VARCHAR(40)              NOT NULL,
    started_by    VARCHAR(100)             NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    posts_total   BIGINT                   NOT NULL,
    posts_done    BIGINT                   NOT NULL DEFAULT 0,
    last_post_id  BIGINT                   NOT NULL DEFAULT 0,
    status        VARCHAR(12)              NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'INTERRUPTED'))
);

SELECT loa_grant_to_app('reanalysis', 'SELECT, INSERT, UPDATE');
