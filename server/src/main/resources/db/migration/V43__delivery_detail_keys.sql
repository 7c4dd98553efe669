-- What the delivery log says in Loa's own words is kept as a message key and its arguments, so that each reader
-- reads it in their own language (issue #8). The text column stays: it holds words from outside (a provider's
-- error, a withdrawal's reason, a commune's note) and, with no key, the whole detail of a row logged before.
ALTER TABLE pub_delivery ADD COLUMN detail_key TEXT, ADD COLUMN detail_args TEXT[],
    ADD COLUMN reason_key TEXT, ADD COLUMN reason_args TEXT[];
ALTER TABLE pub_delivery_log ADD COLUMN detail_key TEXT, ADD COLUMN detail_args TEXT[],
    ADD COLUMN reason_key TEXT, ADD COLUMN reason_args TEXT[];
