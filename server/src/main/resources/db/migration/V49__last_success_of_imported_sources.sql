-- A source that is imported, not polled, succeeds when an import that holds its lines finishes: the importer now says
-- so in last_success_at; the sources imported before are given the last finished import that stored their posts.
UPDATE post_source s
SET last_success_at = found.finished
FROM (SELECT p.source_id, max(i.finished_at) AS finished
      FROM post p
               JOIN post_import i ON i.id = p.import_id
      WHERE i.finished_at IS NOT NULL
      GROUP BY p.source_id) found
WHERE s.id = found.source_id
  AND s.last_success_at IS NULL;
