-- Recording a succession again (a corrected date or note) updates the row: INSERT ... ON CONFLICT DO UPDATE needs UPDATE,
-- which V2 did not grant, so recording any succession on the agency's page failed with "permission denied".
SELECT loa_grant_to_app('agency_succession', 'UPDATE');
