-- A source its administrator marks as citizens' own posts (a residents' group, a local forum): every post on it but
-- hotline and office feedback reads as a citizen's comment, unless it has an official statement's form.
ALTER TABLE post_source
    ADD COLUMN citizens BOOLEAN NOT NULL DEFAULT FALSE;
