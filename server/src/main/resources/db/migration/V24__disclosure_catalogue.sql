-- Issue #14: each agency's catalogue of information it must disclose proactively (Law on Access to Information
-- Art. 17-19, Decree 13/2018 Art. 6 and 11): what, under which category of Art. 17, by when, where it was published
-- and when it must be reviewed.
CREATE TABLE disclosure_item (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code  TEXT        NOT NULL,
    title        TEXT        NOT NULL CHECK (length(title) BETWEEN 3 AND 500),
    category     TEXT        NOT NULL,
    due_on       DATE        NOT NULL,
    published_on DATE,
    place        TEXT,
    url          TEXT,
    review_on    DATE,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_by   TEXT,
    updated_at   TIMESTAMPTZ
);
CREATE INDEX disclosure_item_agency ON disclosure_item (agency_code, due_on);

SELECT loa_grant_to_app('disclosure_item', 'SELECT, INSERT, UPDATE');
