-- Issue #15, items 5-7: periodic obligations to inform the press (Decree 09/2017/NĐ-CP, Art. 5) and the record of each
-- press conference; crisis mode (Art. 6) with its clock for the first public statement; correction requests (Art. 4,
-- form 6) watched in the news.

-- What an agency must do periodically, as effective-dated rules with their source. A rule names one agency, or every
-- agency of a kind (the provincial People's Committee is the agency of kind PROVINCE).
CREATE TABLE press_obligation_rule (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code  TEXT,
    agency_kind  TEXT,
    obligation   TEXT        NOT NULL CHECK (obligation IN ('MONTHLY_INFORMATION', 'PRESS_CONFERENCE')),
    every_months INT         NOT NULL CHECK (every_months IN (1, 3, 6, 12)),
    valid_from   DATE        NOT NULL,
    valid_to     DATE,
    legal        BOOLEAN     NOT NULL,
    source       TEXT        NOT NULL,
    entered_by   TEXT        NOT NULL,
    entered_at   TIMESTAMPTZ NOT NULL,
    CHECK ((agency_code IS NULL) <> (agency_kind IS NULL)),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO press_obligation_rule (agency_kind, obligation, every_months, valid_from, legal, source, entered_by, entered_at)
VALUES
 ('PROVINCE', 'MONTHLY_INFORMATION', 1, DATE '2017-03-30', true,
  'Nghị định 09/2017/NĐ-CP, Điều 5, khoản 2, điểm a: cung cấp thông tin định kỳ cho báo chí hằng tháng', 'system', now()),
 ('PROVINCE', 'PRESS_CONFERENCE', 3, DATE '2017-03-30', true,
  'Nghị định 09/2017/NĐ-CP, Điều 5, khoản 2, điểm b: họp báo ít nhất 3 tháng một lần', 'system', now());

-- Reminders sent for a period whose obligation was not met yet, once per rule, agency and period.
CREATE TABLE press_obligation_reminder (
    rule_id      BIGINT      NOT NULL REFERENCES press_obligation_rule (id),
    agency_code  TEXT        NOT NULL,
    period_start DATE        NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rule_id, agency_code, period_start)
);

-- Crisis mode (Art. 6): the hours within which the first public statement is due, effective-dated with their source.
CREATE TABLE press_crisis_rule (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    valid_from            DATE        NOT NULL UNIQUE,
    valid_to              DATE,
    first_statement_hours INT         NOT NULL CHECK (first_statement_hours BETWEEN 1 AND 720),
    legal                 BOOLEAN     NOT NULL,
    source                TEXT        NOT NULL,
    entered_by            TEXT        NOT NULL,
    entered_at            TIMESTAMPTZ NOT NULL
);

INSERT INTO press_crisis_rule (valid_from, first_statement_hours, legal, source, entered_by, entered_at) VALUES
 (DATE '2017-03-30', 24, false,
  'Quy định nội bộ: thông tin ban đầu chậm nhất 24 giờ, mức thường được dẫn từ Nghị định 09/2017/NĐ-CP, Điều 6, nhưng điều khoản chưa được kiểm chứng',
  'system', now());

CREATE TABLE press_crisis (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code          TEXT        NOT NULL,
    title                TEXT        NOT NULL,
    summary              TEXT,
    source_kind          TEXT        NOT NULL CHECK (source_kind IN ('ALERT', 'STORY', 'CASE', 'MANUAL')),
    source_id            BIGINT,
    status               TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_by            TEXT        NOT NULL,
    opened_at            TIMESTAMPTZ NOT NULL,
    rule_id              BIGINT      NOT NULL REFERENCES press_crisis_rule (id),
    first_statement_due  TIMESTAMPTZ NOT NULL,
    first_statement_id   BIGINT REFERENCES press_statement (id),
    first_statement_at   TIMESTAMPTZ,
    closed_by            TEXT,
    closed_at            TIMESTAMPTZ,
    closing_note         TEXT,
    CHECK ((source_kind = 'MANUAL') = (source_id IS NULL))
);
CREATE INDEX press_crisis_open ON press_crisis (status, first_statement_due);

-- Holding statements: what an agency says first, before it knows more. {agency} and {subject} are filled in.
CREATE TABLE press_holding_template (
    id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code  TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body  TEXT NOT NULL
);
INSERT INTO press_holding_template (code, title, body) VALUES
 ('acknowledge', 'Thông tin ban đầu về {subject}',
  '{agency} đã nắm được thông tin về {subject}. {agency} đang khẩn trương phối hợp với các cơ quan liên quan kiểm tra, xác minh'
  || ' và sẽ cung cấp thông tin chính thức cho báo chí và người dân trong thời gian sớm nhất. Đề nghị người dân theo dõi thông tin'
  || ' trên cổng thông tin điện tử của tỉnh và không chia sẻ thông tin chưa được kiểm chứng.'),
 ('safety', 'Khuyến cáo ban đầu về {subject}',
  '{agency} thông tin: liên quan đến {subject}, các lực lượng chức năng đã có mặt tại hiện trường và triển khai các biện pháp'
  || ' bảo đảm an toàn. Người dân cần bình tĩnh, thực hiện theo hướng dẫn của chính quyền địa phương. {agency} sẽ tiếp tục cập nhật'
  || ' thông tin.');

-- What a crisis said where, and the press questions it raised.
ALTER TABLE press_statement ADD COLUMN crisis_id BIGINT REFERENCES press_crisis (id);
ALTER TABLE press_enquiry ADD COLUMN crisis_id BIGINT REFERENCES press_crisis (id);
CREATE INDEX press_statement_crisis ON press_statement (crisis_id) WHERE crisis_id IS NOT NULL;
CREATE INDEX press_enquiry_crisis ON press_enquiry (crisis_id) WHERE crisis_id IS NOT NULL;

-- A refutation issued as a statement names the misinformation case it came from.
ALTER TABLE press_statement ADD COLUMN case_id BIGINT;

-- The record of a press conference: planned, then held (or cancelled), with its agenda, the press agencies invited,
-- the questions received and answered, the materials handed out and the transcript.
CREATE TABLE press_conference (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code  TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    scheduled_at TIMESTAMPTZ NOT NULL,
    place        TEXT,
    agenda       TEXT        NOT NULL,
    invited      BIGINT[]    NOT NULL DEFAULT '{}',
    status       TEXT        NOT NULL CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED')),
    materials    TEXT,
    transcript   TEXT,
    crisis_id    BIGINT REFERENCES press_crisis (id),
    reminded     BOOLEAN     NOT NULL DEFAULT false,
    entered_by   TEXT        NOT NULL,
    entered_at   TIMESTAMPTZ NOT NULL,
    held_by      TEXT,
    held_at      TIMESTAMPTZ
);
CREATE INDEX press_conference_agency ON press_conference (agency_code, scheduled_at);

CREATE TABLE press_conference_question (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conference_id BIGINT NOT NULL REFERENCES press_conference (id),
    asked_by      TEXT   NOT NULL,
    question      TEXT   NOT NULL,
    answer        TEXT
);
CREATE INDEX press_conference_question_of ON press_conference_question (conference_id);

-- A correction request (Art. 4, form 6) is watched in the news once published: found (with the post), or overdue.
CREATE TABLE press_correction_watch (
    statement_id  BIGINT      PRIMARY KEY REFERENCES press_statement (id),
    outlet_id     BIGINT      NOT NULL REFERENCES press_outlet (id),
    key_text      TEXT        NOT NULL,
    due_on        DATE        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('WATCHING', 'FOUND', 'OVERDUE')),
    post_id       BIGINT,
    post_url      TEXT,
    found_at      TIMESTAMPTZ,
    checked_upto  BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX press_correction_watch_open ON press_correction_watch (status);

SELECT loa_grant_to_app('press_obligation_rule', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_obligation_reminder', 'SELECT, INSERT');
SELECT loa_grant_to_app('press_crisis_rule', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_crisis', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_holding_template', 'SELECT');
SELECT loa_grant_to_app('press_conference', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_conference_question', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('press_correction_watch', 'SELECT, INSERT, UPDATE');
