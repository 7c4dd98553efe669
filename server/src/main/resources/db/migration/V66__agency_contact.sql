-- Where citizens reach an agency (Law on Access to Information, Art. 24: in person at the office, by post, fax or
-- e-mail): the public pages that name an agency say where. One row per unit; a unit that took over keeps its own.
CREATE TABLE agency_contact
(
    agency_id  BIGINT PRIMARY KEY REFERENCES agency (id),
    address    VARCHAR(300),
    phone      VARCHAR(60),
    email      VARCHAR(254),
    hours      VARCHAR(200),
    updated_by VARCHAR(200) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

SELECT loa_grant_to_app('agency_contact', 'SELECT, INSERT, UPDATE');
