-- A contribution that is not about the draft at all (a complaint about a road under a draft on health insurance, an
-- advertisement, chatter) is marked off-topic by an officer instead of being rejected: it stays recorded, is left out
-- of the theme groups and of the per-article counts, and the synthesis report accounts for it in a section of its own.
-- A contribution's version, one more with every change (moderation, off-topic mark), lets a step taken from a page
-- name the version it showed, so that a stale page changes nothing.
ALTER TABLE consultation_contribution ADD COLUMN off_topic BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE consultation_contribution ADD COLUMN off_topic_note VARCHAR(300);
ALTER TABLE consultation_contribution ADD COLUMN off_topic_by TEXT;
ALTER TABLE consultation_contribution ADD COLUMN off_topic_at TIMESTAMPTZ;
ALTER TABLE consultation_contribution ADD COLUMN version INT NOT NULL DEFAULT 1;
