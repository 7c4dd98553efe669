-- Issue #14: reminders before a request's due date and escalation once it has passed, each once per due date (a due
-- date moved by the calendar or an extension may be reminded of again).
ALTER TABLE information_request ADD COLUMN reminded_due DATE;
ALTER TABLE information_request ADD COLUMN escalated_due DATE;

-- Art. 7 information needs the consent of the third party concerned (Decree 13/2018, form 06): whose, and its answer.
ALTER TABLE information_request ADD COLUMN consent_party TEXT;
ALTER TABLE information_request ADD COLUMN consent_status TEXT CHECK (consent_status IN ('REQUESTED', 'GIVEN', 'REFUSED'));
