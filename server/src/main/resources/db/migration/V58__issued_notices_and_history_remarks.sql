-- A notice of Decree 13/2018 as it was issued (first handed out, or for form 03 recorded as sent): later downloads
-- serve the same document, whatever happened to the request since.
CREATE TABLE information_request_notice (
    request_id BIGINT      NOT NULL REFERENCES information_request (id),
    form       TEXT        NOT NULL CHECK (form IN ('RECEIPT', 'HANDLING', 'EXTENSION', 'REFUSAL', 'ANSWER')),
    file_name  TEXT        NOT NULL,
    content    BYTEA       NOT NULL,
    issued_by  TEXT        NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, form)
);

SELECT loa_grant_to_app('information_request_notice', 'SELECT, INSERT');

-- what Loa itself wrote in a request's history (a mail sent, a link made), as message keys and arguments, so that each
-- reader reads it in their language; the note keeps the people's words
ALTER TABLE information_request_history ADD COLUMN remarks JSONB;
