-- Spring Modulith's event publication registry (transactional outbox), schema v2 for PostgreSQL.
CREATE TABLE event_publication
(
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Grants the application role ordinary access to a table, when it is not the owner itself.
CREATE FUNCTION loa_grant_to_app(table_name text, privileges text) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    IF '${approle}' <> current_user THEN
        EXECUTE format('GRANT %s ON %I TO %I', privileges, table_name, '${approle}');
    END IF;
END;
$$;

SELECT loa_grant_to_app('event_publication', 'SELECT, INSERT, UPDATE, DELETE');
