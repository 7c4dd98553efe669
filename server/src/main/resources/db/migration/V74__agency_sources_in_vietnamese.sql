-- The source of the seeded agencies reads as an official reads it, in Vietnamese, keeping the licence of the data
-- it came from (issue #9); the seed had Loa's English developer notes. Only a source still as seeded is changed: one
-- an administrator wrote stays.
UPDATE agency SET source = 'Danh mục đơn vị hành chính của Tổng cục Thống kê (mã GSO), qua bộ dữ liệu mã nguồn mở thanglequoc/vietnamese-provinces-database 2.4.1 (giấy phép MIT)'
WHERE source = 'GSO codes via thanglequoc/vietnamese-provinces-database v2.4.1 (MIT)';
UPDATE agency SET source = 'Danh mục đơn vị hành chính của Tổng cục Thống kê (mã GSO), qua bộ dữ liệu mã nguồn mở thanglequoc/vietnamese-provinces-database 3.0.2 (giấy phép MIT); Quyết định số 19/2025/QĐ-TTg'
WHERE source = 'GSO codes via thanglequoc/vietnamese-provinces-database v3.0.2 (MIT), Decision 19/2025/QĐ-TTg';
UPDATE agency SET source = 'Dữ liệu khởi tạo của Loa: các cơ quan cấp tỉnh của Ninh Thuận (tên theo công bố của tỉnh)'
WHERE source = 'Loa seed: provincial bodies of Ninh Thuận (names as published by the province)';
UPDATE agency SET source = 'Dữ liệu khởi tạo của Loa: các cơ quan của tỉnh Khánh Hòa từ 01/07/2025, chưa đối chiếu với quyết định thành lập (mới xác định được việc chuyển lĩnh vực thông tin và truyền thông sang Sở Khoa học và Công nghệ, báo chí sang Sở Văn hóa, Thể thao và Du lịch; các việc hợp nhất khác và tên gọi theo thông tin được công bố rộng rãi)'
WHERE source = 'Loa seed: bodies of Khánh Hòa from 01/07/2025 [unverified: LEGAL.md B8 records only that information and communications went to science and technology and press to culture; the other 2025 mergers and these names are as generally reported, not checked against the province''s decisions]';
