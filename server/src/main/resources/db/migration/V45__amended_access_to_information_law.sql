-- The amended Law on Access to Information, in force from 01/09/2026 (LEGAL.md B1). Requests received from that day
-- cite it; requests received earlier keep the 2016 rows, which now end the day before.
--
-- LEGAL.md records no time limit of the amended law, so each row keeps the 2016 limits of the same channel and kind
-- and says so in its source; an administrator enters the confirmed limits as a later row (/admin/access-time-limits)
-- once the text has been read. The law is named before the first comma of the source: notices cite that part.
--
-- The amended law also takes requests through the National Public Service Portal and through mobile apps and digital
-- platforms: two more channels, electronic ones, which exist from 01/09/2026 only.

ALTER TABLE access_time_limit DROP CONSTRAINT access_time_limit_channel_check;
ALTER TABLE access_time_limit ADD CONSTRAINT access_time_limit_channel_check
    CHECK (channel IN ('ELECTRONIC', 'POST', 'FAX', 'IN_PERSON', 'NATIONAL_PUBLIC_SERVICE_PORTAL', 'APP'));
ALTER TABLE information_request DROP CONSTRAINT information_request_channel_check;
ALTER TABLE information_request ADD CONSTRAINT information_request_channel_check
    CHECK (channel IN ('ELECTRONIC', 'POST', 'FAX', 'IN_PERSON', 'NATIONAL_PUBLIC_SERVICE_PORTAL', 'APP'));

-- the rows in force on 31/08/2026 end that day
UPDATE access_time_limit SET valid_to = DATE '2026-08-31'
WHERE valid_from < DATE '2026-09-01' AND (valid_to IS NULL OR valid_to > DATE '2026-08-31');

INSERT INTO access_time_limit (valid_from, channel, complex, answer_days, notice_days, extension_days, source, entered_by, entered_at) VALUES
 (DATE '2026-09-01', 'ELECTRONIC', false, 3,  NULL, 15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như Điều 30 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'NATIONAL_PUBLIC_SERVICE_PORTAL', false, 3, NULL, 15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như yêu cầu qua mạng điện tử, Điều 30 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'APP',        false, 3,  NULL, 15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như yêu cầu qua mạng điện tử, Điều 30 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'POST',       false, 5,  NULL, 15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như Điều 31 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'FAX',        false, 5,  NULL, 15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như Điều 31 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'IN_PERSON',  false, 0,  NULL, 15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như Điều 29 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'ELECTRONIC', true,  15, 3,    15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như Điều 30, 31 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'NATIONAL_PUBLIC_SERVICE_PORTAL', true, 15, 3, 15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như yêu cầu qua mạng điện tử, Điều 30, 31 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'APP',        true,  15, 3,    15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như yêu cầu qua mạng điện tử, Điều 30, 31 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'POST',       true,  15, 3,    15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như Điều 31 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'FAX',        true,  15, 3,    15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như Điều 31 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now()),
 (DATE '2026-09-01', 'IN_PERSON',  true,  15, 3,    15, 'Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026; thời hạn giữ như Điều 29 Luật 2016, chưa đối chiếu với văn bản luật mới', 'system', now())
ON CONFLICT (valid_from, channel, complex) DO NOTHING;

-- a later row an administrator entered already ends the new one the day before it
UPDATE access_time_limit n SET valid_to = (SELECT min(l.valid_from) - 1 FROM access_time_limit l
                                           WHERE l.channel = n.channel AND l.complex = n.complex AND l.valid_from > n.valid_from)
WHERE n.valid_from = DATE '2026-09-01' AND n.valid_to IS NULL
  AND EXISTS (SELECT 1 FROM access_time_limit l WHERE l.channel = n.channel AND l.complex = n.complex AND l.valid_from > n.valid_from);

-- requests already received from 01/09/2026 move to the amended law's row of their channel and kind: the limits are
-- the same, so their deadlines stand; only the citation changes
UPDATE information_request r SET time_limit_id = n.id
FROM access_time_limit o, access_time_limit n
WHERE r.time_limit_id = o.id AND o.valid_from < DATE '2026-09-01'
  AND (r.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= DATE '2026-09-01'
  AND n.valid_from = DATE '2026-09-01' AND n.channel = o.channel AND n.complex = o.complex;
