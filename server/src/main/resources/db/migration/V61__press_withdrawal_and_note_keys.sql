-- A press question the agency withdraws on the journalist's behalf (recorded by mistake, or the journalist said so by
-- phone) carries who withdrew it, when and why: the journalist reads the reason, and a withdrawal by the agency after
-- the due time still counts as late (issue #10).
ALTER TABLE press_enquiry ADD COLUMN withdrawn_at TIMESTAMPTZ, ADD COLUMN withdrawn_by_agency BOOLEAN,
    ADD COLUMN withdrawal_reason TEXT;

-- What the desk writes in Loa's own words is kept as message keys and their arguments, so that each reader reads it in
-- their own language: each element is one message key followed by its arguments, separated by U+001F. The note column
-- keeps the words people typed and, with no keys, the whole note of a row written before.
ALTER TABLE press_enquiry_history ADD COLUMN note_parts TEXT[];
ALTER TABLE press_statement ADD COLUMN mailed_parts TEXT[];
