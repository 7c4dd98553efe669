-- The demo letter of 2023 (only ever loaded as demo data: its summary says so) recorded its closing paragraph's
-- reporting duty under the clause "kết luận" and sent the reports "qua Sở Thông tin và Truyền thông", a department
-- that ended on 30/06/2025. A demo database loaded before this is put as a new one loads: no clause for an unnumbered
-- paragraph, the ended department named as history. Nothing else is touched.
UPDATE coord_task t
SET clause = CASE WHEN t.clause = 'kết luận' THEN NULL ELSE t.clause END,
    title = replace(replace(t.title, '(qua Sở Thông tin và Truyền thông)', '(qua Sở Thông tin và Truyền thông, đến 30/06/2025)'),
                    'gửi danh sách về Sở Thông tin và Truyền thông', 'gửi danh sách về Sở Thông tin và Truyền thông (đến 30/06/2025)')
FROM coord_directive d
WHERE d.id = t.directive_id AND d.number = '1790/UBND-VXNV' AND d.summary LIKE 'Dữ liệu trình diễn:%'
  AND (t.clause = 'kết luận' OR t.title LIKE '%(qua Sở Thông tin và Truyền thông)%'
       OR (t.title LIKE '%gửi danh sách về Sở Thông tin và Truyền thông' ));
