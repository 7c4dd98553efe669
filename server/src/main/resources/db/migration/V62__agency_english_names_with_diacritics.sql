-- The English names of the provinces and their press bodies keep the Vietnamese place name as it is written, with its
-- diacritics, as every other English page does ("Khánh Hòa"); the seed had them without (issue #10). Only a name still
-- as seeded is changed: one an administrator corrected stays.
UPDATE agency SET name_en = 'Khánh Hòa Provincial People''s Committee'
WHERE code = '56' AND name_en = 'Khanh Hoa Provincial People''s Committee';
UPDATE agency SET name_en = 'Khánh Hòa Newspaper, Radio and Television'
WHERE code = 'BPTTH' AND name_en = 'Khanh Hoa Newspaper, Radio and Television';
UPDATE agency SET name_en = 'Ninh Thuận Provincial People''s Committee'
WHERE code = '58' AND name_en = 'Ninh Thuan Provincial People''s Committee';
UPDATE agency SET name_en = 'Ninh Thuận Newspaper' WHERE code = 'BNT' AND name_en = 'Ninh Thuan Newspaper';
UPDATE agency SET name_en = 'Ninh Thuận Radio and Television'
WHERE code = 'PTTH' AND name_en = 'Ninh Thuan Radio and Television';
