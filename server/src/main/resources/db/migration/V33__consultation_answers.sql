-- Issue #17, consultation (part B): the contributions grouped into themes per article, the officers' corrections of
-- the groups (kept and applied again when the grouping is run again), one answer per group with four eyes before
-- publication, answer templates, and the notices sent to contributors when answered and when the final text is adopted.

-- A theme of the contributions on one article (unit_key of the ARTICLE unit, 'draft' for the whole draft).
-- manual: made by an officer (split off), kept as it is when the grouping runs again.
CREATE TABLE consultation_group (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id   BIGINT      NOT NULL REFERENCES consultation (id),
    unit_key          TEXT        NOT NULL,
    label             TEXT        NOT NULL,
    keywords          TEXT[]      NOT NULL DEFAULT '{}',
    negative          INT         NOT NULL DEFAULT 0,
    neutral           INT         NOT NULL DEFAULT 0,
    positive          INT         NOT NULL DEFAULT 0,
    unclear           INT         NOT NULL DEFAULT 0,
    near_duplicates   INT         NOT NULL DEFAULT 0,
    representative_id BIGINT REFERENCES consultation_contribution (id),
    manual            BOOLEAN     NOT NULL DEFAULT FALSE,
    split_by          BIGINT,                 -- the SPLIT correction that made it (manual groups)
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX consultation_group_idx ON consultation_group (consultation_id, unit_key);
SELECT loa_grant_to_app('consultation_group', 'SELECT, INSERT, UPDATE, DELETE');

-- Which group a contribution is in: one group at a time.
CREATE TABLE consultation_group_member (
    contribution_id BIGINT PRIMARY KEY REFERENCES consultation_contribution (id),
    group_id        BIGINT NOT NULL REFERENCES consultation_group (id)
);
CREATE INDEX consultation_group_member_group_idx ON consultation_group_member (group_id);
SELECT loa_grant_to_app('consultation_group_member', 'SELECT, INSERT, UPDATE, DELETE');

-- An officer's correction, kept in order and applied again after every regrouping. Groups are named through their
-- members (anchor_id: "the group that holds this contribution"), since a regrouping makes new groups.
-- MOVE contribution_id into anchor_id's group; MERGE contribution_id's group into anchor_id's group;
-- RENAME contribution_id's group to label; SPLIT contribution_ids off into a new group named label.
CREATE TABLE consultation_group_correction (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id  BIGINT      NOT NULL REFERENCES consultation (id),
    action           TEXT        NOT NULL CHECK (action IN ('MOVE', 'MERGE', 'RENAME', 'SPLIT')),
    contribution_id  BIGINT REFERENCES consultation_contribution (id),
    anchor_id        BIGINT REFERENCES consultation_contribution (id),
    contribution_ids BIGINT[]    NOT NULL DEFAULT '{}',
    label            TEXT,
    made_by          TEXT        NOT NULL,
    made_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX consultation_group_correction_idx ON consultation_group_correction (consultation_id, id);
SELECT loa_grant_to_app('consultation_group_correction', 'SELECT, INSERT');

-- An agency's answer templates; the body may hold {article}, {theme}, {count} and {title}.
CREATE TABLE consultation_answer_template (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    verdict     TEXT        NOT NULL CHECK (verdict IN ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED')),
    body        TEXT        NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (agency_code, name)
);
SELECT loa_grant_to_app('consultation_answer_template', 'SELECT, INSERT, UPDATE');

-- One answer per group, the answer of every contribution in it. status: DRAFT (being written), SUBMITTED (waiting for a
-- second person), APPROVED (by someone other than its author), PUBLISHED (shown and sent to the contributors).
CREATE TABLE consultation_answer (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id),
    group_id        BIGINT      NOT NULL UNIQUE REFERENCES consultation_group (id),
    verdict         TEXT        NOT NULL CHECK (verdict IN ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED')),
    reason          TEXT        NOT NULL,
    template_id     BIGINT REFERENCES consultation_answer_template (id),
    status          TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED')),
    drafted_by      TEXT        NOT NULL,
    drafted_at      TIMESTAMPTZ NOT NULL,
    submitted_by    TEXT,
    submitted_at    TIMESTAMPTZ,
    approved_by     TEXT,
    approved_at     TIMESTAMPTZ,
    published_by    TEXT,
    published_at    TIMESTAMPTZ
);
CREATE INDEX consultation_answer_idx ON consultation_answer (consultation_id);
SELECT loa_grant_to_app('consultation_answer', 'SELECT, INSERT, UPDATE');

-- A notice to a contributor (once per answer and contact, once per adoption and contact), sent through publishing.
CREATE TABLE consultation_notice (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id),
    kind            TEXT        NOT NULL CHECK (kind IN ('ANSWERED', 'ADOPTED')),
    answer_id       BIGINT REFERENCES consultation_answer (id),
    contribution_id BIGINT      NOT NULL REFERENCES consultation_contribution (id),
    contact         TEXT        NOT NULL,
    publication_id  BIGINT      NOT NULL,
    notice_key      TEXT        NOT NULL UNIQUE,
    sent_at         TIMESTAMPTZ NOT NULL
);
SELECT loa_grant_to_app('consultation_notice', 'SELECT, INSERT');
