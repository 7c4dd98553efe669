-- Audio made by speech synthesis is labelled as such in broadcast packages, not only by its file name.
ALTER TABLE pub_attachment ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE pub_attachment SET synthetic = TRUE WHERE file_name LIKE '%synthetic-speech%';
