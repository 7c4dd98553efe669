-- Issue #17, consultation on draft policies (core tables): a draft imported from DOCX and split into its numbered
-- parts, its versions, the consultation that asks citizens and organisations about it, the period rules with their
-- legal source, and the contributions received (citizens' comments verified by a one-time code, organisations'
-- official opinions as documents), with their moderation. Grouping and answers are in V33.

-- A draft legal document or policy of an agency ("dự thảo").
CREATE TABLE consultation_draft (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    doc_kind    TEXT,                          -- e.g. "Quyết định", "Nghị quyết", "Kế hoạch"; free text
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
SELECT loa_grant_to_app('consultation_draft', 'SELECT, INSERT, UPDATE');

-- One imported version of a draft: the DOCX as received, kept byte for byte.
CREATE TABLE consultation_draft_version (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id     BIGINT      NOT NULL REFERENCES consultation_draft (id),
    version_no   INT         NOT NULL CHECK (version_no >= 1),
    file_name    TEXT        NOT NULL,
    file_bytes   BYTEA       NOT NULL,
    note         TEXT,
    final        BOOLEAN     NOT NULL DEFAULT FALSE, -- the text adopted at the end of the consultation
    imported_by  TEXT        NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (draft_id, version_no)
);
SELECT loa_grant_to_app('consultation_draft_version', 'SELECT, INSERT, UPDATE');

-- A numbered part of a version: PREAMBLE (text before the first chapter or article), CHAPTER, SECTION (Mục), ARTICLE,
-- CLAUSE (khoản "1."), POINT (điểm "a)"). number keeps the draft's own numbering ("II", "5", "2", "a");
-- unit_key is stable across versions for the same numbered place ("c2.a5.k1.pa"-like, see DraftParser) so that
-- versions can be compared article by article.
CREATE TABLE consultation_draft_unit (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id BIGINT  NOT NULL REFERENCES consultation_draft_version (id),
    parent_id  BIGINT REFERENCES consultation_draft_unit (id),
    kind       TEXT    NOT NULL CHECK (kind IN ('PREAMBLE', 'CHAPTER', 'SECTION', 'ARTICLE', 'CLAUSE', 'POINT')),
    number     TEXT,
    heading    TEXT,
    body       TEXT    NOT NULL DEFAULT '',
    unit_key   TEXT    NOT NULL,
    position   INT     NOT NULL,
    UNIQUE (version_id, position)
);
CREATE INDEX consultation_draft_unit_version_idx ON consultation_draft_unit (version_id, kind);
SELECT loa_grant_to_app('consultation_draft_unit', 'SELECT, INSERT');

-- The minimum length of a consultation, effective-dated, with its legal source.
CREATE TABLE consultation_period_rule (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    valid_from DATE    NOT NULL,
    valid_to   DATE,
    min_days   INT     NOT NULL CHECK (min_days >= 1),
    source     TEXT    NOT NULL,
    certainty  TEXT    NOT NULL DEFAULT 'UNVERIFIED' CHECK (certainty IN ('VERIFIED', 'UNVERIFIED')),
    entered_by TEXT    NOT NULL,
    entered_at TIMESTAMPTZ NOT NULL,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
SELECT loa_grant_to_app('consultation_period_rule', 'SELECT, INSERT, UPDATE');

-- A consultation on one version of a draft. status: DRAFT (being prepared), OPEN (published, taking contributions
-- between opens_on and closes_on inclusive, Asia/Ho_Chi_Minh), CLOSED, ADOPTED (final text recorded).
CREATE TABLE consultation (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id         BIGINT      NOT NULL REFERENCES consultation_draft (id),
    version_id       BIGINT      NOT NULL REFERENCES consultation_draft_version (id),
    agency_code      TEXT        NOT NULL,
    title            TEXT        NOT NULL,
    summary          TEXT,
    opens_on         DATE        NOT NULL,
    closes_on        DATE        NOT NULL,
    period_rule_id   BIGINT REFERENCES consultation_period_rule (id),
    status           TEXT        NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'ADOPTED')),
    audiences        TEXT[]      NOT NULL DEFAULT '{}',
    keywords         TEXT[]      NOT NULL DEFAULT '{}', -- what listening looks for about the draft
    final_version_id BIGINT REFERENCES consultation_draft_version (id),
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    published_at     TIMESTAMPTZ,
    adopted_at       TIMESTAMPTZ,
    CHECK (closes_on >= opens_on)
);
SELECT loa_grant_to_app('consultation', 'SELECT, INSERT, UPDATE');

-- The questions a consultation asks.
CREATE TABLE consultation_question (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultation (id),
    position        INT    NOT NULL,
    text            TEXT   NOT NULL,
    UNIQUE (consultation_id, position)
);
SELECT loa_grant_to_app('consultation_question', 'SELECT, INSERT, UPDATE, DELETE');

-- A one-time code sent to a contributor's e-mail or phone. Only the code's hash is kept.
CREATE TABLE consultation_otp (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id),
    contact_kind    TEXT        NOT NULL CHECK (contact_kind IN ('EMAIL', 'PHONE')),
    contact         TEXT        NOT NULL,
    code_hash       TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    used_at         TIMESTAMPTZ
);
CREATE INDEX consultation_otp_contact_idx ON consultation_otp (contact, created_at);
SELECT loa_grant_to_app('consultation_otp', 'SELECT, INSERT, UPDATE');

-- A contribution: a citizen's comment on an article (unit_id, an ARTICLE unit of the consultation's version, or any
-- unit) or on the whole draft (unit_id NULL), or an organisation's official opinion (document attached).
-- status: RECEIVED (waiting for moderation), PUBLISHED (shown and counted), REJECTED (moderated away, with reason).
-- source: FORM (public form), OFFICIAL (entered by an officer from an official letter), IMPORT (file, e.g. demo), API.
CREATE TABLE consultation_contribution (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id  BIGINT      NOT NULL REFERENCES consultation (id),
    unit_id          BIGINT REFERENCES consultation_draft_unit (id),
    kind             TEXT        NOT NULL CHECK (kind IN ('CITIZEN', 'ORGANISATION')),
    author_name      TEXT        NOT NULL,
    organisation     TEXT,
    contact_kind     TEXT CHECK (contact_kind IN ('EMAIL', 'PHONE')),
    contact          TEXT,
    verified         BOOLEAN     NOT NULL DEFAULT FALSE,
    body             TEXT        NOT NULL,
    sentiment        TEXT,                 -- negative, neutral, positive, unclear (language engine)
    attachment_name  TEXT,
    attachment_type  TEXT,
    attachment_bytes BYTEA,
    source           TEXT        NOT NULL CHECK (source IN ('FORM', 'OFFICIAL', 'IMPORT', 'API')),
    status           TEXT        NOT NULL CHECK (status IN ('RECEIVED', 'PUBLISHED', 'REJECTED')),
    moderation_reason TEXT,
    moderated_by     TEXT,
    moderated_at     TIMESTAMPTZ,
    received_at      TIMESTAMPTZ NOT NULL,
    reference        TEXT        NOT NULL UNIQUE -- shown to the contributor ("GY-2026-000123") and used in links
);
CREATE INDEX consultation_contribution_idx ON consultation_contribution (consultation_id, unit_id, status);
SELECT loa_grant_to_app('consultation_contribution', 'SELECT, INSERT, UPDATE');
