#!/usr/bin/env python3
"""Builds Loa's agency seed files for Ninh Thuận and Khánh Hòa from ../shared/data/admin-units.

Run from the repository root: python3 tools/extract-agencies.py
It writes, in server/src/main/resources/identity/, agencies-ninh-thuan-2023.csv (Ninh Thuận's units
and bodies from May 2023 until the reorganisation: they end on 30/06/2025), agencies-2025-khanh-hoa.csv
(the province of Khánh Hòa from 01/07/2025: its 65 communes and wards and its bodies after the 2025
mergers) and successions-2025-khanh-hoa.csv (which 2025 unit took over from which 2023 one); and the
nlp gazetteers (nlp/src/main/resources/vn/loa/nlp/gazetteer/places.tsv and agencies.tsv), both dated.
Administrative units come from thanglequoc/vietnamese-provinces-database (MIT): v2.4.1 before the
reorganisation, v3.0.2 after; successions of units from dvhcvn/20250701 (MIT). The bodies (departments,
press, police, mass organisations) are Loa's own list: see the notes in their source column.
"""
import csv, json, pathlib

DATA = pathlib.Path('../shared/data/admin-units')
OUT = pathlib.Path('server/src/main/resources/identity')
AS_OF = '2023-05-01'
REORG = '2025-07-01'
BEFORE_REORG = '2025-06-30'
# The source column is shown to officials on the agency pages: Vietnamese, naming the data set and its licence.
SRC_BEFORE = ('Danh mục đơn vị hành chính của Tổng cục Thống kê (mã GSO), qua bộ dữ liệu mã nguồn mở '
              'thanglequoc/vietnamese-provinces-database 2.4.1 (giấy phép MIT)')
SRC_AFTER = ('Danh mục đơn vị hành chính của Tổng cục Thống kê (mã GSO), qua bộ dữ liệu mã nguồn mở '
             'thanglequoc/vietnamese-provinces-database 3.0.2 (giấy phép MIT); Quyết định số 19/2025/QĐ-TTg')
SRC_MAP = ('Bảng đối chiếu đơn vị hành chính dvhcvn/20250701 (giấy phép MIT); Nghị quyết số 202/2025/QH15 và '
           'số 1667/NQ-UBTVQH15')
SRC_ORG = 'Dữ liệu khởi tạo của Loa: các cơ quan cấp tỉnh của Ninh Thuận (tên theo công bố của tỉnh)'
# unverified: LEGAL.md B8 records only that information and communications went to science and technology and press
# to culture; the other 2025 mergers and the names are as generally reported
SRC_ORG_2025 = ('Dữ liệu khởi tạo của Loa: các cơ quan của tỉnh Khánh Hòa từ 01/07/2025, chưa đối chiếu với quyết định '
                'thành lập (mới xác định được việc chuyển lĩnh vực thông tin và truyền thông sang Sở Khoa học và Công '
                'nghệ, báo chí sang Sở Văn hóa, Thể thao và Du lịch; các việc hợp nhất khác và tên gọi theo thông tin '
                'được công bố rộng rãi)')
# unverified: the department mergers took effect earlier in 2025 (date not checked) and are recorded on 01/07/2025
SRC_ORG_MAP = ('Dữ liệu khởi tạo của Loa, chưa đối chiếu với quyết định thành lập (mới xác định được việc hợp nhất lĩnh '
               'vực thông tin và truyền thông; các sở hợp nhất từ đầu năm 2025, ngày chưa kiểm tra, ở đây ghi ngày '
               '01/07/2025)')

# Provincial bodies: (code, kind, Vietnamese name, English name). Codes are Loa's own short codes.
BODIES = [
    ('STTTT', 'DEPARTMENT', 'Sở Thông tin và Truyền thông', 'Department of Information and Communications'),
    ('SYT', 'DEPARTMENT', 'Sở Y tế', 'Department of Health'),
    ('SGDDT', 'DEPARTMENT', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'),
    ('STNMT', 'DEPARTMENT', 'Sở Tài nguyên và Môi trường', 'Department of Natural Resources and Environment'),
    ('SNNPTNT', 'DEPARTMENT', 'Sở Nông nghiệp và Phát triển nông thôn', 'Department of Agriculture and Rural Development'),
    ('SKHDT', 'DEPARTMENT', 'Sở Kế hoạch và Đầu tư', 'Department of Planning and Investment'),
    ('STC', 'DEPARTMENT', 'Sở Tài chính', 'Department of Finance'),
    ('SXD', 'DEPARTMENT', 'Sở Xây dựng', 'Department of Construction'),
    ('SGTVT', 'DEPARTMENT', 'Sở Giao thông vận tải', 'Department of Transport'),
    ('SLDTBXH', 'DEPARTMENT', 'Sở Lao động - Thương binh và Xã hội', 'Department of Labour, Invalids and Social Affairs'),
    ('SVHTTDL', 'DEPARTMENT', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism'),
    ('SCT', 'DEPARTMENT', 'Sở Công Thương', 'Department of Industry and Trade'),
    ('SNV', 'DEPARTMENT', 'Sở Nội vụ', 'Department of Home Affairs'),
    ('STP', 'DEPARTMENT', 'Sở Tư pháp', 'Department of Justice'),
    ('SKHCN', 'DEPARTMENT', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology'),
    ('BDT', 'DEPARTMENT', 'Ban Dân tộc', 'Committee for Ethnic Minority Affairs'),
    ('TTRA', 'DEPARTMENT', 'Thanh tra tỉnh', 'Provincial Inspectorate'),
    ('VPUBND', 'DEPARTMENT', 'Văn phòng Ủy ban nhân dân tỉnh', "Office of the Provincial People's Committee"),
    ('BNT', 'PRESS', 'Báo Ninh Thuận', 'Ninh Thuan Newspaper'),
    ('PTTH', 'PRESS', 'Đài Phát thanh và Truyền hình Ninh Thuận', 'Ninh Thuan Radio and Television'),
    ('CAT', 'POLICE', 'Công an tỉnh', 'Provincial Police'),
    ('BDBP', 'BORDER_GUARD', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Provincial Border Guard Command'),
    ('MTTQ', 'MASS_ORGANISATION', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Vietnam Fatherland Front Committee of the province'),
    ('TDTN', 'MASS_ORGANISATION', 'Tỉnh Đoàn Thanh niên', 'Provincial Youth Union'),
    ('HLHPN', 'MASS_ORGANISATION', 'Hội Liên hiệp Phụ nữ tỉnh', "Provincial Women's Union"),
    ('HND', 'MASS_ORGANISATION', 'Hội Nông dân tỉnh', "Provincial Farmers' Union"),
    ('LDLD', 'MASS_ORGANISATION', 'Liên đoàn Lao động tỉnh', 'Provincial Labour Federation'),
    ('HCCB', 'MASS_ORGANISATION', 'Hội Cựu chiến binh tỉnh', "Provincial Veterans' Association"),
]

# The bodies of Khánh Hòa from 01/07/2025 after the 2025 mergers (unverified, see SRC_ORG_2025). A body that
# goes on under the same name keeps its code, so that posts and rules naming the code name today's body.
BODIES_2025 = [
    ('VPUBND', 'DEPARTMENT', 'Văn phòng Ủy ban nhân dân tỉnh', "Office of the Provincial People's Committee"),
    ('SNV', 'DEPARTMENT', 'Sở Nội vụ', 'Department of Home Affairs'),
    ('STP', 'DEPARTMENT', 'Sở Tư pháp', 'Department of Justice'),
    ('STC', 'DEPARTMENT', 'Sở Tài chính', 'Department of Finance'),
    ('SCT', 'DEPARTMENT', 'Sở Công Thương', 'Department of Industry and Trade'),
    ('SNNMT', 'DEPARTMENT', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment'),
    ('SXD', 'DEPARTMENT', 'Sở Xây dựng', 'Department of Construction'),
    ('SKHCN', 'DEPARTMENT', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology'),
    ('SGDDT', 'DEPARTMENT', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'),
    ('SYT', 'DEPARTMENT', 'Sở Y tế', 'Department of Health'),
    ('SVHTTDL', 'DEPARTMENT', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism'),
    ('SDTTG', 'DEPARTMENT', 'Sở Dân tộc và Tôn giáo', 'Department of Ethnic Minorities and Religions'),
    ('TTRA', 'DEPARTMENT', 'Thanh tra tỉnh', 'Provincial Inspectorate'),
    ('BPTTH', 'PRESS', 'Báo và Phát thanh, Truyền hình Khánh Hòa', 'Khanh Hoa Newspaper, Radio and Television'),
    ('CAT', 'POLICE', 'Công an tỉnh', 'Provincial Police'),
    ('BDBP', 'BORDER_GUARD', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Provincial Border Guard Command'),
    ('MTTQ', 'MASS_ORGANISATION', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Vietnam Fatherland Front Committee of the province'),
    ('TDTN', 'MASS_ORGANISATION', 'Tỉnh Đoàn Thanh niên', 'Provincial Youth Union'),
    ('HLHPN', 'MASS_ORGANISATION', 'Hội Liên hiệp Phụ nữ tỉnh', "Provincial Women's Union"),
    ('HND', 'MASS_ORGANISATION', 'Hội Nông dân tỉnh', "Provincial Farmers' Union"),
    ('LDLD', 'MASS_ORGANISATION', 'Liên đoàn Lao động tỉnh', 'Provincial Labour Federation'),
    ('HCCB', 'MASS_ORGANISATION', 'Hội Cựu chiến binh tỉnh', "Provincial Veterans' Association"),
]

# Which 2025 body took over from which 2023 one, and how (unverified, see SRC_ORG_MAP). A 2023 body not named
# here went on under its own code.
BODY_SUCCESSIONS = {
    'STTTT': [('SKHCN', 'merged into the Department of Science and Technology'),
              ('SVHTTDL', 'press and grassroots information moved to culture, sports and tourism')],
    'SKHDT': [('STC', 'merged into the Department of Finance')],
    'SGTVT': [('SXD', 'merged into the Department of Construction')],
    'STNMT': [('SNNMT', 'merged into the Department of Agriculture and Environment')],
    'SNNPTNT': [('SNNMT', 'merged into the Department of Agriculture and Environment')],
    'SLDTBXH': [('SNV', 'labour, employment and veterans moved to home affairs'),
                ('SYT', 'social protection moved to health'),
                ('SGDDT', 'vocational education moved to education')],
    'BDT': [('SDTTG', 'became the Department of Ethnic Minorities and Religions')],
    'BNT': [('BPTTH', 'merged with the radio and television station and with Khánh Hòa\'s press')],
    'PTTH': [('BPTTH', 'merged with the newspaper and with Khánh Hòa\'s press')],
}

HEADER = ['code', 'kind', 'parent_code', 'name_vi', 'name_en', 'valid_from', 'valid_to', 'source']


def before():
    provinces = json.loads((DATA / 'before-2025/thanglequoc-v2.4.1-vn_only_simplified.json').read_text())
    p = next(x for x in provinces if x['Code'] == '58')
    end = BEFORE_REORG
    rows = [['58', 'PROVINCE', '', 'Ủy ban nhân dân tỉnh Ninh Thuận', "Ninh Thuan Provincial People's Committee", AS_OF, end,
             SRC_BEFORE]]
    for code, kind, vi, en in BODIES:
        rows.append([code, kind, '58', vi, en, AS_OF, end, SRC_ORG])
    for d in p['District']:
        rows.append([d['Code'], 'DISTRICT', '58', d['FullName'].strip(), '', AS_OF, end, SRC_BEFORE])
        for w in d['Ward']:
            rows.append([w['Code'], 'COMMUNE', d['Code'], ' '.join(w['FullName'].split()), '', AS_OF, end, SRC_BEFORE])
    return rows


def after():
    provinces = json.loads((DATA / 'after-2025/thanglequoc-v3.0.2-full.json').read_text())
    kh = next(x for x in provinces if x['Code'] == '56')
    wards = {w['Code']: w for w in kh['Wards']}
    mapping = list(csv.DictReader((DATA / 'mapping-2025/old-to-new.csv').open(encoding='utf-8')))
    mapping = [m for m in mapping if m['old_province_code'] == '58']
    units = [['56', 'PROVINCE', '', 'Ủy ban nhân dân tỉnh Khánh Hòa', "Khanh Hoa Provincial People's Committee", REORG, '', SRC_AFTER]]
    for code, kind, vi, en in BODIES_2025:
        units.append([code, kind, '56', vi, en, REORG, '', SRC_ORG_2025])
    # the former Ninh Thuận's communes first (as before), then the rest of the province
    former_ninh_thuan = sorted({m['new_commune_code'] for m in mapping})
    for c in former_ninh_thuan + sorted(set(wards) - set(former_ninh_thuan)):
        w = wards[c]
        units.append([c, 'COMMUNE', '56', w['FullName'], w['FullNameEn'], REORG, '', SRC_AFTER])
    successions = [['58', AS_OF, '56', REORG, 'Ninh Thuận merged into Khánh Hòa', SRC_MAP]]
    new_bodies = {code for code, _, _, _ in BODIES_2025}
    for code, _, _, _ in BODIES:
        for new_code, note in BODY_SUCCESSIONS.get(code, [(code, 'merged with Khánh Hòa\'s')]):
            assert new_code in new_bodies, new_code
            successions.append([code, AS_OF, new_code, REORG, note, SRC_ORG_MAP])
    seen = set()
    for m in mapping:
        old = m['old_commune_code'] or m['old_district_code']
        for old_code in (old, m['old_district_code']):
            key = (old_code, m['new_commune_code'])
            if key in seen:
                continue
            seen.add(key)
            note = 'district level abolished' if old_code == m['old_district_code'] else m['merge_type']
            successions.append([old_code, AS_OF, m['new_commune_code'], REORG, note, SRC_MAP])
    return units, successions


def write(name, header, rows):
    with (OUT / name).open('w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)


if __name__ == '__main__':
    write('agencies-ninh-thuan-2023.csv', HEADER, before())
    units, successions = after()
    write('agencies-2025-khanh-hoa.csv', HEADER, units)
    write('successions-2025-khanh-hoa.csv',
          ['old_code', 'old_valid_from', 'new_code', 'new_valid_from', 'note', 'source'], successions)


# --- Gazetteer files for the nlp module -------------------------------------------------------

NLP_OUT = pathlib.Path('nlp/src/main/resources/vn/loa/nlp/gazetteer')
PREFIXES = ['Thành phố ', 'Tỉnh ', 'Huyện ', 'Thị xã ', 'Quận ', 'Thị trấn ', 'Phường ', 'Xã ', 'Đặc khu ']


def short_name(full):
    for prefix in PREFIXES:
        if full.startswith(prefix):
            return full[len(prefix):]
    return full


def places():
    mapping = list(csv.DictReader((DATA / 'mapping-2025/old-to-new.csv').open(encoding='utf-8')))
    successors = {}
    for m in mapping:
        new_id = m['new_commune_code'] + '@' + REORG
        if m['old_province_code'] == '58':
            if m['old_commune_code']:
                successors.setdefault(m['old_commune_code'] + '@' + AS_OF, []).append(new_id)
            successors.setdefault(m['old_district_code'] + '@' + AS_OF, []).append(new_id)
        if m['old_province_code'] == '56':
            successors.setdefault(m['old_district_code'] + '@' + AS_OF, []).append(new_id)
        successors.setdefault(m['old_province_code'] + '@2008-08-01', []).append(m['new_province_code'] + '@' + REORG)
    rows = []
    before_provinces = json.loads((DATA / 'before-2025/thanglequoc-v2.4.1-vn_only_simplified.json').read_text())
    for p in before_provinces:
        full = ' '.join(p['FullName'].split())
        rows.append([p['Code'] + '@2008-08-01', 'PROVINCE', full, short_name(full), '', '2008-08-01', BEFORE_REORG])
        if p['Code'] == '58':
            for d in p['District']:
                dfull = ' '.join(d['FullName'].split())
                rows.append([d['Code'] + '@' + AS_OF, 'DISTRICT', dfull, short_name(dfull), p['Code'] + '@2008-08-01',
                             AS_OF, BEFORE_REORG])
                for w in d['Ward']:
                    wfull = ' '.join(w['FullName'].split())
                    rows.append([w['Code'] + '@' + AS_OF, 'COMMUNE', wfull, short_name(wfull), d['Code'] + '@' + AS_OF,
                                 AS_OF, BEFORE_REORG])
        if p['Code'] == '56':
            # the district-level units of Khánh Hòa before the merger, so that "thành phố Nha Trang" finds the place
            # and the communes that took over from it (their own communes are not listed)
            for d in p['District']:
                dfull = ' '.join(d['FullName'].split())
                rows.append([d['Code'] + '@' + AS_OF, 'DISTRICT', dfull, short_name(dfull), p['Code'] + '@2008-08-01',
                             AS_OF, BEFORE_REORG])
    after_provinces = json.loads((DATA / 'after-2025/thanglequoc-v3.0.2-full.json').read_text())
    for p in after_provinces:
        full = ' '.join(p['FullName'].split())
        rows.append([p['Code'] + '@' + REORG, 'PROVINCE', full, short_name(full), '', REORG, ''])
        if p['Code'] == '56':
            for w in p['Wards']:
                wfull = ' '.join(w['FullName'].split())
                rows.append([w['Code'] + '@' + REORG, 'COMMUNE', wfull, short_name(wfull), '56@' + REORG, REORG, ''])
    for row in rows:
        row.append(' '.join(sorted(set(successors.get(row[0], [])))))
    return rows


SHORT_FORMS = {
    'STTTT': ['Sở TT&TT', 'Sở TTTT'], 'SGDDT': ['Sở GD&ĐT', 'Sở GDĐT'], 'SLDTBXH': ['Sở LĐ-TB&XH', 'Sở LĐTBXH'],
    'SVHTTDL': ['Sở VH-TT&DL', 'Sở VHTTDL'], 'STNMT': ['Sở TN&MT', 'Sở TNMT'], 'SNNPTNT': ['Sở NN&PTNT', 'Sở NNPTNT'],
    'SKHDT': ['Sở KH&ĐT', 'Sở KHĐT'], 'SGTVT': ['Sở GTVT'], 'SNNMT': ['Sở NN&MT', 'Sở NNMT'],
    'SKHCN': ['Sở KH&CN', 'Sở KHCN'], 'SDTTG': ['Sở DT&TG', 'Sở DTTG'],
}
ACRONYMS_2023 = ('SYT', 'STTTT', 'SGDDT', 'STNMT', 'SGTVT', 'SLDTBXH', 'SVHTTDL', 'SKHDT', 'SNNPTNT')
ACRONYMS_2025 = ('SYT', 'SGDDT', 'SVHTTDL', 'SNNMT', 'SKHCN')


def agency_aliases():
    """The agencies gazetteer: Khánh Hòa's bodies from 01/07/2025 first (an id names today's body), then Ninh
    Thuận's until 30/06/2025. A 2025 body also answers to the names of the 2023 body it mainly took over from, so
    that a post of today naming "Sở TT&TT" goes to the body that does that work now."""
    rows = [['56', 'Ủy ban nhân dân tỉnh Khánh Hòa',
             'UBND tỉnh Khánh Hòa|UBND tỉnh|Ủy ban nhân dân tỉnh|UBND tỉnh Ninh Thuận|Ủy ban nhân dân tỉnh Ninh Thuận',
             REORG, '']]
    old_names = {code: vi for code, _, vi, _ in BODIES}
    for code, kind, vi, en in BODIES_2025:
        aliases = []
        if 'Khánh Hòa' not in vi:
            aliases.append(vi + ' Khánh Hòa')
            if not vi.endswith(' tỉnh'):
                aliases.append(vi + ' tỉnh Khánh Hòa')
        if vi.startswith('Sở '):
            aliases.append(vi + ' tỉnh')
        if code in ACRONYMS_2025:
            aliases.append(code)
        aliases += SHORT_FORMS.get(code, [])
        if code == 'CAT':
            aliases += ['Công an Khánh Hòa']
        if code == 'BPTTH':
            aliases += ['Báo Khánh Hòa', 'Đài Phát thanh và Truyền hình Khánh Hòa']
        for old_code, successors in BODY_SUCCESSIONS.items():
            if successors[0][0] == code:
                old = old_names[old_code]
                aliases += [old, old + ' Ninh Thuận', old + ' tỉnh Ninh Thuận'] + SHORT_FORMS.get(old_code, [])
                if old_code in ACRONYMS_2023:
                    aliases.append(old_code)
        rows.append([code, vi, '|'.join(dict.fromkeys(aliases)), REORG, ''])
    rows.append(['58', 'Ủy ban nhân dân tỉnh Ninh Thuận', 'UBND tỉnh Ninh Thuận|UBND tỉnh|Ủy ban nhân dân tỉnh', '', BEFORE_REORG])
    for code, kind, vi, en in BODIES:
        aliases = [vi + ' Ninh Thuận', vi + ' tỉnh Ninh Thuận']
        if vi.startswith('Sở '):
            aliases.append(vi + ' tỉnh')
        if code in ACRONYMS_2023:
            aliases.append(code)
        aliases += SHORT_FORMS.get(code, [])
        if code == 'CAT':
            aliases += ['Công an tỉnh Ninh Thuận', 'Công an Ninh Thuận']
        rows.append([code, vi, '|'.join(aliases), '', BEFORE_REORG])
    return rows


def write_tsv(path, header, rows):
    with path.open('w', encoding='utf-8', newline='') as f:
        f.write('\t'.join(header) + '\n')
        for row in rows:
            f.write('\t'.join(row) + '\n')


if __name__ == '__main__':
    NLP_OUT.mkdir(parents=True, exist_ok=True)
    write_tsv(NLP_OUT / 'places.tsv', ['id', 'kind', 'name', 'short_name', 'parent', 'valid_from', 'valid_to',
                                       'successors'], places())
    write_tsv(NLP_OUT / 'agencies.tsv', ['code', 'name', 'aliases', 'valid_from', 'valid_to'], agency_aliases())
