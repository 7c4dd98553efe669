#!/usr/bin/env python3
"""Makes Loa's commune profiles and its schematic commune map for Khánh Hòa as of 01/07/2025.

Reads ../shared/data/admin-units (the 2025 merges, old communes' districts) and the agencies Loa ships, and writes
  server/src/main/resources/identity/commune-profiles-2025-khanh-hoa.csv
  server/src/main/resources/identity/communes-khanh-hoa-2025.geojson

No commune boundaries are in the shipped data, so the map is a tile map (a cartogram), not a survey map: one hexagon
per commune, placed near the approximate centre of the former district(s) it was made from, nudged north, south,
east or west when its name says so, then snapped to the nearest free hexagon. Trường Sa is drawn as an inset off
the coast. The district centres below are approximate (to about 5 km), typed here from general knowledge.

The flags are where a campaign's audience starts, to be checked and edited by the province's officers:
  remote: communes made from the mountain districts (Bác Ái, Khánh Sơn, Khánh Vĩnh) and the Trường Sa special zone;
  minorities (by the former district most of the commune came from): Raglai for communes from Bác Ái, Khánh Sơn, Khánh Vĩnh and Ninh Sơn, Chăm for communes from
  Ninh Phước and Thuận Nam (where the Chăm villages are), both for Thuận Bắc. Marked unverified in the source column.

Run from the repository root: python3 tools/make-commune-profiles.py
"""
import csv
import json
import math
import os

SHARED = os.path.join('..', 'shared', 'data', 'admin-units')
OUT = os.path.join('server', 'src', 'main', 'resources', 'identity')

CENTRES = {  # former district -> (lat, lon), approximate
    'Thành phố Phan Rang-Tháp Chàm': (11.57, 108.99), 'Huyện Ninh Sơn': (11.73, 108.78),
    'Huyện Bác Ái': (11.90, 108.86), 'Huyện Ninh Hải': (11.63, 109.06), 'Huyện Thuận Bắc': (11.76, 109.08),
    'Huyện Ninh Phước': (11.48, 108.93), 'Huyện Thuận Nam': (11.38, 108.90), 'Thành phố Nha Trang': (12.25, 109.19),
    'Thành phố Cam Ranh': (11.92, 109.16), 'Huyện Cam Lâm': (12.06, 109.11), 'Huyện Vạn Ninh': (12.70, 109.23),
    'Thị xã Ninh Hòa': (12.50, 109.09), 'Huyện Khánh Vĩnh': (12.28, 108.88), 'Huyện Diên Khánh': (12.25, 109.06),
    'Huyện Khánh Sơn': (12.02, 108.89), 'Huyện Trường Sa': (11.80, 109.55),
}
REMOTE = {'Huyện Bác Ái', 'Huyện Khánh Sơn', 'Huyện Khánh Vĩnh', 'Huyện Trường Sa'}
RAGLAI = {'Huyện Bác Ái', 'Huyện Khánh Sơn', 'Huyện Khánh Vĩnh', 'Huyện Ninh Sơn', 'Huyện Thuận Bắc'}
CHAM = {'Huyện Ninh Phước', 'Huyện Thuận Nam', 'Huyện Thuận Bắc'}
NUDGE = 0.05
SIZE = 0.032  # a hexagon's radius, in degrees


def main():
    old = {}
    with open(os.path.join(SHARED, 'before-2025', 'units-2025-03-01.csv'), encoding='utf-8') as f:
        for row in csv.DictReader(f):
            old[row['commune_code']] = row['district_name']
    with open(os.path.join(SHARED, 'mapping-2025', 'merges.json'), encoding='utf-8') as f:
        merges = json.load(f)
    province = next(p for p in merges['data'] if p['level1_id'] == '56')
    made_from = {unit['level2_id']: unit['merges'] for unit in province['level2s']}
    with open(os.path.join(OUT, 'agencies-2025-khanh-hoa.csv'), encoding='utf-8') as f:
        communes = [r for r in csv.DictReader(f) if r['kind'] == 'COMMUNE']
    rows = []
    for commune in communes:
        districts = [old[m['old_id']] for m in made_from[commune['code']]]
        lat = sum(CENTRES[d][0] for d in districts) / len(districts)
        lon = sum(CENTRES[d][1] for d in districts) / len(districts)
        words = commune['name_vi'].split()
        lat += NUDGE * (('Bắc' in words) - ('Nam' in words))
        lon += NUDGE * (('Đông' in words) - ('Tây' in words))
        kept = sorted(set(districts), key=districts.index)
        most = max(kept, key=districts.count)  # the district most of it came from
        groups = [g for g, where in (('RAGLAI', RAGLAI), ('CHAM', CHAM)) if most in where]
        rows.append({'code': commune['code'], 'name': commune['name_vi'], 'districts': kept, 'lat': lat, 'lon': lon,
                     'remote': any(d in REMOTE for d in kept), 'groups': groups})
    place(rows)
    with open(os.path.join(OUT, 'commune-profiles-2025-khanh-hoa.csv'), 'w', encoding='utf-8', newline='') as f:
        out = csv.writer(f, lineterminator='\n')
        out.writerow(['code', 'valid_from', 'former_districts', 'minority_groups', 'remote', 'tile_lat', 'tile_lon',
                      'source'])
        for r in rows:
            out.writerow([r['code'], '2025-07-01', '; '.join(r['districts']), ' '.join(r['groups']),
                          'true' if r['remote'] else 'false', f"{r['tile_lat']:.4f}", f"{r['tile_lon']:.4f}",
                          'Loa suy ra từ huyện cũ (tools/make-commune-profiles.py), chưa kiểm chứng: cần đối chiếu '
                          'danh sách xã vùng đồng bào dân tộc thiểu số, miền núi của tỉnh'])
    features = []
    for r in rows:
        ring = [[round(r['tile_lon'] + SIZE * math.cos(math.radians(60 * k + 30)), 5),
                 round(r['tile_lat'] + SIZE * math.sin(math.radians(60 * k + 30)), 5)] for k in range(7)]
        features.append({'type': 'Feature', 'id': r['code'],
                         'properties': {'code': r['code'], 'name': r['name'], 'former_districts': r['districts']},
                         'geometry': {'type': 'Polygon', 'coordinates': [ring]}})
    geo = {'type': 'FeatureCollection', 'name': 'Khánh Hòa communes, schematic tile map (not boundaries), 01/07/2025',
           'features': features}
    with open(os.path.join(OUT, 'communes-khanh-hoa-2025.geojson'), 'w', encoding='utf-8') as f:
        json.dump(geo, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(len(rows), 'communes;', sum(r['remote'] for r in rows), 'remote;',
          sum(bool(r['groups']) for r in rows), 'with minority groups')


def place(rows):
    """Snaps each commune to the nearest free hexagon (pointy-top, axial coordinates), in a fixed order."""
    width = math.sqrt(3) * SIZE
    taken = {}

    def centre(q, r):
        return 11.0 + 1.5 * SIZE * r, 108.5 + width * (q + r / 2)

    for row in sorted(rows, key=lambda x: (x['districts'][0], x['code'])):
        r0 = round((row['lat'] - 11.0) / (1.5 * SIZE))
        q0 = round((row['lon'] - 108.5) / width - r0 / 2)
        best = None
        for dq in range(-6, 7):
            for dr in range(-6, 7):
                q, r = q0 + dq, r0 + dr
                if (q, r) in taken:
                    continue
                lat, lon = centre(q, r)
                distance = (lat - row['lat']) ** 2 + (lon - row['lon']) ** 2
                if best is None or distance < best[0]:
                    best = (distance, q, r)
        _, q, r = best
        taken[(q, r)] = row['code']
        row['tile_lat'], row['tile_lon'] = centre(q, r)


if __name__ == '__main__':
    main()
