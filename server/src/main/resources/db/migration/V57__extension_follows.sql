-- An extension's period starts the day after the deadline it extends, as the calendar makes that day now: the
-- extension keeps which deadline it follows, and a change of the calendar counts both again.
ALTER TABLE deadline ADD COLUMN follows BIGINT REFERENCES deadline (id);

-- the information requests extended before: their extension follows the deadline it was started after
UPDATE deadline e SET follows = (
    SELECT b.id FROM deadline b
    WHERE b.owner_type = e.owner_type AND b.owner_id = e.owner_id AND b.id < e.id AND b.due_date = e.event_date
    ORDER BY b.id DESC LIMIT 1)
WHERE e.owner_type = 'information-request' AND e.unit = 'CALENDAR_DAYS'
  AND e.id IN (SELECT deadline_id FROM information_request WHERE extended AND deadline_id IS NOT NULL);
