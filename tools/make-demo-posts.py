#!/usr/bin/env python3
"""Builds Loa's demo posts from real Vietnamese text with a licence that allows shipping it.

Run from the repository root: python3 tools/make-demo-posts.py
Writes server/src/main/resources/listening/demo-posts.jsonl.gz: 3,000 posts spread over 30 days and a
story of 90 reposts in the last 20 hours
(field age_minutes: how long before the moment demo data is loaded), on demo sources. Texts are
social-media comments from ViHOS train (MIT, phusroyal/ViHOS) and first sentences of news articles
from VNTC train (MIT, duyvuleo/VNTC). Seeded, so the file is the same on every run.
"""
import gzip, html, json, pathlib, random, re

DATA = pathlib.Path('../shared/data')
OUT = pathlib.Path('server/src/main/resources/listening/demo-posts.jsonl.gz')
rng = random.Random(2026)

clean, offensive = [], []
for line in open(DATA / 'vihos/train.jsonl', encoding='utf-8'):
    row = json.loads(line)
    text = ' '.join(row['text'].split())
    if 20 <= len(text) <= 400:
        (clean if row['label'] == 'NONE' else offensive).append(text)
rng.shuffle(clean)
rng.shuffle(offensive)
# four in five comments without offensive spans, as a province's pages mostly have
comments = clean[:1800] + offensive[:450]
news = []
news_all = []
with gzip.open(DATA / 'vntc/train.jsonl.gz', 'rt', encoding='utf-8') as f:
    for line in f:
        text = ' '.join(json.loads(line)['text'].split())
        first = re.split(r'(?<=[.!?])\s', text)
        sentence = ' '.join(first[:2])
        if 40 <= len(sentence) <= 400:
            news.append(sentence)
            news_all.append(sentence)
rng.shuffle(comments)
rng.shuffle(news)

sources = [('demo-facebook-baoninhthuan', 'facebook'), ('demo-facebook-nguoidan', 'facebook'),
           ('demo-youtube-ptth', 'youtube'), ('demo-tiktok', 'tiktok'), ('demo-zalo-congdong', 'zalo'),
           ('demo-forum', 'forum'), ('demo-news', 'news'), ('demo-hotline', 'hotline')]
posts = []
for i in range(3000):
    if i % 4 == 3:
        text, (source, platform) = news.pop(), ('demo-news', 'news')
    else:
        text = comments.pop()
        source, platform = rng.choice([s for s in sources if s[1] != 'news'])
    # more posts in the evening and in the last week, as social media has them
    day = int(rng.triangular(0, 30, 0))
    minute = int(rng.triangular(6 * 60, 23 * 60, 20 * 60))
    posts.append({'source': source, 'platform': platform, 'external_id': f'demo-{i:05d}',
                  'author': f'Người dùng {rng.randint(1, 900)}', 'age_minutes': day * 1440 + (24 * 60 - minute),
                  'text': text, 'reactions': int(rng.paretovariate(1.3)) - 1, 'shares': int(rng.paretovariate(1.8)) - 1})
# An emerging issue for the trends page: in the last 20 hours, a real news sentence about hospitals
# keeping patients' records is shared again and again with a short reaction, as a story spreads.
story = next(t for t in news_all if t.startswith('Nhiều bệnh viện không chịu trả hồ sơ cho bệnh nhân'))
reactions = ['Bức xúc quá!', 'Chia sẻ cho mọi người biết.', 'Ở tỉnh mình cũng vậy.', 'Có ai bị như này chưa?',
             'Đề nghị Sở Y tế vào cuộc.', 'Thật không thể chấp nhận.', 'Người bệnh khổ quá.', 'Mong được giải quyết sớm.',
             '', 'Share.', 'Quá tệ!', 'Lại chuyện cũ.']
tails = ['', 'Ai biết thì chỉ giúp.', 'Buồn.', 'Cần minh bạch.', 'Đúng quá.', 'Phải lên tiếng thôi.',
         'Tag người nhà vào xem.', 'Mong cơ quan chức năng trả lời.']
for j in range(90):
    source, platform = rng.choice([s for s in sources if s[1] in ('facebook', 'zalo', 'tiktok', 'forum')])
    reaction = reactions[j % len(reactions)]
    posts.append({'source': source, 'platform': platform, 'external_id': f'demo-burst-{j:03d}',
                  'author': f'Người dùng {rng.randint(1, 900)}', 'age_minutes': int(rng.triangular(5, 20 * 60, 5)),
                  'text': ' '.join(part for part in (reaction, story, tails[j // len(reactions)]) if part),
                  'reactions': int(rng.paretovariate(1.3)) - 1, 'shares': int(rng.paretovariate(1.5)) - 1})
# VNTC keeps some HTML escapes of its source pages (a literal "&gt;&gt;" between a headline and its text): decoded
# here, after the texts are drawn, so that the same texts are drawn as before
for post in posts:
    post['text'] = html.unescape(post['text'])
with gzip.GzipFile(OUT, 'wb', mtime=0) as out:
    for post in posts:
        out.write((json.dumps(post, ensure_ascii=False) + '\n').encode('utf-8'))
print(len(posts), OUT)
