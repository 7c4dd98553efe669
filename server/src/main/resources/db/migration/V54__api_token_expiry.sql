-- A token expires: the last day it is accepted (Vietnam's day), chosen when it is issued, one year ahead by default and
-- at most two. Tokens issued before keep none (they are accepted until revoked, and the tokens page says so).
ALTER TABLE api_token ADD COLUMN expires_on DATE;
