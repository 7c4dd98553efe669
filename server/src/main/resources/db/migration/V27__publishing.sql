-- Issue #16, publishing: an outbox of publications and their deliveries (one per recipient, with attempts, back-off and
-- an idempotency key), the delivery log, the local simulator of SMS/Zalo/Facebook, the communes' loudspeaker stations
-- and billboards with their broadcast schedules, and the broadcast packages the communes confirm.

-- One version of a message on one channel, as the caller (campaigns) approved it.
CREATE TABLE pub_publication (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source           TEXT        NOT NULL,
    campaign         TEXT,
    policy           TEXT,
    agency_id        BIGINT      NOT NULL REFERENCES agency (id),
    agency_code      TEXT        NOT NULL,
    channel          TEXT        NOT NULL CHECK (channel IN ('PORTAL', 'EMAIL', 'WEBHOOK', 'SMS', 'ZALO', 'FACEBOOK',
                                                             'LOUDSPEAKER', 'BILLBOARD')),
    language         TEXT        NOT NULL CHECK (language IN ('vi', 'cjm', 'roc')),
    title            TEXT,
    body             TEXT        NOT NULL,
    communes         TEXT        NOT NULL DEFAULT '',
    publish_at       TIMESTAMPTZ NOT NULL,
    emergency        BOOLEAN     NOT NULL,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    withdrawn_at     TIMESTAMPTZ,
    withdrawn_by     TEXT,
    withdrawn_reason TEXT
);
CREATE INDEX pub_publication_source ON pub_publication (source);
CREATE INDEX pub_publication_campaign ON pub_publication (campaign);
CREATE INDEX pub_publication_portal ON pub_publication (publish_at DESC) WHERE channel = 'PORTAL';

-- The files that go with a publication (the loudspeaker's audio, a leaflet).
CREATE TABLE pub_attachment (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    publication_id BIGINT NOT NULL REFERENCES pub_publication (id),
    file_name      TEXT   NOT NULL,
    content_type   TEXT   NOT NULL,
    content        BYTEA  NOT NULL
);
CREATE INDEX pub_attachment_publication ON pub_attachment (publication_id);

-- The outbox: one delivery per publication and recipient. The worker claims due rows (FOR UPDATE SKIP LOCKED), marks
-- them claimed in their own short transaction, sends through the channel's adapter with the idempotency key, then
-- marks the outcome. A row claimed and never finished (a restart) is due again once its claim is stale.
CREATE TABLE pub_delivery (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    publication_id  BIGINT      NOT NULL REFERENCES pub_publication (id),
    channel         TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    commune_code    TEXT,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'SIMULATED', 'CONFIRMED', 'FAILED',
                                                           'WITHDRAWN')),
    emergency       BOOLEAN     NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_attempt_at TIMESTAMPTZ,
    claimed_at      TIMESTAMPTZ,
    idempotency_key TEXT        NOT NULL UNIQUE,
    detail          TEXT,
    done_at         TIMESTAMPTZ,
    UNIQUE (publication_id, recipient)
);
CREATE INDEX pub_delivery_due ON pub_delivery (emergency DESC, next_attempt_at) WHERE status = 'PENDING';

-- The delivery log: every attempt's outcome and every change of a delivery.
CREATE TABLE pub_delivery_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id    BIGINT      NOT NULL REFERENCES pub_delivery (id),
    publication_id BIGINT      NOT NULL REFERENCES pub_publication (id),
    emergency      BOOLEAN     NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    attempt        INT         NOT NULL,
    status         TEXT        NOT NULL,
    detail         TEXT
);
CREATE INDEX pub_delivery_log_publication ON pub_delivery_log (publication_id, id);
CREATE INDEX pub_delivery_log_emergency ON pub_delivery_log (at DESC) WHERE emergency;

-- What the local simulator of SMS, Zalo and Facebook received: nothing here reached a person. One row per key.
CREATE TABLE pub_simulator_inbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL UNIQUE,
    recipient       TEXT        NOT NULL,
    title           TEXT,
    body            TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL
);

-- Whether the simulator is switched "down" (an administrator's action for the demo; configuration can force it).
CREATE TABLE pub_simulator_state (
    channel    TEXT PRIMARY KEY,
    down       BOOLEAN     NOT NULL,
    changed_by TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

-- The communes' loudspeaker stations and electronic billboards, effective-dated with the commune (the 2025 communes).
-- A station's broadcast schedule is its daily slots, local time (e.g. '06:00,17:00').
CREATE TABLE pub_station (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    commune_code TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('LOUDSPEAKER', 'BILLBOARD')),
    name         TEXT        NOT NULL,
    slots        TEXT        NOT NULL DEFAULT '',
    valid_from   DATE        NOT NULL,
    valid_to     DATE,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX pub_station_commune ON pub_station (commune_code);

-- A broadcast package (loudspeakers) or a billboard display for one commune, and its confirmation by the commune.
CREATE TABLE pub_broadcast (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    publication_id BIGINT      NOT NULL REFERENCES pub_publication (id),
    delivery_id    BIGINT      NOT NULL REFERENCES pub_delivery (id),
    commune_code   TEXT        NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('LOUDSPEAKER', 'BILLBOARD')),
    slots          TEXT        NOT NULL,
    first_slot_at  TIMESTAMPTZ NOT NULL,
    confirmed_at   TIMESTAMPTZ,
    broadcast_at   TIMESTAMPTZ,
    confirmed_by   TEXT,
    note           TEXT,
    UNIQUE (publication_id, commune_code)
);
CREATE INDEX pub_broadcast_commune ON pub_broadcast (commune_code, first_slot_at DESC);

SELECT loa_grant_to_app('pub_publication', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('pub_attachment', 'SELECT, INSERT');
SELECT loa_grant_to_app('pub_delivery', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('pub_delivery_log', 'SELECT, INSERT');
SELECT loa_grant_to_app('pub_simulator_inbox', 'SELECT, INSERT');
SELECT loa_grant_to_app('pub_simulator_state', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('pub_station', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('pub_broadcast', 'SELECT, INSERT, UPDATE');
