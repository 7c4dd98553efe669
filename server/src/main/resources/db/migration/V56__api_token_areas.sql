-- A token may be limited to parts of the API (listening, cases, press, ...): a connector that imports posts has no
-- business with the misinformation desk or the press enquiries. NULL: every part, as tokens issued before could.
ALTER TABLE api_token ADD COLUMN areas TEXT[];
