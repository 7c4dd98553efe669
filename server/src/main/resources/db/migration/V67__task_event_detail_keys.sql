-- What a task's history says in Loa's own words (a due date moved, a reminder and how its e-mail went, a task passed
-- to a successor) is kept as a message key and its arguments, so that each reader reads it in their own language
-- (issue #13). The text column stays: the Vietnamese words the audit trail records, an official's reason, and, with
-- no key, the whole detail of an event recorded before.
ALTER TABLE coord_task_event ADD COLUMN detail_key TEXT, ADD COLUMN detail_args TEXT[];
