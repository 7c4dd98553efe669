-- Near duplicates are looked for among posts of the same band published within a week: the band
-- indexes carry the publication time and cover only posts that belong to a story.
DROP INDEX post_fingerprint_band0;
DROP INDEX post_fingerprint_band1;
DROP INDEX post_fingerprint_band2;
DROP INDEX post_fingerprint_band3;
CREATE INDEX post_story_band0 ON post (((fingerprint >> 48) & 65535), published_at) WHERE story_id IS NOT NULL;
CREATE INDEX post_story_band1 ON post (((fingerprint >> 32) & 65535), published_at) WHERE story_id IS NOT NULL;
CREATE INDEX post_story_band2 ON post (((fingerprint >> 16) & 65535), published_at) WHERE story_id IS NOT NULL;
CREATE INDEX post_story_band3 ON post ((fingerprint & 65535), published_at) WHERE story_id IS NOT NULL;
