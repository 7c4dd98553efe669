-- Issue #14: reminders before a request's due date and escalation once it has passed, each once per due date (a due
-- date moved by the calendar or an extension may be reminded of again).
ALTER TABLE information_request ADD COLUMN reminded_due DATE;
ALTER TABLE information_request ADD COLUMN escalated_due DATE;
