-- Alerts that say what happened (#12). A rule fires again, within the hour or for an issue it already
-- reported, only when what it counts has grown by the rule's factor; an alert keeps what it was about.

-- How many times its count must grow before the rule fires again: within the clock hour (every kind), or
-- for an issue it reported in the last 24 hours (bursts).
ALTER TABLE alert_rule
    ADD COLUMN refire_factor DOUBLE PRECISION NOT NULL DEFAULT 2
        CONSTRAINT alert_rule_refire_factor_check CHECK (refire_factor >= 1.2 AND refire_factor <= 20);

-- A burst rule raises one alert per issue, and any rule may fire again within its hour: the hour no longer
-- identifies an alert. Evaluations of one rule take a lock instead (JdbcAlerts), so two servers do not raise
-- the same alert twice. The inline UNIQUE of V7 is named alert_rule_id_window_start_key by PostgreSQL.
ALTER TABLE alert DROP CONSTRAINT alert_rule_id_window_start_key;

-- What an alert was about, as it was sent: its title and sentence in Vietnamese (the e-mail's) and in English,
-- the posts it counted (what a re-fire is compared with), the agency that answers, the series to chart, and the
-- alert it grew from. Its post ids now start with its three examples.
ALTER TABLE alert
    ADD COLUMN posts           BIGINT,
    ADD COLUMN title           VARCHAR(300),
    ADD COLUMN sentence        TEXT,
    ADD COLUMN title_en        VARCHAR(300),
    ADD COLUMN sentence_en     TEXT,
    ADD COLUMN about_agency    VARCHAR(40),
    ADD COLUMN dimension       VARCHAR(10),
    ADD COLUMN dimension_value VARCHAR(200),
    ADD COLUMN grew_from       BIGINT REFERENCES alert (id);
-- a burst's figure was a score, not a count: its posts are the count
UPDATE alert a SET posts = CASE WHEN r.kind = 'BURST' THEN cardinality(a.post_ids) ELSE round(a.observed) END,
                   about_agency = a.agency_code
FROM alert_rule r WHERE r.id = a.rule_id;
ALTER TABLE alert ALTER COLUMN posts SET NOT NULL;
CREATE INDEX alert_rule_raised ON alert (rule_id, raised_at DESC);

-- The demo's burst rule was made for the old score of a whole day (4); an issue's burst is counted on its own words
-- and reaches 10 to 30 when real, up to 5 on quiet days: the demo rule takes the new default (JdbcAlerts).
UPDATE alert_rule SET threshold = 8 WHERE kind = 'BURST' AND created_by = 'system' AND threshold = 4;
