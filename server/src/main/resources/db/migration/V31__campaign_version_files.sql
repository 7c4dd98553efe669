-- Documents and images attached to a portal article, published with it for download.
CREATE TABLE campaign_version_file (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id   BIGINT      NOT NULL REFERENCES campaign_version (id) ON DELETE CASCADE,
    file_name    TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    content      BYTEA       NOT NULL,
    attached_by  TEXT        NOT NULL,
    attached_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX campaign_version_file_version ON campaign_version_file (version_id);
SELECT loa_grant_to_app('campaign_version_file', 'SELECT, INSERT, DELETE');
