-- An answer's version, one more with every change. A step taken from a page (submit, approve, publish) names the
-- version the page showed, so that an answer rewritten or moved on by someone else since is neither approved unread
-- nor published twice.
ALTER TABLE consultation_answer ADD COLUMN version INT NOT NULL DEFAULT 1;
