-- The notice of handling of a complex request (Decree 13/2018, form 03) is due within the row's notice days; the desk
-- records when it was sent and how, so that its deadline can be met or missed. Marking a request complex does not
-- record it (the officer may send the notice later), and a request entered as complex records it the same way.
-- Nothing is carried over: until this migration no request recorded a notice as sent, only the day it was found
-- complex.
ALTER TABLE information_request ADD COLUMN notice_sent_at TIMESTAMPTZ;
ALTER TABLE information_request ADD COLUMN notice_means TEXT
    CHECK (notice_means IN ('POST', 'EMAIL', 'FAX', 'IN_PERSON', 'ONLINE'));
ALTER TABLE information_request ADD CONSTRAINT information_request_notice_sent
    CHECK ((notice_sent_at IS NULL) = (notice_means IS NULL));
