-- The import pipeline allocates story ids in bulk, so the application role may draw from the sequence.
DO
$$
BEGIN
    IF '${approle}' <> current_user THEN
        EXECUTE format('GRANT USAGE ON SEQUENCE story_id_seq TO %I', '${approle}');
    END IF;
END;
$$;
