-- Who signs an agency's documents (Decree 30/2020/NĐ-CP, Art. 8 and Appendix I: the signer's authority, title,
-- signature and full name): each agency's signers as its administrator records them, one of them signing by default.
-- An issued document keeps the name and title it was signed with, whatever the agency's signers become later.
CREATE TABLE agency_signer (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_id  BIGINT       NOT NULL REFERENCES agency (id),
    full_name  VARCHAR(100) NOT NULL CHECK (btrim(full_name) <> ''),
    title      VARCHAR(100) NOT NULL CHECK (btrim(title) <> ''),
    by_default BOOLEAN      NOT NULL DEFAULT false,
    updated_by VARCHAR(200) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX agency_signer_agency ON agency_signer (agency_id, id);
-- at most one default signer per agency
CREATE UNIQUE INDEX agency_signer_one_default ON agency_signer (agency_id) WHERE by_default;

SELECT loa_grant_to_app('agency_signer', 'SELECT, INSERT, UPDATE, DELETE');

-- the signer an issued periodic report was signed with; null for one issued before signers were recorded
ALTER TABLE coord_report ADD COLUMN signer_name VARCHAR(100), ADD COLUMN signer_title VARCHAR(100);
-- the signer an issued notice or answer letter of Decree 13/2018 was signed with; null when none was recorded
ALTER TABLE information_request_notice ADD COLUMN signer_name VARCHAR(100), ADD COLUMN signer_title VARCHAR(100);
