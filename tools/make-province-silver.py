#!/usr/bin/env python3
"""Draws the texts of the province corpus's silver set (corpus/province/silver-items.jsonl).

Run from the repository root, after tools/make-province-corpus.py: python3 tools/make-province-silver.py
Seeded. 48,000 texts that are not in the gold corpus (items.jsonl), in draws of 6,000, 6,000,
12,000 and 24,000 (each later draw has a generator of its own, so earlier ones never change):
sentences of VNTC train articles at random (32,500 in all), sentences chosen for the rarer policy
domains by words they contain (9,000), and social-media comments (ViHSD, ViHOS train; 6,500). They are labelled once, by the gold corpus's
guidelines, and used for training only; every figure is measured on the gold dev and test splits.
"""
import gzip, json, pathlib, random, re

DATA = pathlib.Path('../shared/data')
GOLD = pathlib.Path('corpus/province/items.jsonl')
OUT = pathlib.Path('corpus/province/silver-items.jsonl')
rng = random.Random(20261204)
seen = {json.loads(line)['text'].lower() for line in open(GOLD, encoding='utf-8')}
items = []


def add(item_id, dataset, row, register, text):
    if text.lower() in seen:
        return False
    seen.add(text.lower())
    items.append({'id': item_id, 'dataset': dataset, 'row': row, 'register': register, 'text': text})
    return True


pool = []
with gzip.open(DATA / 'vntc/train.jsonl.gz', 'rt', encoding='utf-8') as f:
    for number, line in enumerate(f, 1):
        text = ' '.join(json.loads(line)['text'].split())
        parts = re.split(r'(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ"“])', text)
        for k, sentence in enumerate(parts[1:], 1):
            if 8 <= len(sentence.split()) <= 60:
                pool.append((number, k, sentence))
rng.shuffle(pool)
taken = 0
for number, k, sentence in pool:
    if taken == 4000:
        break
    if add(f'silver-vntc-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
        taken += 1
RARE = {
    'labour_social': r'(lao động|công nhân|việc làm|tiền lương|bảo hiểm xã hội|hộ nghèo|trợ cấp|người khuyết tật|đình công|người nghèo)',
    'agriculture': r'(nông dân|lúa|thủy sản|thuỷ sản|chăn nuôi|cây trồng|gia cầm|nuôi tôm|nông nghiệp|thủy lợi|thuỷ lợi|rừng)',
    'transport': r'(giao thông|quốc lộ|tai nạn|xe khách|đường cao tốc|cầu |xe buýt|sân bay|đăng kiểm|tàu hỏa|ùn tắc)',
    'land_environment': r'(đất|giải phóng mặt bằng|ô nhiễm|môi trường|rác|khoáng sản|quy hoạch|sổ đỏ|nước thải|lũ|bão)',
    'administrative': r'(thủ tục|cán bộ|công chức|tiếp công dân|khiếu nại|một cửa|hành chính|UBND|đơn thư|chính quyền)',
}
for domain, words in RARE.items():
    pattern = re.compile(words)
    taken = 0
    for number, k, sentence in pool:
        if taken == 200:
            break
        if pattern.search(sentence) and add(f'silver-vntc-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
            taken += 1
for dataset, count in (('vihsd/train.jsonl', 600), ('vihos/train.jsonl', 400)):
    rows = []
    for number, line in enumerate(open(DATA / dataset, encoding='utf-8'), 1):
        text = ' '.join(json.loads(line)['text'].split())
        if 3 <= len(text.split()) <= 80 and not text.startswith('#'):
            rows.append((number, text))
    rng.shuffle(rows)
    taken = 0
    for number, text in rows:
        if taken == count:
            break
        if add(f'silver-{dataset.split("/")[0]}-{number}', dataset, number, 'comment', text):
            taken += 1
rng.shuffle(items)
# A second draw of 6,000 (own generator, so the first 6,000 never change): 3,500 random sentences,
# 300 for each rarer domain, 1,000 comments.
second = random.Random(20261205)
first_count = len(items)
second.shuffle(pool)
taken = 0
for number, k, sentence in pool:
    if taken == 3500:
        break
    if add(f'silver-vntc-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
        taken += 1
for domain, words in RARE.items():
    pattern = re.compile(words)
    taken = 0
    for number, k, sentence in pool:
        if taken == 300:
            break
        if pattern.search(sentence) and add(f'silver-vntc-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
            taken += 1
for dataset, count in (('vihsd/train.jsonl', 600), ('vihos/train.jsonl', 400)):
    rows = []
    for number, line in enumerate(open(DATA / dataset, encoding='utf-8'), 1):
        text = ' '.join(json.loads(line)['text'].split())
        if 3 <= len(text.split()) <= 80 and not text.startswith('#'):
            rows.append((number, text))
    second.shuffle(rows)
    taken = 0
    for number, text in rows:
        if taken == count:
            break
        if add(f'silver-{dataset.split("/")[0]}-{number}', dataset, number, 'comment', text):
            taken += 1
tail = items[first_count:]
second.shuffle(tail)
items[first_count:] = tail
# A third draw of 12,000: 8,000 random sentences, 500 for each rarer domain, 1,500 comments.
third = random.Random(20261206)
second_count = len(items)
third.shuffle(pool)
taken = 0
for number, k, sentence in pool:
    if taken == 8000:
        break
    if add(f'silver-vntc-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
        taken += 1
for domain, words in RARE.items():
    pattern = re.compile(words)
    taken = 0
    for number, k, sentence in pool:
        if taken == 500:
            break
        if pattern.search(sentence) and add(f'silver-vntc-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
            taken += 1
for dataset, count in (('vihsd/train.jsonl', 900), ('vihos/train.jsonl', 600)):
    rows = []
    for number, line in enumerate(open(DATA / dataset, encoding='utf-8'), 1):
        text = ' '.join(json.loads(line)['text'].split())
        if 3 <= len(text.split()) <= 80 and not text.startswith('#'):
            rows.append((number, text))
    third.shuffle(rows)
    taken = 0
    for number, text in rows:
        if taken == count:
            break
        if add(f'silver-{dataset.split("/")[0]}-{number}', dataset, number, 'comment', text):
            taken += 1
tail = items[second_count:]
third.shuffle(tail)
items[second_count:] = tail
# A fourth draw of 24,000: 17,000 random sentences, 800 for each rarer domain, 3,000 comments.
fourth = random.Random(20261207)
third_count = len(items)
fourth.shuffle(pool)
taken = 0
for number, k, sentence in pool:
    if taken == 17000:
        break
    if add(f'silver-vntc-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
        taken += 1
for domain, words in RARE.items():
    pattern = re.compile(words)
    taken = 0
    for number, k, sentence in pool:
        if taken == 800:
            break
        if pattern.search(sentence) and add(f'silver-vntc-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
            taken += 1
for dataset, count in (('vihsd/train.jsonl', 1800), ('vihos/train.jsonl', 1200)):
    rows = []
    for number, line in enumerate(open(DATA / dataset, encoding='utf-8'), 1):
        text = ' '.join(json.loads(line)['text'].split())
        if 3 <= len(text.split()) <= 80 and not text.startswith('#'):
            rows.append((number, text))
    fourth.shuffle(rows)
    taken = 0
    for number, text in rows:
        if taken == count:
            break
        if add(f'silver-{dataset.split("/")[0]}-{number}', dataset, number, 'comment', text):
            taken += 1
tail = items[third_count:]
fourth.shuffle(tail)
items[third_count:] = tail
with open(OUT, 'w', encoding='utf-8') as out:
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + '\n')
print(len(items), 'silver items')
