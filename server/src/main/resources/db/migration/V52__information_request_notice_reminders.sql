-- The notice of handling of a complex request (form 03) has a legal deadline of its own, before the answer's: the
-- agency is reminded of it the working day before, and the coordinators told once it has passed unrecorded, each once
-- per notice due day (as reminded_due and escalated_due do for the answer).
ALTER TABLE information_request ADD COLUMN reminded_notice DATE;
ALTER TABLE information_request ADD COLUMN escalated_notice DATE;
