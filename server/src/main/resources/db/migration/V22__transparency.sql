-- Issue #14: information requests under the Law on Access to Information (104/2016/QH13) and Decree 13/2018.

-- Time limits, effective-dated: a request keeps the row in force on the day it was received. A later law
-- (the amended law in force from 01/09/2026) is entered as new rows with its source document.
CREATE TABLE access_time_limit (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    valid_from      DATE NOT NULL,
    valid_to        DATE,
    channel         TEXT NOT NULL CHECK (channel IN ('ELECTRONIC', 'POST', 'FAX', 'IN_PERSON')),
    complex         BOOLEAN NOT NULL,
    -- working days to answer (0: at once), working days to send the notice of handling (complex requests)
    answer_days     INT NOT NULL CHECK (answer_days BETWEEN 0 AND 100),
    notice_days     INT CHECK (notice_days BETWEEN 0 AND 100),
    -- the one extension: at most this many days, counted as calendar days (the law says "ngày", not "ngày làm việc")
    extension_days  INT NOT NULL CHECK (extension_days BETWEEN 0 AND 100),
    source          TEXT NOT NULL,
    entered_by      TEXT NOT NULL,
    entered_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (valid_from, channel, complex)
);

INSERT INTO access_time_limit (valid_from, channel, complex, answer_days, notice_days, extension_days, source, entered_by, entered_at) VALUES
 (DATE '2018-07-01', 'ELECTRONIC', false, 3,  NULL, 15, 'Luật Tiếp cận thông tin 2016, Điều 30', 'system', now()),
 (DATE '2018-07-01', 'POST',       false, 5,  NULL, 15, 'Luật Tiếp cận thông tin 2016, Điều 31', 'system', now()),
 (DATE '2018-07-01', 'FAX',        false, 5,  NULL, 15, 'Luật Tiếp cận thông tin 2016, Điều 31', 'system', now()),
 (DATE '2018-07-01', 'IN_PERSON',  false, 0,  NULL, 15, 'Luật Tiếp cận thông tin 2016, Điều 29', 'system', now()),
 (DATE '2018-07-01', 'ELECTRONIC', true,  15, 3,    15, 'Luật Tiếp cận thông tin 2016, Điều 30, 31', 'system', now()),
 (DATE '2018-07-01', 'POST',       true,  15, 3,    15, 'Luật Tiếp cận thông tin 2016, Điều 31', 'system', now()),
 (DATE '2018-07-01', 'FAX',        true,  15, 3,    15, 'Luật Tiếp cận thông tin 2016, Điều 31', 'system', now()),
 (DATE '2018-07-01', 'IN_PERSON',  true,  15, 3,    15, 'Luật Tiếp cận thông tin 2016, Điều 29', 'system', now());

CREATE TABLE information_request (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code         TEXT        NOT NULL,
    channel             TEXT        NOT NULL CHECK (channel IN ('ELECTRONIC', 'POST', 'FAX', 'IN_PERSON')),
    received_at         TIMESTAMPTZ NOT NULL,
    complex             BOOLEAN     NOT NULL DEFAULT false,
    requester_name      TEXT        NOT NULL,
    requester_id_number TEXT,
    requester_email     TEXT,
    requester_phone     TEXT,
    requester_address   TEXT,
    description         TEXT        NOT NULL,
    purpose             TEXT,
    delivery_form       TEXT,
    status              TEXT        NOT NULL,
    time_limit_id       BIGINT REFERENCES access_time_limit (id),
    deadline_id         BIGINT,
    due_date            DATE,
    complete_on         DATE,
    extended            BOOLEAN     NOT NULL DEFAULT false,
    repeat_of           BIGINT[],
    refusal_ground      TEXT,
    transferred_to      TEXT,
    answer              TEXT,
    partial             BOOLEAN,
    cost_vnd            BIGINT,
    publish_consent     BOOLEAN     NOT NULL DEFAULT false,
    published_request   TEXT,
    published_answer    TEXT,
    published_at        TIMESTAMPTZ,
    scan_name           TEXT,
    scan                BYTEA,
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX information_request_agency ON information_request (agency_code, status);
CREATE INDEX information_request_due ON information_request (due_date);
CREATE INDEX information_request_published ON information_request (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE information_request_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  BIGINT      NOT NULL REFERENCES information_request (id),
    action      TEXT        NOT NULL,
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    note        TEXT
);
CREATE INDEX information_request_history_request ON information_request_history (request_id, id);

-- one-time, expiring download links of answers (Art. 30(2)); the token is kept as its SHA-256 only
CREATE TABLE information_download (
    token_hash  TEXT PRIMARY KEY,
    request_id  BIGINT      NOT NULL REFERENCES information_request (id),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

SELECT loa_grant_to_app('access_time_limit', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('information_request', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('information_request_history', 'SELECT, INSERT');
SELECT loa_grant_to_app('information_download', 'SELECT, INSERT, UPDATE');
