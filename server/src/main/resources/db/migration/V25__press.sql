-- Issue #15: the press and spokesperson desk (Decree 09/2017/NĐ-CP): the spokesperson registry, the media directory,
-- press enquiries on a clock and statements in the six forms of Art. 4.

-- Who may speak for an agency (Art. 3). Rows are never deleted: a spokesperson leaves by an end date, a row entered by
-- mistake is withdrawn; both stay in the history.
CREATE TABLE press_spokesperson (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code       TEXT        NOT NULL,
    capacity          TEXT        NOT NULL CHECK (capacity IN ('HEAD', 'SPOKESPERSON', 'AUTHORISED')),
    matter            TEXT,
    full_name         TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    phone             TEXT        NOT NULL,
    email             TEXT        NOT NULL,
    username          TEXT,
    valid_from        DATE        NOT NULL,
    valid_to          DATE,
    withdrawn_at      TIMESTAMPTZ,
    withdrawn_by      TEXT,
    withdrawal_reason TEXT,
    entered_by        TEXT        NOT NULL,
    entered_at        TIMESTAMPTZ NOT NULL,
    CHECK (capacity <> 'AUTHORISED' OR matter IS NOT NULL),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX press_spokesperson_agency ON press_spokesperson (agency_code, valid_from);

CREATE TABLE press_spokesperson_change (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    spokesperson_id BIGINT      NOT NULL REFERENCES press_spokesperson (id),
    action          TEXT        NOT NULL,
    actor           TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    note            TEXT
);
CREATE INDEX press_spokesperson_change_of ON press_spokesperson_change (spokesperson_id);

-- Press agencies (newspapers, radio and television, online papers, news agencies), effective-dated like agencies; one
-- that is also a unit of the province names its agency code.
CREATE TABLE press_outlet (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('NEWSPAPER', 'BROADCASTER', 'ONLINE', 'NEWS_AGENCY', 'MAGAZINE')),
    agency_code TEXT,
    newsroom_email TEXT,
    valid_from  DATE        NOT NULL,
    valid_to    DATE,
    entered_by  TEXT        NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Journalists of a press agency: a PRESS account when they have one, their beats and how they want to be reached.
CREATE TABLE press_journalist (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outlet_id          BIGINT      NOT NULL REFERENCES press_outlet (id),
    full_name          TEXT        NOT NULL,
    username           TEXT,
    email              TEXT,
    phone              TEXT,
    beats              TEXT[]      NOT NULL DEFAULT '{}',
    contact_preference TEXT        NOT NULL CHECK (contact_preference IN ('EMAIL', 'PHONE', 'LOA')),
    receives_releases  BOOLEAN     NOT NULL DEFAULT true,
    valid_from         DATE        NOT NULL,
    valid_to           DATE,
    entered_by         TEXT        NOT NULL,
    entered_at         TIMESTAMPTZ NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX press_journalist_outlet ON press_journalist (outlet_id);

-- Time limits for answering the press, effective-dated: an enquiry keeps the row in force when it was received. Decree
-- 09/2017 sets no limit that Loa could verify (LEGAL.md B4), so the first rows are the province's internal rules and
-- say so; an administrator enters the rows of a later rule with its source.
CREATE TABLE press_time_limit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    valid_from  DATE        NOT NULL,
    valid_to    DATE,
    kind        TEXT        NOT NULL CHECK (kind IN ('ROUTINE', 'CRISIS')),
    amount      INT         NOT NULL CHECK (amount BETWEEN 1 AND 1000),
    unit        TEXT        NOT NULL CHECK (unit IN ('WORKING_DAYS', 'HOURS')),
    legal       BOOLEAN     NOT NULL,
    source      TEXT        NOT NULL,
    entered_by  TEXT        NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (valid_from, kind)
);

INSERT INTO press_time_limit (valid_from, kind, amount, unit, legal, source, entered_by, entered_at) VALUES
 (DATE '2017-03-30', 'ROUTINE', 2, 'WORKING_DAYS', false,
  'Chưa kiểm chứng được thời hạn trong Nghị định 09/2017/NĐ-CP; mức thường được dẫn là 2 ngày làm việc, tỉnh áp dụng tạm',
  'system', now()),
 (DATE '2017-03-30', 'CRISIS', 24, 'HOURS', false,
  'Chưa kiểm chứng được Điều 6 Nghị định 09/2017/NĐ-CP; mức thường được dẫn là 24 giờ, tỉnh áp dụng tạm',
  'system', now());

CREATE TABLE press_enquiry (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code         TEXT        NOT NULL,
    kind                TEXT        NOT NULL CHECK (kind IN ('ROUTINE', 'CRISIS')),
    channel             TEXT        NOT NULL CHECK (channel IN ('LOA', 'PHONE', 'EMAIL')),
    journalist_username TEXT,
    journalist_name     TEXT        NOT NULL,
    outlet_name         TEXT,
    contact_email       TEXT,
    contact_phone       TEXT,
    subject             TEXT        NOT NULL,
    question            TEXT        NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    time_limit_id       BIGINT      NOT NULL REFERENCES press_time_limit (id),
    due_at              TIMESTAMPTZ NOT NULL,
    -- a limit in working days runs as a deadline of the calendar, which moves it when a day off is entered or withdrawn
    deadline_id         BIGINT,
    status              TEXT        NOT NULL,
    spokesperson_id     BIGINT REFERENCES press_spokesperson (id),
    draft               TEXT,
    drafted_by          TEXT,
    answer              TEXT,
    approved_by         TEXT,
    answered_at         TIMESTAMPTZ,
    published           BOOLEAN     NOT NULL DEFAULT false,
    reminded_due        TIMESTAMPTZ,
    escalated_due       TIMESTAMPTZ,
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX press_enquiry_agency ON press_enquiry (agency_code, status);
CREATE INDEX press_enquiry_journalist ON press_enquiry (journalist_username);
CREATE INDEX press_enquiry_due ON press_enquiry (due_at);

CREATE TABLE press_enquiry_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enquiry_id  BIGINT      NOT NULL REFERENCES press_enquiry (id),
    action      TEXT        NOT NULL,
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    note        TEXT
);
CREATE INDEX press_enquiry_history_of ON press_enquiry_history (enquiry_id);

-- Statements in the six forms of Decree 09/2017, Art. 4, each with its channel and approver.
CREATE TABLE press_statement (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code  TEXT        NOT NULL,
    form         TEXT        NOT NULL CHECK (form IN ('PRESS_CONFERENCE', 'PORTAL_STATEMENT', 'INTERVIEW', 'PRESS_RELEASE',
                                                      'BRIEFING', 'CORRECTION_REQUEST')),
    channel      TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    outlet_id    BIGINT REFERENCES press_outlet (id),
    enquiry_id   BIGINT REFERENCES press_enquiry (id),
    drafted_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    approved_by  TEXT,
    published_at TIMESTAMPTZ,
    mailed       TEXT
);
CREATE INDEX press_statement_agency ON press_statement (agency_code, status);
CREATE INDEX press_statement_published ON press_statement (published_at) WHERE published_at IS NOT NULL;

SELECT loa_grant_to_app('press_spokesperson', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_spokesperson_change', 'SELECT, INSERT');
SELECT loa_grant_to_app('press_outlet', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_journalist', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_time_limit', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_enquiry', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_enquiry_history', 'SELECT, INSERT');
SELECT loa_grant_to_app('press_statement', 'SELECT, INSERT, UPDATE');
