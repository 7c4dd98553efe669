-- Where posts come from: a feed, an import, a connector, an office. Owned by an agency.
CREATE TABLE post_source
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       VARCHAR(100)             NOT NULL UNIQUE,
    kind       VARCHAR(20)              NOT NULL CHECK (kind IN ('IMPORT', 'RSS', 'PUSH', 'MANUAL')),
    agency_id  BIGINT REFERENCES agency (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Near-duplicate posts (reposts, copies) form one story.
CREATE TABLE story
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fingerprint BIGINT                   NOT NULL,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    posts       INT                      NOT NULL DEFAULT 1
);

-- One import of a file: who, when, and what became of its lines.
CREATE TABLE post_import
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name   VARCHAR(300)             NOT NULL,
    actor       VARCHAR(100)             NOT NULL,
    agency_id   BIGINT REFERENCES agency (id),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    read        INT                      NOT NULL DEFAULT 0,
    stored      INT                      NOT NULL DEFAULT 0,
    duplicates  INT                      NOT NULL DEFAULT 0,
    quarantined INT                      NOT NULL DEFAULT 0
);

-- A line that could not be taken in, with its reason; the rest of its file went on.
CREATE TABLE quarantined_line
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id  BIGINT                   NOT NULL REFERENCES post_import (id),
    line       BIGINT                   NOT NULL,
    reason     TEXT                     NOT NULL,
    raw        TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX quarantined_line_import ON quarantined_line (import_id, line);

-- A post or comment, with what the language engine understood of it.
CREATE TABLE post
(
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id             BIGINT                   NOT NULL REFERENCES post_source (id),
    platform              VARCHAR(20)              NOT NULL,
    external_id           VARCHAR(200)             NOT NULL,
    url                   VARCHAR(2000),
    author                VARCHAR(200),
    published_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    title                 VARCHAR(1000),
    text                  TEXT                     NOT NULL,
    parent_external_id    VARCHAR(200),
    reactions             INT,
    shares                INT,
    comments              INT,
    content_hash          CHAR(64),
    normalized_text       TEXT                     NOT NULL,
    fingerprint           BIGINT                   NOT NULL,
    story_id              BIGINT REFERENCES story (id),
    sentiment             VARCHAR(20)              NOT NULL,
    sentiment_confidence  REAL                     NOT NULL,
    topic                 VARCHAR(40)              NOT NULL,
    toxicity              VARCHAR(20)              NOT NULL,
    toxicity_confidence   REAL                     NOT NULL,
    places                TEXT[]                   NOT NULL,
    agencies              TEXT[]                   NOT NULL,
    import_id             BIGINT REFERENCES post_import (id),
    ingested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT post_source_external_id UNIQUE (source_id, external_id)
);
-- Same content is stored once (only for texts long enough that sameness means a copy).
CREATE UNIQUE INDEX post_content_hash ON post (content_hash) WHERE content_hash IS NOT NULL;
CREATE INDEX post_published_at ON post (published_at);
CREATE INDEX post_story ON post (story_id);
CREATE INDEX post_fingerprint_band0 ON post (((fingerprint >> 48) & 65535));
CREATE INDEX post_fingerprint_band1 ON post (((fingerprint >> 32) & 65535));
CREATE INDEX post_fingerprint_band2 ON post (((fingerprint >> 16) & 65535));
CREATE INDEX post_fingerprint_band3 ON post ((fingerprint & 65535));

SELECT loa_grant_to_app('post_source', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('story', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('post_import', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('quarantined_line', 'SELECT, INSERT');
SELECT loa_grant_to_app('post', 'SELECT, INSERT, UPDATE');
