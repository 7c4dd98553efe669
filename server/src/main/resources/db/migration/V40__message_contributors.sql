-- Four eyes: who wrote a message may not approve it, and neither may anyone who rewrote it or one of its channel
-- versions since (an approver who rewrites the text and then approves it has approved their own words).
ALTER TABLE campaign_message
    ADD COLUMN contributors TEXT[] NOT NULL DEFAULT '{}';

UPDATE campaign_message m
SET contributors = coalesce((SELECT array_agg(DISTINCT who) FROM (
        SELECT v.edited_by AS who FROM campaign_version v WHERE v.message_id = m.id AND v.edited_by IS NOT NULL
        UNION
        SELECT f.attached_by FROM campaign_version_file f JOIN campaign_version v ON v.id = f.version_id
        WHERE v.message_id = m.id) AS any_edit WHERE who <> m.author), '{}');
