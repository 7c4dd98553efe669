-- Issue #18, resources: the people each agency has for policy communication (spokesperson, communication officers) and
-- the training they received; budget lines per agency and year (planned, committed, spent), linked to a campaign or to
-- a press commissioning contract (Directive 07/CT-TTg: "đặt hàng" press agencies for policy communication); and what a
-- directive asks of each kind of agency, to show what an agency has against what it is asked.

-- A person working on policy communication in an agency, from one day to another (to_on null while they are).
CREATE TABLE res_staff (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_id          BIGINT      NOT NULL REFERENCES agency (id),
    full_name          TEXT        NOT NULL,
    position           TEXT,                           -- "Phó Giám đốc", "Chuyên viên"
    duty               TEXT        NOT NULL CHECK (duty IN ('SPOKESPERSON', 'COMMUNICATION_OFFICER', 'LEADER_IN_CHARGE')),
    full_time          BOOLEAN     NOT NULL DEFAULT FALSE, -- chuyên trách (true) or kiêm nhiệm
    phone              TEXT,
    email              TEXT,
    from_on            DATE        NOT NULL,
    to_on              DATE,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX res_staff_agency ON res_staff (agency_id);
SELECT loa_grant_to_app('res_staff', 'SELECT, INSERT, UPDATE');

-- A training a staff member completed.
CREATE TABLE res_training (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id           BIGINT      NOT NULL REFERENCES res_staff (id),
    course             TEXT        NOT NULL,
    provider           TEXT,
    completed_on       DATE        NOT NULL,
    hours              NUMERIC(6, 1) CHECK (hours > 0),
    certificate        TEXT,                           -- certificate number, may be null
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX res_training_staff ON res_training (staff_id);
SELECT loa_grant_to_app('res_training', 'SELECT, INSERT, UPDATE, DELETE');

-- A contract by which an agency orders ("đặt hàng") policy-communication products from a press agency.
CREATE TABLE res_press_contract (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_id          BIGINT      NOT NULL REFERENCES agency (id),   -- the ordering agency
    press_agency_id    BIGINT      NOT NULL REFERENCES agency (id),   -- the press agency (kind PRESS)
    number             TEXT        NOT NULL,
    signed_on          DATE        NOT NULL,
    subject            TEXT        NOT NULL,
    deliverables       TEXT,                           -- "24 phóng sự, 48 tin bài"
    value_vnd          NUMERIC(18, 0) NOT NULL CHECK (value_vnd >= 0),
    starts_on          DATE        NOT NULL,
    ends_on            DATE        NOT NULL,
    campaign_id        BIGINT REFERENCES campaign (id),
    status             TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED', 'CANCELLED')),
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (agency_id, number),
    CHECK (ends_on >= starts_on)
);
SELECT loa_grant_to_app('res_press_contract', 'SELECT, INSERT, UPDATE');

-- A budget line of an agency for one year, in đồng; committed and spent as last updated (each update audited).
CREATE TABLE res_budget_line (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_id          BIGINT      NOT NULL REFERENCES agency (id),
    year               INT         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    name               TEXT        NOT NULL,
    source             TEXT,                           -- "Ngân sách tỉnh", "Chương trình MTQG"
    planned_vnd        NUMERIC(18, 0) NOT NULL CHECK (planned_vnd >= 0),
    committed_vnd      NUMERIC(18, 0) NOT NULL DEFAULT 0 CHECK (committed_vnd >= 0),
    spent_vnd          NUMERIC(18, 0) NOT NULL DEFAULT 0 CHECK (spent_vnd >= 0),
    campaign_id        BIGINT REFERENCES campaign (id),
    contract_id        BIGINT REFERENCES res_press_contract (id),
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_by         TEXT,
    updated_at         TIMESTAMPTZ
);
CREATE INDEX res_budget_line_agency ON res_budget_line (agency_id, year);
SELECT loa_grant_to_app('res_budget_line', 'SELECT, INSERT, UPDATE');

-- What a directive asks of every agency of a kind (DEPARTMENT, COMMUNE, PRESS, ...): a spokesperson, at least
-- `minimum` communication officers, at least `minimum` trained officers, a budget line for the year.
CREATE TABLE res_requirement (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    directive_id       BIGINT REFERENCES coord_directive (id),
    clause             TEXT,
    agency_kind        TEXT        NOT NULL,
    kind               TEXT        NOT NULL CHECK (kind IN ('SPOKESPERSON', 'COMMUNICATION_OFFICERS', 'TRAINED_OFFICERS', 'BUDGET_LINE')),
    minimum            INT         NOT NULL DEFAULT 1 CHECK (minimum >= 0),
    note               TEXT,
    UNIQUE (directive_id, agency_kind, kind)
);
SELECT loa_grant_to_app('res_requirement', 'SELECT, INSERT, UPDATE, DELETE');
