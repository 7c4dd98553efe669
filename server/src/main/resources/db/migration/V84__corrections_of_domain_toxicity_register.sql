-- Officers correct a post's policy domain, toxicity and register too, beside its sentiment, topic and agency: the
-- labels the dashboard's figures count. The inline CHECK of V7 is named post_correction_field_check by PostgreSQL.
ALTER TABLE post_correction DROP CONSTRAINT post_correction_field_check;
ALTER TABLE post_correction ADD CONSTRAINT post_correction_field_check
    CHECK (field IN ('sentiment', 'topic', 'agency', 'domain', 'toxicity', 'register'));
