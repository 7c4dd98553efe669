-- Which database this is: derived stores (the search index) remember it and rebuild when it changes
-- (a new database, a restore into a fresh server).
CREATE TABLE installation
(
    id         UUID PRIMARY KEY                  DEFAULT gen_random_uuid(),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO installation DEFAULT VALUES;

SELECT loa_grant_to_app('installation', 'SELECT');
