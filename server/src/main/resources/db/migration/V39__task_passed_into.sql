-- A task of a dissolved agency passes to its successor. When the successor already holds the same task of the same
-- directive (passed from another dissolved agency: a newspaper and a radio station merged into one), the two are one
-- task to do: the old task's open periods join the one the successor holds, and this table records where the old
-- task went (coord_task.inherited_from holds one predecessor only).
CREATE TABLE coord_task_passed
(
    from_task_id BIGINT NOT NULL REFERENCES coord_task (id),
    to_task_id   BIGINT NOT NULL REFERENCES coord_task (id),
    PRIMARY KEY (from_task_id, to_task_id)
);
CREATE INDEX coord_task_passed_to ON coord_task_passed (to_task_id);
SELECT loa_grant_to_app('coord_task_passed', 'SELECT, INSERT');
-- a period copied to the task it joined is removed from the old one, unless work was already reported on it
SELECT loa_grant_to_app('coord_occurrence', 'SELECT, INSERT, UPDATE, DELETE');

-- Tasks passed that way before this version: recorded, and their periods that were copied removed from the old task
-- (they were counted twice in the periodic reports).
INSERT INTO coord_task_passed (from_task_id, to_task_id)
SELECT old.id, joined.id
FROM coord_task old
         JOIN coord_task joined ON joined.directive_id = old.directive_id AND joined.id <> old.id
    AND joined.lead_agency_id <> old.lead_agency_id AND joined.state = 'OPEN' AND joined.title = old.title
    AND joined.clause IS NOT DISTINCT FROM old.clause AND joined.recurrence = old.recurrence
WHERE old.state = 'TRANSFERRED'
  AND NOT EXISTS (SELECT 1 FROM coord_task c WHERE c.inherited_from = old.id)
  AND EXISTS (SELECT 1 FROM coord_task_event e WHERE e.task_id = joined.id AND e.kind = 'TRANSFERRED_IN'
                                                 AND e.detail LIKE '%gộp làm một%')
ON CONFLICT DO NOTHING;

DELETE FROM coord_occurrence o
    USING coord_task_passed p
WHERE o.task_id = p.from_task_id
  AND o.done_on IS NULL
  AND EXISTS (SELECT 1 FROM coord_occurrence twin WHERE twin.task_id = p.to_task_id AND twin.period_start = o.period_start)
  AND NOT EXISTS (SELECT 1 FROM coord_progress r WHERE r.occurrence_id = o.id)
  AND NOT EXISTS (SELECT 1 FROM coord_task_event e WHERE e.occurrence_id = o.id);
