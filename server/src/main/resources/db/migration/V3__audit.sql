-- Append-only, hash-chained record of every state change. Each row stores the hash of the row
-- before it; hash = SHA-256 over the previous hash and the row's own fields (see AuditChain).
CREATE TABLE audit_record
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(100)             NOT NULL,
    agency_code   VARCHAR(32),
    action        VARCHAR(100)             NOT NULL,
    target_type   VARCHAR(100),
    target_id     VARCHAR(100),
    details       TEXT                     NOT NULL,
    previous_hash CHAR(64)                 NOT NULL,
    hash          CHAR(64)                 NOT NULL
);
CREATE INDEX audit_record_occurred_at ON audit_record (occurred_at);

CREATE FUNCTION audit_record_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit records are append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER audit_record_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_record_no_truncate
    BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();

-- The application's role may read and append, never change or remove.
SELECT loa_grant_to_app('audit_record', 'SELECT, INSERT');
DO
$$
BEGIN
    IF '${approle}' <> current_user THEN
        EXECUTE format('GRANT USAGE ON SEQUENCE audit_record_id_seq TO %I', '${approle}');
    END IF;
END;
$$;
