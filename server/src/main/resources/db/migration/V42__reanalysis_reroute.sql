-- A re-analysis may re-route every post (bin/loa reanalyze --reroute, or the page's second button): after the
-- routing rules or the province's units changed, the places and agencies of posts already labelled by today's models
-- are read again too. The run keeps the version of the routing it routes by (a hash of the rules and the units), and
-- is resumed only while the routing is the same; null for a run over the posts other models labelled.
ALTER TABLE reanalysis ADD COLUMN routing VARCHAR(40);
