#!/usr/bin/env python3
"""Tone shares of the demo's posts, per register, as the dashboard will show them, beside what the
province corpus's labels say for news.

Run from the repository root after a build: python3 tools/demo-tone-shares.py [--analyze "CMD"]
CMD is the command that reads JSON lines on standard input (default: bin/loa nlp analyze --jsonl).
"""
import collections, gzip, json, subprocess, sys

command = sys.argv[sys.argv.index('--analyze') + 1] if '--analyze' in sys.argv else 'bin/loa nlp analyze --jsonl'
SOURCE = {'news': 'news', 'website': 'news', 'hotline': 'feedback', 'office': 'feedback', 'other': 'unknown'}
# the demo's sources marked as citizens' own posts (DemoPosts.CITIZENS_SOURCES): read as citizens' comments
CITIZENS = {'demo-facebook-nguoidan', 'demo-forum', 'demo-tiktok', 'demo-zalo-congdong'}
lines = []
with gzip.open('server/src/main/resources/listening/demo-posts.jsonl.gz', 'rt', encoding='utf-8') as f:
    for line in f:
        post = json.loads(line)
        source = 'citizens' if post['source'] in CITIZENS and post['platform'] not in ('hotline', 'office') \
            else SOURCE.get(post['platform'], 'social')
        lines.append(json.dumps({'text': post['text'], 'source': source}, ensure_ascii=False))
result = subprocess.run(command, shell=True, input='\n'.join(lines) + '\n', capture_output=True, text=True, check=True)
counts = collections.defaultdict(collections.Counter)
for line in result.stdout.splitlines():
    analysis = json.loads(line)
    counts[analysis['register']][analysis['sentiment']['label']] += 1
for register, tones in sorted(counts.items()):
    total = sum(tones.values())
    print(register, total, {tone: f'{100 * n / total:.1f}%' for tone, n in sorted(tones.items())})
gold = collections.Counter()
for split in ('train', 'dev', 'test'):
    for line in open(f'corpus/province/{split}.jsonl', encoding='utf-8'):
        row = json.loads(line)
        if row['register'] == 'news':
            gold[row['sentiment']] += 1
total = sum(gold.values())
print('labelled news (province corpus)', total, {tone: f'{100 * n / total:.1f}%' for tone, n in sorted(gold.items())})
