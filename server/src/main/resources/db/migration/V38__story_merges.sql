-- Stories that one post shows to be one (a post near duplicates of two stored stories) become one: the younger
-- story's posts move to the older, and the younger stays as a row that points at it (merged_into), so that a link
-- to it (a case, a crisis, a bookmark) still leads to the story. story_merge is the history of those merges, in
-- order; the search index reads it to index the moved posts again.
ALTER TABLE story
    ADD COLUMN merged_into BIGINT REFERENCES story (id);

CREATE TABLE story_merge
(
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    story_id  BIGINT                   NOT NULL REFERENCES story (id),
    merged_id BIGINT                   NOT NULL REFERENCES story (id),
    posts     INT                      NOT NULL,
    post_ids  BIGINT[]                 NOT NULL,
    merged_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX story_merge_story ON story_merge (story_id);
CREATE INDEX story_merged_into ON story (merged_into) WHERE merged_into IS NOT NULL;

SELECT loa_grant_to_app('story_merge', 'SELECT, INSERT');
-- a merged story's daily counts move to the story it joined
SELECT loa_grant_to_app('story_daily', 'SELECT, INSERT, UPDATE, DELETE');
