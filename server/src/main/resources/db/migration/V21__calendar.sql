-- Issue #14: Vietnamese working days as data. The holiday rules of the Labour Code, the days an administrator
-- enters from the government's yearly notices (never deleted, withdrawn with a reason), agencies' own working
-- weeks, and deadlines that move when the calendar changes, with the history of every move.

CREATE TABLE holiday_rule (
    code          TEXT    NOT NULL,
    valid_from    DATE    NOT NULL,
    valid_to      DATE,
    name_vi       TEXT    NOT NULL,
    name_en       TEXT    NOT NULL,
    lunar         BOOLEAN NOT NULL,
    month         INT     NOT NULL CHECK (month BETWEEN 1 AND 12),
    day           INT     NOT NULL CHECK (day BETWEEN 1 AND 31),
    -- the first day off relative to the anchor day (Tết: -1, the last day of the old year), and how many
    first_offset  INT     NOT NULL DEFAULT 0,
    days          INT     NOT NULL CHECK (days BETWEEN 1 AND 10),
    source        TEXT    NOT NULL,
    PRIMARY KEY (code, valid_from)
);

-- Labour Code 2012 (10/2012/QH13), Art. 115, in force 01/05/2013 to 31/12/2020: 10 days.
INSERT INTO holiday_rule (code, valid_from, valid_to, name_vi, name_en, lunar, month, day, first_offset, days, source) VALUES
 ('NEW_YEAR',     DATE '2013-05-01', DATE '2020-12-31', 'Tết Dương lịch', 'New Year''s Day', false, 1, 1, 0, 1, 'Bộ luật Lao động 2012, Điều 115'),
 ('TET',          DATE '2013-05-01', DATE '2020-12-31', 'Tết Nguyên đán', 'Lunar New Year (Tết)', true, 1, 1, -1, 5, 'Bộ luật Lao động 2012, Điều 115'),
 ('HUNG_KINGS',   DATE '2013-05-01', DATE '2020-12-31', 'Giỗ Tổ Hùng Vương', 'Hùng Kings'' Commemoration Day', true, 3, 10, 0, 1, 'Bộ luật Lao động 2012, Điều 115'),
 ('VICTORY',      DATE '2013-05-01', DATE '2020-12-31', 'Ngày Chiến thắng', 'Reunification Day', false, 4, 30, 0, 1, 'Bộ luật Lao động 2012, Điều 115'),
 ('LABOUR',       DATE '2013-05-01', DATE '2020-12-31', 'Ngày Quốc tế lao động', 'International Labour Day', false, 5, 1, 0, 1, 'Bộ luật Lao động 2012, Điều 115'),
 ('NATIONAL_DAY', DATE '2013-05-01', DATE '2020-12-31', 'Quốc khánh', 'National Day', false, 9, 2, 0, 1, 'Bộ luật Lao động 2012, Điều 115');

-- Labour Code 2019 (45/2019/QH14), Art. 112, in force from 01/01/2021: 11 days. The Prime Minister decides the
-- Tết days and the second National Day each year; until that notice is entered, Tết is the last day of the old
-- year and the first four of the new, and National Day is 1 and 2 September.
INSERT INTO holiday_rule (code, valid_from, valid_to, name_vi, name_en, lunar, month, day, first_offset, days, source) VALUES
 ('NEW_YEAR',     DATE '2021-01-01', NULL, 'Tết Dương lịch', 'New Year''s Day', false, 1, 1, 0, 1, 'Bộ luật Lao động 2019, Điều 112'),
 ('TET',          DATE '2021-01-01', NULL, 'Tết Nguyên đán', 'Lunar New Year (Tết)', true, 1, 1, -1, 5, 'Bộ luật Lao động 2019, Điều 112'),
 ('HUNG_KINGS',   DATE '2021-01-01', NULL, 'Giỗ Tổ Hùng Vương', 'Hùng Kings'' Commemoration Day', true, 3, 10, 0, 1, 'Bộ luật Lao động 2019, Điều 112'),
 ('VICTORY',      DATE '2021-01-01', NULL, 'Ngày Chiến thắng', 'Reunification Day', false, 4, 30, 0, 1, 'Bộ luật Lao động 2019, Điều 112'),
 ('LABOUR',       DATE '2021-01-01', NULL, 'Ngày Quốc tế lao động', 'International Labour Day', false, 5, 1, 0, 1, 'Bộ luật Lao động 2019, Điều 112'),
 ('NATIONAL_DAY', DATE '2021-01-01', NULL, 'Quốc khánh', 'National Day', false, 9, 2, -1, 2, 'Bộ luật Lao động 2019, Điều 112');

CREATE TABLE calendar_entry (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day              DATE        NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('HOLIDAY', 'EXTRA_DAY_OFF', 'WORKING_DAY_SWAP')),
    replaces_rule    TEXT,
    name             TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    source_document  TEXT        NOT NULL CHECK (length(source_document) BETWEEN 1 AND 300),
    note             TEXT,
    entered_by       TEXT        NOT NULL,
    entered_at       TIMESTAMPTZ NOT NULL,
    withdrawn_by     TEXT,
    withdrawn_at     TIMESTAMPTZ,
    withdrawn_reason TEXT
);
CREATE INDEX calendar_entry_day ON calendar_entry (day);

CREATE TABLE calendar_work_week (
    agency_code TEXT PRIMARY KEY,
    days        TEXT        NOT NULL,
    set_by      TEXT        NOT NULL,
    set_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE deadline (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_type  TEXT        NOT NULL,
    owner_id    TEXT        NOT NULL,
    agency_code TEXT,
    event_date  DATE        NOT NULL,
    amount      INT         NOT NULL CHECK (amount BETWEEN 0 AND 1000),
    unit        TEXT        NOT NULL CHECK (unit IN ('WORKING_DAYS', 'CALENDAR_DAYS')),
    due_date    DATE        NOT NULL,
    running     BOOLEAN     NOT NULL DEFAULT true,
    started_by  TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX deadline_running_due ON deadline (due_date) WHERE running;
CREATE INDEX deadline_owner ON deadline (owner_type, owner_id);

CREATE TABLE deadline_move (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deadline_id BIGINT      NOT NULL REFERENCES deadline (id),
    from_date   DATE        NOT NULL,
    to_date     DATE        NOT NULL,
    moved_by    TEXT        NOT NULL,
    moved_at    TIMESTAMPTZ NOT NULL,
    reason      TEXT        NOT NULL
);
CREATE INDEX deadline_move_deadline ON deadline_move (deadline_id, id);

-- the application reads the rules (a new law is a migration), enters and withdraws days (never deletes them),
-- sets working weeks, and starts, moves and stops deadlines, keeping every move
SELECT loa_grant_to_app('holiday_rule', 'SELECT');
SELECT loa_grant_to_app('calendar_entry', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('calendar_work_week', 'SELECT, INSERT, UPDATE, DELETE');
SELECT loa_grant_to_app('deadline', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('deadline_move', 'SELECT, INSERT');
