-- An alert keeps the threshold its rule had when it was raised: a rule's threshold can now be changed, and the alerts
-- it raised before must still say what they were raised against ("6 bài, ngưỡng 5"), not the new figure.
ALTER TABLE alert ADD COLUMN threshold DOUBLE PRECISION;
UPDATE alert a SET threshold = r.threshold FROM alert_rule r WHERE r.id = a.rule_id;
