#!/usr/bin/env python3
"""Draws the texts of Loa's province corpus (corpus/province/items.jsonl) from ../shared/data.

Run from the repository root: python3 tools/make-province-corpus.py
Seeded: the same shared data gives the same file. Each item has an id, the data set and row it
comes from, its register (news or comment, from its source) and the split it belongs to
(train 70 %, dev 15 %, test 15 %, by a hash of the id, so adding items never moves old ones).
The labels are made afterwards, by people following corpus/province/GUIDELINES.md, in two
independent passes (see docs/data-card.md).
"""
import gzip, hashlib, json, pathlib, random, re

DATA = pathlib.Path('../shared/data')
OUT = pathlib.Path('corpus/province/items.jsonl')
rng = random.Random(20261201)


def clean(text):
    return ' '.join(text.split())


def syllables(text):
    return len(text.split())


def split_of(item_id):
    h = int(hashlib.sha256(item_id.encode('utf-8')).hexdigest()[:8], 16) % 100
    return 'train' if h < 70 else ('dev' if h < 85 else 'test')


items, seen = [], set()


def add(item_id, dataset, row, register, text):
    key = text.lower()
    if key in seen:
        return False
    seen.add(key)
    items.append({'id': item_id, 'dataset': dataset, 'row': row, 'register': register,
                  'split': split_of(item_id), 'text': text})
    return True


# news: VNTC train articles (MIT); 900 single sentences from inside articles, 300 openings
articles = []
with gzip.open(DATA / 'vntc/train.jsonl.gz', 'rt', encoding='utf-8') as f:
    for number, line in enumerate(f, 1):
        row = json.loads(line)
        articles.append((number, row['id'], clean(row['text'])))
order = list(range(len(articles)))
rng.shuffle(order)
sentences = openings = 0
for index in order:
    number, doc, text = articles[index]
    parts = re.split(r'(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ"“])', text)
    if openings < 300 and index % 4 == 0:
        opening = parts[0]
        if 8 <= syllables(opening) <= 60 and add(f'vntc-o-{number}', 'vntc/train.jsonl.gz', number, 'news', opening):
            openings += 1
    elif sentences < 900 and len(parts) > 2:
        sentence = parts[rng.randrange(1, len(parts))]
        if 8 <= syllables(sentence) <= 60 and add(f'vntc-s-{number}', 'vntc/train.jsonl.gz', number, 'news', sentence):
            sentences += 1
    if sentences == 900 and openings == 300:
        break


def comments(dataset, count, prefix):
    rows = []
    for number, line in enumerate(open(DATA / dataset, encoding='utf-8'), 1):
        text = clean(json.loads(line)['text'])
        if 3 <= syllables(text) <= 80 and not text.startswith('#'):
            rows.append((number, text))
    rng.shuffle(rows)
    taken = 0
    for number, text in rows:
        if taken == count:
            break
        if add(f'{prefix}-{number}', dataset, number, 'comment', text):
            taken += 1


# comments: social media (ViHSD, research use; ViHOS, MIT), product reviews (UIT-ViSFD, research
# use) and students' feedback on their university (UIT-VSFC, research use)
comments('vihsd/train.jsonl', 400, 'vihsd')
comments('vihos/train.jsonl', 300, 'vihos')
comments('uit-visfd/train.jsonl', 200, 'visfd')
comments('uit-vsfc/train.jsonl', 150, 'vsfc')
# the demo's own posts (ViHOS and VNTC texts, and the story that the demo makes spread)
demo = []
with gzip.open('server/src/main/resources/listening/demo-posts.jsonl.gz', 'rt', encoding='utf-8') as f:
    for number, line in enumerate(f, 1):
        row = json.loads(line)
        demo.append((number, row['platform'], clean(row['text'])))
rng.shuffle(demo)
taken = 0
for number, platform, text in demo:
    if taken == 150:
        break
    if add(f'demo-{number}', 'server/src/main/resources/listening/demo-posts.jsonl.gz', number,
           'news' if platform == 'news' else 'comment', text):
        taken += 1

# A supplement for the policy domains that random news rarely touches (labour and social affairs,
# agriculture, transport, land and environment, administration): sentences of VNTC articles that
# name one of the domain's words, 120 per domain, drawn with a generator of their own so that the
# items above never change. The words only choose what to read; the labels come from reading.
SUPPLEMENT = {
    'labour_social': r'(lao động|công nhân|việc làm|tiền lương|bảo hiểm xã hội|hộ nghèo|trợ cấp|người khuyết tật|đình công|xuất khẩu lao động)',
    'agriculture': r'(nông dân|lúa|thủy sản|thuỷ sản|chăn nuôi|cây trồng|gia cầm|nuôi tôm|nông nghiệp|thủy lợi|thuỷ lợi|phân bón)',
    'transport': r'(giao thông|quốc lộ|tai nạn giao thông|xe khách|đường cao tốc|cầu vượt|xe buýt|sân bay|đăng kiểm)',
    'land_environment': r'(đất đai|giải phóng mặt bằng|ô nhiễm|môi trường|rác thải|khoáng sản|quy hoạch|sổ đỏ|thu hồi đất|nước thải)',
    'administrative': r'(thủ tục hành chính|cán bộ|công chức|tiếp công dân|khiếu nại|một cửa|cải cách hành chính|UBND|đơn thư)',
}
supplement_rng = random.Random(20261202)
pool = []
for number, doc, text in articles:
    parts = re.split(r'(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ"“])', text)
    for k, sentence in enumerate(parts[1:], 1):
        if 8 <= syllables(sentence) <= 60:
            pool.append((number, k, sentence))
supplement_rng.shuffle(pool)
for domain, words in SUPPLEMENT.items():
    pattern = re.compile(words)
    taken = 0
    for number, k, sentence in pool:
        if taken == 120:
            break
        if pattern.search(sentence) and add(f'vntc-k-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
            taken += 1

# A second draw of 1,000 news sentences at random (tone on news needs more examples than comments),
# again with a generator of its own.
more_rng = random.Random(20261203)
more_rng.shuffle(pool)
taken = 0
for number, k, sentence in pool:
    if taken == 1000:
        break
    if add(f'vntc-r-{number}-{k}', 'vntc/train.jsonl.gz', number, 'news', sentence):
        taken += 1

with open(OUT, 'w', encoding='utf-8') as out:
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + '\n')
print(len(items), 'items;', sum(i['register'] == 'news' for i in items), 'news;',
      {s: sum(i['split'] == s for i in items) for s in ('train', 'dev', 'test')})
