-- A token may only read: a dashboard or a report tool that fetches figures has no business importing posts or acting on
-- cases. Tokens issued before may read and write, as they did.
ALTER TABLE api_token ADD COLUMN read_only BOOLEAN NOT NULL DEFAULT false;
