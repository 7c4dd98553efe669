#!/usr/bin/env python3
"""Builds the posts the demo campaign on health insurance for the elderly is measured against.

Run from the repository root: python3 tools/make-demo-campaign-posts.py
Writes server/src/main/resources/campaigns/demo-attention-posts.jsonl: the citizens' comments of
tools/demo/bhyt-comments.txt (written for the demo by Loa's engineers, not real people's words) and 24 first
sentences of VNTC news articles (MIT, duyvuleo/VNTC) that name health insurance, each with days_from_start (its day
relative to the campaign's first day) and minute (of that day, Vietnam's time). The demo loads them through the
ordinary import pipeline, so the language engine labels them as it labels any post. Seeded: the same file every run.
"""
import gzip, json, pathlib, random, re

DATA = pathlib.Path('../shared/data')
OUT = pathlib.Path('server/src/main/resources/campaigns/demo-attention-posts.jsonl')
rng = random.Random(16)
SOURCES = {'facebook': 'demo-facebook-nguoidan', 'zalo': 'demo-zalo-congdong', 'news': 'demo-news'}

posts = []
for number, line in enumerate(open('tools/demo/bhyt-comments.txt', encoding='utf-8')):
    if line.startswith('#') or not line.strip():
        continue
    day, platform, text = line.rstrip('\n').split('|', 2)
    posts.append({'source': SOURCES[platform], 'platform': platform, 'external_id': f'demo-bhyt-c{number:03d}',
                  'author': f'Người dùng {rng.randint(100, 999)}', 'days_from_start': int(day),
                  'minute': rng.randint(6 * 60, 22 * 60), 'text': text})
news = []
with gzip.open(DATA / 'vntc/train.jsonl.gz', 'rt', encoding='utf-8') as f:
    for line in f:
        text = ' '.join(json.loads(line)['text'].split())
        for sentence in re.split(r'(?<=[.!?])\s', text):
            if 'bảo hiểm y tế' in sentence.lower() and 50 <= len(sentence) <= 300:
                news.append(sentence)
                break
news = sorted(set(news))
rng.shuffle(news)
for number, text in enumerate(news[:24]):
    # fewer reports before the campaign than during it
    day = rng.randint(-14, -1) if number < 6 else rng.randint(0, 13)
    posts.append({'source': SOURCES['news'], 'platform': 'news', 'external_id': f'demo-bhyt-n{number:03d}',
                  'days_from_start': day, 'minute': rng.randint(6 * 60, 20 * 60), 'text': text})
OUT.parent.mkdir(parents=True, exist_ok=True)
with open(OUT, 'w', encoding='utf-8') as out:
    for post in sorted(posts, key=lambda p: (p['days_from_start'], p['minute'])):
        out.write(json.dumps(post, ensure_ascii=False) + '\n')
print(len(posts), 'posts written to', OUT)
