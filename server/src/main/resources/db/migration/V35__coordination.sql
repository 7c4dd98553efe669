-- Issue #18, coordination: directives broken into tasks ("5 rõ": who, what, when, result, responsibility), each task
-- followed per occurrence (one for a one-off task, one per month, quarter or year for a recurring one) through the
-- agencies' progress reports; reminders and escalation once per due date; tasks of a dissolved agency passed to its
-- successors with their history; difficulties and proposals sent to the province through the Department of Information
-- and Communications (since 01/07/2025 its successor) and answered or forwarded; the province's periodic reports on
-- policy communication assembled from Loa's data, edited, numbered when issued and sealed with the audit chain's hash.
--
-- Agencies are referenced by id, not code: a task keeps the unit it was given to (the 2023 district, say) while the
-- code may be reused by a later unit. Users are referenced by user name, as in the rest of Loa.

-- A directive, plan or official letter that assigns tasks ("Chỉ thị", "Kế hoạch", "Công văn").
CREATE TABLE coord_directive (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_kind           TEXT        NOT NULL,            -- "Chỉ thị", "Công văn", "Kế hoạch", "Quyết định"; free text
    number             TEXT        NOT NULL,            -- number and symbol as written: "1234/UBND-VXNV"
    issued_on          DATE        NOT NULL,
    issuer_agency_id   BIGINT      NOT NULL REFERENCES agency (id),
    signer             TEXT        NOT NULL,            -- "Phó Chủ tịch Nguyễn Văn A"; no academic titles (Decree 30)
    title              TEXT        NOT NULL,            -- the summary line ("V/v tăng cường công tác truyền thông chính sách")
    summary            TEXT,                            -- the officer's own short account
    body               TEXT,                            -- the full text, typed or extracted from the DOCX
    file_name          TEXT,
    file_bytes         BYTEA,                           -- the DOCX as received, byte for byte
    status             TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ENDED')),
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (number, issued_on)
);
SELECT loa_grant_to_app('coord_directive', 'SELECT, INSERT, UPDATE');

-- One task of a directive. ONCE has due_on (null: no deadline, "thường xuyên"); a recurring task is due each period
-- on day due_day of the period's last month (clamped to the month's length; for YEARLY in month due_month, default 12),
-- from starts_on until ends_on (null: no end). When its lead agency is dissolved, the task is closed as TRANSFERRED and
-- one new task per successor is created with inherited_from pointing here (history stays on both).
CREATE TABLE coord_task (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    directive_id       BIGINT      NOT NULL REFERENCES coord_directive (id),
    clause             TEXT,                            -- where in the directive: "1.a", "Mục 3"
    title              TEXT        NOT NULL,            -- what (việc gì)
    expected_result    TEXT        NOT NULL,            -- result (sản phẩm, kết quả)
    lead_agency_id     BIGINT      NOT NULL REFERENCES agency (id),   -- who and responsibility (chủ trì)
    recurrence         TEXT        NOT NULL DEFAULT 'ONCE' CHECK (recurrence IN ('ONCE', 'MONTHLY', 'QUARTERLY', 'YEARLY')),
    due_on             DATE,                            -- ONCE only
    due_day            SMALLINT CHECK (due_day BETWEEN 1 AND 31),     -- recurring only
    due_month          SMALLINT CHECK (due_month BETWEEN 1 AND 12),   -- YEARLY only
    starts_on          DATE        NOT NULL,
    ends_on            DATE,
    is_report          BOOLEAN     NOT NULL DEFAULT FALSE,            -- the task is to send a report (the leader's "reports due")
    state              TEXT        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'TRANSFERRED', 'CANCELLED')),
    inherited_from     BIGINT REFERENCES coord_task (id),
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    CHECK ((recurrence = 'ONCE' AND due_day IS NULL) OR (recurrence <> 'ONCE' AND due_day IS NOT NULL AND due_on IS NULL))
);
CREATE INDEX coord_task_directive ON coord_task (directive_id);
CREATE INDEX coord_task_lead ON coord_task (lead_agency_id, state);
SELECT loa_grant_to_app('coord_task', 'SELECT, INSERT, UPDATE');

-- The agencies that support the lead agency (phối hợp).
CREATE TABLE coord_task_support (
    task_id            BIGINT      NOT NULL REFERENCES coord_task (id),
    agency_id          BIGINT      NOT NULL REFERENCES agency (id),
    PRIMARY KEY (task_id, agency_id)
);
SELECT loa_grant_to_app('coord_task_support', 'SELECT, INSERT, DELETE');

-- One occurrence of a task: the only one of a ONCE task, one per period of a recurring one (period_start..period_end,
-- both inclusive; for a ONCE task the task's start to its due date). done_on is the day the lead agency reported it done.
-- Its status class is computed, never stored (TaskStatusClass.of(due_on, done_on, today)):
--   DONE_ON_TIME  done_on <= due_on (or no due date);   DONE_LATE  done_on > due_on;
--   IN_PROGRESS   not done and (no due date or today <= due_on);   OVERDUE  not done and today > due_on.
-- reminded_due / escalated_due hold the due date a reminder / an escalation was sent for, so each is sent once per due
-- date (a due date moved by the coordinator may be reminded of again).
CREATE TABLE coord_occurrence (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id            BIGINT      NOT NULL REFERENCES coord_task (id),
    period_start       DATE        NOT NULL,
    period_end         DATE        NOT NULL,
    due_on             DATE,
    done_on            DATE,
    done_by            TEXT,
    reminded_due       DATE,
    escalated_due      DATE,
    escalated_at       TIMESTAMPTZ,
    UNIQUE (task_id, period_start)
);
CREATE INDEX coord_occurrence_open ON coord_occurrence (due_on) WHERE done_on IS NULL;
SELECT loa_grant_to_app('coord_occurrence', 'SELECT, INSERT, UPDATE');

-- A progress report of an agency on one occurrence: text, a percentage, figures (name -> number, e.g.
-- {"bài viết": 12, "lượt tiếp cận": 4500}) and whether it reports the occurrence done.
CREATE TABLE coord_progress (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurrence_id      BIGINT      NOT NULL REFERENCES coord_occurrence (id),
    agency_id          BIGINT      NOT NULL REFERENCES agency (id),
    body               TEXT        NOT NULL,
    percent            SMALLINT CHECK (percent BETWEEN 0 AND 100),
    figures            JSONB       NOT NULL DEFAULT '{}'::jsonb,
    marks_done         BOOLEAN     NOT NULL DEFAULT FALSE,
    reported_by        TEXT        NOT NULL,
    reported_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX coord_progress_occurrence ON coord_progress (occurrence_id);
SELECT loa_grant_to_app('coord_progress', 'SELECT, INSERT');

-- A difficulty or a proposal of an agency to the province, about a task or the directive in general. The Department of
-- Information and Communications (the coordinator) answers it, or forwards it to the agency competent to answer
-- (forwarded_to_agency_id), which then answers; CLOSED once the sender has what it needs.
CREATE TABLE coord_difficulty (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                   TEXT        NOT NULL CHECK (kind IN ('DIFFICULTY', 'PROPOSAL')),
    agency_id              BIGINT      NOT NULL REFERENCES agency (id),
    directive_id           BIGINT REFERENCES coord_directive (id),
    task_id                BIGINT REFERENCES coord_task (id),
    title                  TEXT        NOT NULL,
    body                   TEXT        NOT NULL,
    status                 TEXT        NOT NULL DEFAULT 'SUBMITTED'
                               CHECK (status IN ('SUBMITTED', 'FORWARDED', 'ANSWERED', 'CLOSED')),
    forwarded_to_agency_id BIGINT REFERENCES agency (id),
    forward_note           TEXT,
    answer                 TEXT,
    answered_by            TEXT,
    answered_at            TIMESTAMPTZ,
    created_by             TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX coord_difficulty_agency ON coord_difficulty (agency_id, status);
SELECT loa_grant_to_app('coord_difficulty', 'SELECT, INSERT, UPDATE');

-- A file attached to a progress report or a difficulty (exactly one of the two).
CREATE TABLE coord_attachment (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    progress_id        BIGINT REFERENCES coord_progress (id),
    difficulty_id      BIGINT REFERENCES coord_difficulty (id),
    file_name          TEXT        NOT NULL,
    content_type       TEXT        NOT NULL,
    bytes              BYTEA       NOT NULL,
    sha256             TEXT        NOT NULL,
    uploaded_by        TEXT        NOT NULL,
    uploaded_at        TIMESTAMPTZ NOT NULL,
    CHECK ((progress_id IS NULL) <> (difficulty_id IS NULL))
);
SELECT loa_grant_to_app('coord_attachment', 'SELECT, INSERT');

-- What happened to a task, oldest first: CREATED, CHANGED (detail says what), PROGRESS, DONE, REOPENED, REMINDED,
-- ESCALATED, TRANSFERRED_OUT (to the successors), TRANSFERRED_IN (from the dissolved unit), CANCELLED.
CREATE TABLE coord_task_event (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id            BIGINT      NOT NULL REFERENCES coord_task (id),
    occurrence_id      BIGINT REFERENCES coord_occurrence (id),
    kind               TEXT        NOT NULL,
    actor              TEXT        NOT NULL,
    detail             TEXT,
    at                 TIMESTAMPTZ NOT NULL
);
CREATE INDEX coord_task_event_task ON coord_task_event (task_id, id);
SELECT loa_grant_to_app('coord_task_event', 'SELECT, INSERT');

-- The province's periodic report on policy communication. figures holds what Loa computed for the period when the
-- draft was (re)generated (JSON, the source of every number in the text and tables); sections holds the text of each
-- section as the officers edited it ({"key": "text"}). Issuing gives it the next number of the year for its symbol
-- ("Số: 07/BC-UBND"; numbers start at 01 on 1 January, Decree 30/2020), stores the DOCX as issued, and seals it with the
-- audit chain's latest record (id and hash), so that removing later-than-that records is detectable by comparing.
CREATE TABLE coord_report (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind               TEXT        NOT NULL CHECK (kind IN ('MONTHLY', 'QUARTERLY', 'YEARLY')),
    period_start       DATE        NOT NULL,
    period_end         DATE        NOT NULL,
    issuer_agency_id   BIGINT      NOT NULL REFERENCES agency (id),
    symbol             TEXT        NOT NULL,           -- "BC-UBND"
    number             INT,                            -- null until issued
    number_year        INT,
    title              TEXT        NOT NULL,
    status             TEXT        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ISSUED')),
    figures            JSONB       NOT NULL,
    sections           JSONB       NOT NULL,
    generated_at       TIMESTAMPTZ NOT NULL,
    generated_by       TEXT        NOT NULL,
    edited_at          TIMESTAMPTZ,
    edited_by          TEXT,
    issued_at          TIMESTAMPTZ,
    issued_by          TEXT,
    issued_on          DATE,
    audit_record_id    BIGINT,
    audit_hash         TEXT,
    docx               BYTEA,
    UNIQUE (symbol, number_year, number)
);
CREATE INDEX coord_report_period ON coord_report (kind, period_start);
SELECT loa_grant_to_app('coord_report', 'SELECT, INSERT, UPDATE');
