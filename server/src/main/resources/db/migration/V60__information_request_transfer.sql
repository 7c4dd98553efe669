-- A request transferred to another agency in Loa becomes a request of that agency, received on the day of the
-- transfer; it keeps the request it came from, and the first shows where it went.
ALTER TABLE information_request ADD COLUMN transferred_from BIGINT REFERENCES information_request (id);
CREATE INDEX information_request_transferred_from ON information_request (transferred_from) WHERE transferred_from IS NOT NULL;
