-- The report form's tokens that have been used, by their SHA-256: each token opens at most one case.
-- A token is refused anyway after two hours, so older rows are deleted.
CREATE TABLE citizen_report_token
(
    token_hash CHAR(64)                 PRIMARY KEY,
    case_id    BIGINT REFERENCES misinformation_case (id),
    used_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX citizen_report_token_used ON citizen_report_token (used_at);

SELECT loa_grant_to_app('citizen_report_token', 'SELECT, INSERT, UPDATE, DELETE');
