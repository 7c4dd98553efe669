-- An open crisis whose agency ended passes to the one unit that took over from it, its clock unchanged; each passage
-- is kept, for the crisis's timeline, with the units by code and the last day of the one that ended.
CREATE TABLE press_crisis_passage (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    crisis_id         BIGINT      NOT NULL REFERENCES press_crisis (id),
    from_agency_code  TEXT        NOT NULL,
    to_agency_code    TEXT        NOT NULL,
    last_day          DATE        NOT NULL,
    passed_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX press_crisis_passage_of ON press_crisis_passage (crisis_id);

SELECT loa_grant_to_app('press_crisis_passage', 'SELECT, INSERT');
