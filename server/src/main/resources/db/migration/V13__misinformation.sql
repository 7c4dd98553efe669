-- The misinformation desk: cases, their posts, history, verification notes and files, evidence,
-- notifications, citizens' reports and the claim matcher's mark.

CREATE TABLE misinformation_case
(
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source           VARCHAR(20)              NOT NULL CHECK (source IN ('ALERT', 'STORY', 'CITIZEN', 'MANUAL')),
    claim            VARCHAR(500)             NOT NULL,
    category         VARCHAR(30)              NOT NULL,
    severity         VARCHAR(20)              NOT NULL,
    status           VARCHAR(30)              NOT NULL,
    agency_code      VARCHAR(50),
    suggested_agency VARCHAR(50),
    owner            VARCHAR(100),
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by        VARCHAR(100)             NOT NULL,
    deadline         TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated_at     TIMESTAMP WITH TIME ZONE,
    verdict          VARCHAR(20),
    explanation      TEXT,
    drafted_by       VARCHAR(100),
    approved_by      VARCHAR(100),
    published_at     TIMESTAMP WITH TIME ZONE,
    slug             VARCHAR(120) UNIQUE,
    legal_basis      VARCHAR(1000),
    reason           VARCHAR(2000),
    closed_at        TIMESTAMP WITH TIME ZONE,
    alert_id         BIGINT,
    story_id         BIGINT,
    claim_fingerprint BIGINT                  NOT NULL,
    version          INT                      NOT NULL DEFAULT 0
);
CREATE INDEX misinformation_case_open ON misinformation_case (status, deadline);
CREATE INDEX misinformation_case_agency ON misinformation_case (agency_code, status);

-- The posts that carry a case's claim; repeats are posts that came after it was refuted.
CREATE TABLE case_post
(
    case_id    BIGINT                   NOT NULL REFERENCES misinformation_case (id),
    post_id    BIGINT                   NOT NULL REFERENCES post (id),
    repeat     BOOLEAN                  NOT NULL DEFAULT FALSE,
    matched_by VARCHAR(20),
    similarity REAL,
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, post_id)
);
CREATE INDEX case_post_repeat ON case_post (linked_at) WHERE repeat;

-- Every transition as the case page shows it (the audit trail holds the same, hash-chained).
CREATE TABLE case_history
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     BIGINT                   NOT NULL REFERENCES misinformation_case (id),
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(100)             NOT NULL,
    action      VARCHAR(30)              NOT NULL,
    from_status VARCHAR(30),
    to_status   VARCHAR(30)              NOT NULL,
    detail      TEXT
);
CREATE INDEX case_history_case ON case_history (case_id, id);

-- Verification: what was checked, with whom, and the sources.
CREATE TABLE case_note
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      BIGINT                   NOT NULL REFERENCES misinformation_case (id),
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    author       VARCHAR(100)             NOT NULL,
    checked      TEXT                     NOT NULL,
    checked_with VARCHAR(500),
    links        TEXT[]                   NOT NULL
);
CREATE INDEX case_note_case ON case_note (case_id, id);

-- Files attached to a case, checked by type and size, kept in the database with their SHA-256.
CREATE TABLE case_attachment
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      BIGINT                   NOT NULL REFERENCES misinformation_case (id),
    file_name    VARCHAR(255)             NOT NULL,
    content_type VARCHAR(100)             NOT NULL,
    size         BIGINT                   NOT NULL,
    sha256       CHAR(64)                 NOT NULL,
    content      BYTEA                    NOT NULL,
    uploaded_by  VARCHAR(100)             NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_attachment_case ON case_attachment (case_id, id);

-- Snapshots of posts as evidence: the exact bytes and their SHA-256. Never changed, never deleted.
CREATE TABLE evidence_item
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     BIGINT                   NOT NULL REFERENCES misinformation_case (id),
    post_id     BIGINT                   NOT NULL,
    captured_at TIMESTAMP WITH TIME ZONE NOT NULL,
    captured_by VARCHAR(100)             NOT NULL,
    content     BYTEA                    NOT NULL,
    sha256      CHAR(64)                 NOT NULL
);
CREATE INDEX evidence_item_case ON evidence_item (case_id, id);

-- Every evidence package made, with the SHA-256 of its manifest, so a package can be checked against Loa.
CREATE TABLE evidence_package
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id         BIGINT                   NOT NULL REFERENCES misinformation_case (id),
    manifest_sha256 CHAR(64)                 NOT NULL,
    generated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    generated_by    VARCHAR(100)             NOT NULL
);
CREATE INDEX evidence_package_manifest ON evidence_package (manifest_sha256);

-- What the desk tells the people concerned, in the app (and by e-mail when SMTP is set up).
CREATE TABLE case_notification
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username    VARCHAR(100)             NOT NULL,
    case_id     BIGINT                   NOT NULL REFERENCES misinformation_case (id),
    message_key VARCHAR(100)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX case_notification_user ON case_notification (username, id);

-- A citizen's report from the public site; the contact is seen only by the desk.
CREATE TABLE citizen_report
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     BIGINT                   NOT NULL REFERENCES misinformation_case (id),
    link        VARCHAR(1000),
    description VARCHAR(2000)            NOT NULL,
    contact     VARCHAR(200),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- How far the claim matcher has looked at new posts.
CREATE TABLE claim_match_mark
(
    id   INT    PRIMARY KEY CHECK (id = 1),
    mark BIGINT NOT NULL
);

SELECT loa_grant_to_app('misinformation_case', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('case_post', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('case_history', 'SELECT, INSERT');
SELECT loa_grant_to_app('case_note', 'SELECT, INSERT');
SELECT loa_grant_to_app('case_attachment', 'SELECT, INSERT');
SELECT loa_grant_to_app('evidence_item', 'SELECT, INSERT');
SELECT loa_grant_to_app('evidence_package', 'SELECT, INSERT');
SELECT loa_grant_to_app('case_notification', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('citizen_report', 'SELECT, INSERT');
SELECT loa_grant_to_app('claim_match_mark', 'SELECT, INSERT, UPDATE');
