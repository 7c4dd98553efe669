-- Issue #16, campaigns: an agency's yearly communication plan, its campaigns, one message written once and adapted per
-- channel, human translations into Chăm and Raglai, and the approval steps of each message (with the emergency log).

-- An agency's communication plan for a year (Directive 07, Decision 407/QĐ-TTg).
CREATE TABLE campaign_plan (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code TEXT        NOT NULL,
    year        INT         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title       TEXT        NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (agency_code, year)
);
SELECT loa_grant_to_app('campaign_plan', 'SELECT, INSERT, UPDATE');

-- A campaign of a plan. Lists (audiences, channels, communes, responsible agencies, keywords) are text arrays of codes.
CREATE TABLE campaign (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id              BIGINT      NOT NULL REFERENCES campaign_plan (id),
    agency_code          TEXT        NOT NULL,
    title                TEXT        NOT NULL,
    policy               TEXT        NOT NULL,
    objectives           TEXT,
    key_messages         TEXT,
    audiences            TEXT[]      NOT NULL DEFAULT '{}',
    communes             TEXT[]      NOT NULL DEFAULT '{}',
    channels             TEXT[]      NOT NULL DEFAULT '{}',
    responsible_agencies TEXT[]      NOT NULL DEFAULT '{}',
    starts_on            DATE        NOT NULL,
    ends_on              DATE        NOT NULL,
    budget_line          TEXT,
    budget_vnd           BIGINT CHECK (budget_vnd IS NULL OR budget_vnd >= 0),
    keywords             TEXT[]      NOT NULL DEFAULT '{}',
    created_by           TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX campaign_plan_idx ON campaign (plan_id);
SELECT loa_grant_to_app('campaign', 'SELECT, INSERT, UPDATE');

-- A message of a campaign, written once; its status is its approval state.
CREATE TABLE campaign_message (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id   BIGINT      NOT NULL REFERENCES campaign (id),
    agency_code   TEXT        NOT NULL,
    title         TEXT        NOT NULL,
    body          TEXT        NOT NULL,
    emergency     TEXT CHECK (emergency IS NULL OR emergency IN ('DISASTER', 'OUTBREAK', 'OTHER')),
    status        TEXT        NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'WITHDRAWN')),
    author        TEXT        NOT NULL,
    approved_by   TEXT,
    publish_at    TIMESTAMPTZ,
    published_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX campaign_message_due_idx ON campaign_message (publish_at) WHERE status = 'SCHEDULED';
SELECT loa_grant_to_app('campaign_message', 'SELECT, INSERT, UPDATE');

-- One channel version of a message, in Vietnamese. Audio is the loudspeaker's (recorded, or synthetic and labelled).
CREATE TABLE campaign_version (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      BIGINT      NOT NULL REFERENCES campaign_message (id),
    kind            TEXT        NOT NULL,
    title           TEXT,
    body            TEXT        NOT NULL,
    hashtags        TEXT,
    link            TEXT,
    audio           BYTEA,
    audio_name      TEXT,
    audio_type      TEXT,
    audio_synthetic BOOLEAN     NOT NULL DEFAULT false,
    edited_by       TEXT        NOT NULL,
    edited_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (message_id, kind)
);
SELECT loa_grant_to_app('campaign_version', 'SELECT, INSERT, UPDATE');

-- A human translation of one channel version into Chăm (cjm) or Raglai (roc): assigned, entered, approved by a reviewer
-- who is not the translator. Only an approved translation is ever published.
CREATE TABLE campaign_translation (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id   BIGINT      NOT NULL REFERENCES campaign_version (id),
    language     TEXT        NOT NULL CHECK (language IN ('cjm', 'roc')),
    translator   TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('ASSIGNED', 'SUBMITTED', 'APPROVED')),
    body         TEXT,
    audio        BYTEA,
    audio_name   TEXT,
    audio_type   TEXT,
    reviewer     TEXT,
    assigned_by  TEXT        NOT NULL,
    assigned_at  TIMESTAMPTZ NOT NULL,
    submitted_at TIMESTAMPTZ,
    approved_at  TIMESTAMPTZ,
    UNIQUE (version_id, language)
);
SELECT loa_grant_to_app('campaign_translation', 'SELECT, INSERT, UPDATE');

-- Every step of a message's approval, who and when; emergency steps carry their reason and make the emergency log.
CREATE TABLE campaign_step (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id  BIGINT      NOT NULL REFERENCES campaign_message (id),
    action      TEXT        NOT NULL,
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    reason      TEXT,
    emergency   BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX campaign_step_message_idx ON campaign_step (message_id);
SELECT loa_grant_to_app('campaign_step', 'SELECT, INSERT');

-- What was handed to publishing for each version and language, so that a withdrawal reaches every publication.
CREATE TABLE campaign_publication (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id     BIGINT NOT NULL REFERENCES campaign_message (id),
    version_id     BIGINT NOT NULL REFERENCES campaign_version (id),
    language       TEXT   NOT NULL,
    publication_id BIGINT NOT NULL
);
SELECT loa_grant_to_app('campaign_publication', 'SELECT, INSERT');
