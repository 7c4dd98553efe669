-- The requester's side of an information request sent from the public portal (issue #9).
--
-- A request sent from the portal gets a follow-up code: the requester follows the request with its number and the
-- code, which is kept only as its SHA-256. The form's one-time token, kept the same way, finds the request a form
-- already made when the same form is sent again (a double click, a refresh, the back button).
CREATE TABLE information_request_follow_up (
    request_id      BIGINT      PRIMARY KEY REFERENCES information_request (id),
    code_hash       TEXT        NOT NULL,
    form_token_hash TEXT        UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL
);

-- An officer may give a new one-time link for an answer: the links given before stop working, and say so.
ALTER TABLE information_download ADD COLUMN replaced_at TIMESTAMPTZ;
CREATE INDEX information_download_request ON information_download (request_id);

SELECT loa_grant_to_app('information_request_follow_up', 'SELECT, INSERT');
