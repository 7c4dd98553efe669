-- The dashboard's top stories of a period start from the largest stories, checked for activity in it.
CREATE INDEX IF NOT EXISTS story_largest ON story (posts DESC) WHERE posts > 1;
