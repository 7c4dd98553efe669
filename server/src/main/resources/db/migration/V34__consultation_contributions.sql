-- Issue #17 part A: the minimum consultation periods with their legal source, why moderation held a contribution,
-- and the comments typed on the public form while they wait for their one-time code.

-- The minimum period in force on a consultation's first day. Both are entered from secondary sources and are to be
-- checked against the official texts (UNVERIFIED): Law 80/2015/QH13 Art. 120 (at least 30 days for drafts posted for
-- comments), replaced on 01/04/2025 by the Law on Promulgation of Legal Documents 64/2025/QH15 (at least 20 days).
INSERT INTO consultation_period_rule (valid_from, valid_to, min_days, source, certainty, entered_by, entered_at)
VALUES ('2016-07-01', '2025-03-31', 30, 'Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13, Điều 120',
        'UNVERIFIED', 'system', now()),
       ('2025-04-01', NULL, 20, 'Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15',
        'UNVERIFIED', 'system', now());

-- Why moderation held a contribution in RECEIVED (toxic words, a link, a phone number); null when not held.
ALTER TABLE consultation_contribution ADD COLUMN held_for TEXT;

-- A comment typed on the public form, waiting for the one-time code sent to its contact. It becomes a contribution
-- (verified) only when the code is given; the row stays as the record of the attempt (and counts for the limits per
-- client address).
CREATE TABLE consultation_submission (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id),
    unit_id         BIGINT REFERENCES consultation_draft_unit (id),
    author_name     TEXT        NOT NULL,
    contact_kind    TEXT        NOT NULL CHECK (contact_kind IN ('EMAIL', 'PHONE')),
    contact         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    client_address  TEXT        NOT NULL,
    otp_id          BIGINT      NOT NULL REFERENCES consultation_otp (id),
    created_at      TIMESTAMPTZ NOT NULL,
    contribution_id BIGINT REFERENCES consultation_contribution (id)
);
CREATE INDEX consultation_submission_address_idx ON consultation_submission (client_address, created_at);
SELECT loa_grant_to_app('consultation_submission', 'SELECT, INSERT, UPDATE');
