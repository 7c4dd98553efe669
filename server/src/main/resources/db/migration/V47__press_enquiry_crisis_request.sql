-- Whether a press question concerns a crisis or an unexpected event (Decree 09/2017, Art. 6) is the province's call,
-- not the asker's. A journalist may ask for crisis handling: the question is kept ROUTINE, on its routine limit, with
-- the request and when it was made, until one of the agency's officials confirms it (the question becomes CRISIS, its
-- limit counted from its receipt) or declines it with a reason the journalist reads. Questions asked before keep no
-- request: every new column is empty for them.
ALTER TABLE press_enquiry
    ADD COLUMN crisis_requested_at   TIMESTAMPTZ,
    ADD COLUMN crisis_decision       TEXT CHECK (crisis_decision IN ('CONFIRMED', 'DECLINED')),
    ADD COLUMN crisis_decided_by     TEXT,
    ADD COLUMN crisis_decided_at     TIMESTAMPTZ,
    ADD COLUMN crisis_decline_reason TEXT,
    -- a decision answers a request, names who made it and when, and a decline says why
    ADD CONSTRAINT press_enquiry_crisis_decision CHECK (
        (crisis_decision IS NULL AND crisis_decided_by IS NULL AND crisis_decided_at IS NULL
            AND crisis_decline_reason IS NULL)
        OR (crisis_decision IS NOT NULL AND crisis_requested_at IS NOT NULL AND crisis_decided_by IS NOT NULL
            AND crisis_decided_at IS NOT NULL AND (crisis_decision = 'DECLINED') = (crisis_decline_reason IS NOT NULL)));
