-- Long lists are read a page at a time (#13): each list's order and filters have an index, so that a page costs the
-- same with 2,000 sources or 2,000,000 imports.

-- An import whose process died (SIGKILL, a power cut) never finished: the next start of the server says so, and
-- when, instead of showing it running.
ALTER TABLE post_import ADD COLUMN interrupted_at TIMESTAMP WITH TIME ZONE;

-- Imports, newest first: by kind (a feed's poll, a push, a file: the expression is JdbcFeedSources.IMPORT_KIND's),
-- the unfinished ones (running or interrupted), and those finished since a time (the ingest figures).
CREATE INDEX post_import_kind ON post_import ((CASE WHEN file_name LIKE 'feed:%' THEN 'feed'
                                                    WHEN file_name LIKE 'push:%' THEN 'push' ELSE 'file' END), id DESC);
CREATE INDEX post_import_unfinished ON post_import (id DESC) WHERE finished_at IS NULL;
CREATE INDEX post_import_finished_at ON post_import (finished_at);
CREATE INDEX quarantined_line_created_at ON quarantined_line (created_at);

-- Sources in the order the sources page lists them.
CREATE INDEX post_source_listed ON post_source (kind DESC, code);

-- Alerts newest first within an agency, and the unacknowledged ones.
CREATE INDEX alert_agency_raised ON alert (agency_code, raised_at DESC, id DESC);
CREATE INDEX alert_unacknowledged ON alert (raised_at DESC, id DESC) WHERE acknowledged_at IS NULL;
