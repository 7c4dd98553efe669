-- The files an answer to an information request carries (issue #9): the signed and stamped scan of the answer letter,
-- maps, documents. They are kept with the request as the desk uploaded them, with their SHA-256, and delivered with the
-- answer letter: on the requester's follow-up page (number and follow-up code), through the one-time link (as one ZIP
-- with the letter) and attached to the answer's e-mail. Each download from the follow-up page is in the request's
-- history, as each one-time link download is.
CREATE TABLE information_request_file (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   BIGINT      NOT NULL REFERENCES information_request (id),
    file_name    TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    content      BYTEA       NOT NULL,
    sha256       TEXT        NOT NULL,
    uploaded_by  TEXT        NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX information_request_file_request ON information_request_file (request_id, id);

SELECT loa_grant_to_app('information_request_file', 'SELECT, INSERT');
