-- Voices, not only texts: the same text from different authors or sources is kept, each copy a post of
-- its own (a repost in the story of the first copy). The content hash now finds a text's copies (and the
-- first of them, by id) instead of refusing them; only the same post seen twice (same source and external
-- id) is refused, by the post_source_external_id constraint.
DROP INDEX post_content_hash;
CREATE INDEX post_content_hash ON post (content_hash, id) WHERE content_hash IS NOT NULL;

-- Stories now gather every copy of a text, whenever it was posted: the posts of a story within a period
-- (the dashboard's top stories) are read by a range on (story, publication) rather than filtered.
CREATE INDEX post_story_published ON post (story_id, published_at);
DROP INDEX post_story;

-- Who has spoken, per scope (the province '', and each agency a post is routed to): an author (a name on a
-- platform; a post without an author's name is a voice of its own, keyed by its id) with the time of their
-- last post and of their last public post (not hotline or office feedback). The dashboard's period always
-- ends now, so the authors of the last N days are those whose last post is within them: one index range
-- count instead of a distinct count over the period's posts. Filled here from the posts stored before.
CREATE TABLE author_activity
(
    scope            VARCHAR(40)              NOT NULL,
    author_key       BIGINT                   NOT NULL,
    last_post        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_public_post TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (scope, author_key)
);

INSERT INTO author_activity (scope, author_key, last_post, last_public_post)
SELECT s.scope, hashtextextended(coalesce(p.platform || '|' || p.author, 'post|' || p.id), 0), max(p.published_at),
       max(p.published_at) FILTER (WHERE p.platform NOT IN ('HOTLINE', 'OFFICE'))
FROM post p CROSS JOIN LATERAL unnest(array_append(p.agencies, '')) AS s(scope)
GROUP BY 1, 2;

CREATE INDEX author_activity_last_post ON author_activity (scope, last_post);
CREATE INDEX author_activity_last_public_post ON author_activity (scope, last_public_post)
    WHERE last_public_post IS NOT NULL;

SELECT loa_grant_to_app('author_activity', 'SELECT, INSERT, UPDATE');
