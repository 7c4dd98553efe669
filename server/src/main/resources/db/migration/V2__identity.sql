-- Organisational units, effective-dated: a unit is valid from valid_from to valid_to (inclusive);
-- the same official code may be reused by a new unit after a reorganisation.
CREATE TABLE agency
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       VARCHAR(32)  NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    parent_id  BIGINT REFERENCES agency (id),
    name_vi    VARCHAR(300) NOT NULL,
    name_en    VARCHAR(300),
    valid_from DATE         NOT NULL,
    valid_to   DATE,
    source     TEXT,
    CONSTRAINT agency_validity CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT agency_code_valid_from UNIQUE (code, valid_from),
    CONSTRAINT agency_kind CHECK (kind IN ('PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'PRESS', 'POLICE',
                                           'BORDER_GUARD', 'MASS_ORGANISATION', 'OTHER'))
);
CREATE INDEX agency_parent ON agency (parent_id);

-- Which unit took over from which, and when (mergers, splits, abolished levels).
CREATE TABLE agency_succession
(
    predecessor_id BIGINT NOT NULL REFERENCES agency (id),
    successor_id   BIGINT NOT NULL REFERENCES agency (id),
    effective_on   DATE   NOT NULL,
    note           TEXT,
    PRIMARY KEY (predecessor_id, successor_id),
    CONSTRAINT agency_succession_not_self CHECK (predecessor_id <> successor_id)
);

CREATE TABLE app_user
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        VARCHAR(64)              NOT NULL,
    full_name       VARCHAR(200)             NOT NULL,
    email           VARCHAR(254)             NOT NULL,
    password_hash   VARCHAR(255)             NOT NULL,
    agency_id       BIGINT REFERENCES agency (id),
    enabled         BOOLEAN                  NOT NULL DEFAULT TRUE,
    failed_attempts INT                      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));

CREATE TABLE user_role
(
    user_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_known CHECK (role IN ('ADMIN', 'LEADER', 'COORDINATOR', 'OFFICER', 'SPOKESPERSON', 'PRESS'))
);

-- Machine clients. Only a SHA-256 of the secret is kept; the prefix finds the row.
CREATE TABLE api_token
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         VARCHAR(100)             NOT NULL,
    token_prefix VARCHAR(16)              NOT NULL UNIQUE,
    token_hash   CHAR(64)                 NOT NULL,
    agency_id    BIGINT                   NOT NULL REFERENCES agency (id),
    created_by   BIGINT REFERENCES app_user (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);

SELECT loa_grant_to_app('agency', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('agency_succession', 'SELECT, INSERT, DELETE');
SELECT loa_grant_to_app('app_user', 'SELECT, INSERT, UPDATE');
SELECT loa_grant_to_app('user_role', 'SELECT, INSERT, DELETE');
SELECT loa_grant_to_app('api_token', 'SELECT, INSERT, UPDATE');
