-- Hourly roll-ups of posts, kept in the same transaction as the posts they count. A post counts
-- once in the province's scope ('') and once in the scope of each agency it is routed to; within a
-- scope once for 'all', its topic, its platform, each agency and each place it names.
CREATE TABLE post_hourly
(
    scope      VARCHAR(40)              NOT NULL,
    dim        VARCHAR(10)              NOT NULL CHECK (dim IN ('all', 'topic', 'platform', 'agency', 'place')),
    val        VARCHAR(200)             NOT NULL,
    restricted BOOLEAN                  NOT NULL,
    hour       TIMESTAMP WITH TIME ZONE NOT NULL,
    posts      INT                      NOT NULL,
    negative   INT                      NOT NULL,
    neutral    INT                      NOT NULL,
    positive   INT                      NOT NULL,
    toxic      INT                      NOT NULL,
    PRIMARY KEY (scope, dim, val, restricted, hour)
);
CREATE INDEX post_hourly_time ON post_hourly (scope, dim, hour);

-- Feeds polled on a schedule, and the health of every source.
ALTER TABLE post_source
    ADD COLUMN name            VARCHAR(200),
    ADD COLUMN url             VARCHAR(2000),
    ADD COLUMN platform        VARCHAR(20),
    ADD COLUMN poll_minutes    INT,
    ADD COLUMN enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN etag            VARCHAR(500),
    ADD COLUMN last_modified   VARCHAR(100),
    ADD COLUMN last_polled_at  TIMESTAMP WITH TIME ZONE,
    ADD COLUMN last_success_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN last_item_at    TIMESTAMP WITH TIME ZONE,
    ADD COLUMN last_error      TEXT,
    ADD COLUMN last_error_at   TIMESTAMP WITH TIME ZONE,
    ADD COLUMN failures        INT     NOT NULL DEFAULT 0,
    ADD COLUMN next_poll_at    TIMESTAMP WITH TIME ZONE,
    ADD COLUMN silent_hours    INT;
CREATE INDEX post_source_due ON post_source (next_poll_at) WHERE kind = 'RSS' AND enabled;
CREATE INDEX post_source_posts ON post (source_id, published_at);
CREATE INDEX post_agencies ON post USING gin (agencies);

-- Routing rules: a post that contains a keyword, or has a topic, is routed to an agency.
CREATE TABLE routing_rule
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code VARCHAR(40)              NOT NULL,
    kind        VARCHAR(10)              NOT NULL CHECK (kind IN ('KEYWORD', 'TOPIC')),
    value       VARCHAR(200)             NOT NULL,
    created_by  VARCHAR(100)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (agency_code, kind, value)
);

-- An officer's correction of what the language engine understood; kept as training data.
CREATE TABLE post_correction
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id     BIGINT                   NOT NULL REFERENCES post (id),
    field       VARCHAR(20)              NOT NULL CHECK (field IN ('sentiment', 'topic', 'agency')),
    old_value   VARCHAR(200),
    new_value   VARCHAR(200)             NOT NULL,
    corrected_by VARCHAR(100)            NOT NULL,
    agency_code VARCHAR(40),
    corrected_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX post_correction_post ON post_correction (post_id);

-- Alert rules per agency (or the whole province) and the alerts they raised.
CREATE TABLE alert_rule
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code VARCHAR(40),
    kind        VARCHAR(20)              NOT NULL CHECK (kind IN ('NEGATIVE_VOLUME', 'BURST', 'KEYWORD', 'TOXIC_STORY')),
    threshold   DOUBLE PRECISION,
    keyword     VARCHAR(200),
    email       VARCHAR(320),
    enabled     BOOLEAN                  NOT NULL DEFAULT TRUE,
    created_by  VARCHAR(100)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE alert
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id         BIGINT                   NOT NULL REFERENCES alert_rule (id),
    agency_code     VARCHAR(40),
    window_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    observed        DOUBLE PRECISION         NOT NULL,
    detail          VARCHAR(500),
    post_ids        BIGINT[]                 NOT NULL,
    emailed_at      TIMESTAMP WITH TIME ZONE,
    email_error     TEXT,
    acknowledged_by VARCHAR(100),
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    UNIQUE (rule_id, window_start)
);
CREATE INDEX alert_open ON alert (raised_at DESC);

CREATE TABLE digest_sent
(
    day     DATE PRIMARY KEY,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL
);

SELECT loa_grant_to_app('post_hourly', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('routing_rule', 'SELECT, INSERT, DELETE');
SELECT loa_grant_to_app('post_correction', 'SELECT, INSERT');
SELECT loa_grant_to_app('alert_rule', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('alert', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('digest_sent', 'SELECT, INSERT');
