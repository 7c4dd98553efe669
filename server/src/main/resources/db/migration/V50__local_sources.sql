-- A source its administrator marks as the province's own (its newspaper and broadcaster, their pages, the province's
-- agencies' sites, its residents' groups): its news and official posts are about the province, and the routing rules
-- route them; a news post of another source is routed by the rules only when it names the province's places or agencies.
ALTER TABLE post_source
    ADD COLUMN local BOOLEAN NOT NULL DEFAULT FALSE;
