-- What a campaign's audience needs to know of each commune: the former districts it was made from, the ethnic
-- minorities living there and whether it is remote, and where its hexagon sits on the schematic tile map (no
-- boundaries are shipped). Seeded from identity/commune-profiles-2025-khanh-hoa.csv, edited by administrators.
CREATE TABLE commune_profile
(
    agency_id        BIGINT PRIMARY KEY REFERENCES agency (id),
    former_districts TEXT         NOT NULL DEFAULT '',
    minority_groups  VARCHAR(100) NOT NULL DEFAULT '',
    remote           BOOLEAN      NOT NULL DEFAULT FALSE,
    tile_lat         NUMERIC(8, 4),
    tile_lon         NUMERIC(9, 4),
    source           TEXT,
    updated_at       TIMESTAMP WITH TIME ZONE,
    updated_by       VARCHAR(64),
    CONSTRAINT commune_profile_groups CHECK (minority_groups ~ '^(CHAM|RAGLAI| )*$')
);
SELECT loa_grant_to_app('commune_profile', 'SELECT, INSERT, UPDATE');
