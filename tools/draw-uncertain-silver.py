#!/usr/bin/env python3
"""Draws the silver set's seventh and eighth draws: the texts the sentiment model is least sure of.

Run from the repository root after a build: python3 tools/draw-uncertain-silver.py --draw N [--analyze "CMD"]
CMD reads JSON lines on standard input (default: bin/loa nlp analyze --jsonl). Seeded (per draw): 120,000 VNTC
train sentences and 30,000 ViHSD and ViHOS train comments are drawn at random from those not in the
gold or silver sets (sentences as tools/make-province-silver.py cuts them); the sentiment model reads
each in its register, and the 20,000 sentences (at most two of one article) and 4,000 comments with
the smallest margin between its two most probable tones are kept, to be labelled once like the rest
(draw 7: corpus/province/silver-items-uncertain.jsonl; draw 8: silver-items-draw8.jsonl, labelled
but not trained on, as cross-validation showed no gain from it, see the data card). The choice
depends on the models: draw 7 was made with those of commit d93d584; draw 8 with the sentiment
model of commit 4f426df (trained with draw 7) and the other models of d93d584 (the register model
decides how a comment is read), both 03/12/2026: put the two model files first on the class path,
`--analyze "java -cp MODELDIR:nlp/target/loa-nlp-0.1.0-SNAPSHOT.jar:... vn.loa.nlp.cli.NlpCli analyze --jsonl"`.
Labelling what the model cannot yet tell apart teaches
it more per item than labelling at random (uncertainty sampling); the figures are still measured on
the gold dev split only.
"""
import gzip, json, pathlib, random, re, subprocess, sys

DATA = pathlib.Path('../shared/data')
ROOT = pathlib.Path('corpus/province')
FILES = {7: ROOT / 'silver-items-uncertain.jsonl', 8: ROOT / 'silver-items-draw8.jsonl'}
command = sys.argv[sys.argv.index('--analyze') + 1] if '--analyze' in sys.argv else 'bin/loa nlp analyze --jsonl'
draw = int(sys.argv[sys.argv.index('--draw') + 1]) if '--draw' in sys.argv else 7
if draw not in (7, 8):
    sys.exit('--draw is 7 or 8')

seen = set()
for name in ('items.jsonl', 'silver-items.jsonl'):
    for line in open(ROOT / name, encoding='utf-8'):
        seen.add(json.loads(line)['text'].lower())
OUT = FILES[draw]
for other, path in FILES.items():
    if other < draw:
        for line in open(path, encoding='utf-8'):
            seen.add(json.loads(line)['text'].lower())
prefix = 'silver-u-' if draw == 7 else f'silver-u{draw}-'

news = []
with gzip.open(DATA / 'vntc/train.jsonl.gz', 'rt', encoding='utf-8') as f:
    for number, line in enumerate(f, 1):
        text = ' '.join(json.loads(line)['text'].split())
        parts = re.split(r'(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ"“])', text)
        for k, sentence in enumerate(parts[1:], 1):
            if 8 <= len(sentence.split()) <= 60 and sentence.lower() not in seen:
                news.append({'id': f'{prefix}vntc-{number}-{k}', 'dataset': 'vntc/train.jsonl.gz', 'row': number,
                             'register': 'news', 'text': sentence})
comments = []
for dataset in ('vihsd/train.jsonl', 'vihos/train.jsonl'):
    for number, line in enumerate(open(DATA / dataset, encoding='utf-8'), 1):
        text = ' '.join(json.loads(line)['text'].split())
        if 3 <= len(text.split()) <= 80 and not text.startswith('#') and text.lower() not in seen:
            comments.append({'id': f'{prefix}{dataset.split("/")[0]}-{number}', 'dataset': dataset, 'row': number,
                             'register': 'comment', 'text': text})
rng = random.Random(20261211 + draw - 7)
rng.shuffle(news)
rng.shuffle(comments)
candidates = news[:120000] + comments[:30000]
source = {'news': 'news', 'comment': 'social'}
lines = '\n'.join(json.dumps({'text': c['text'], 'source': source[c['register']]}, ensure_ascii=False)
                  for c in candidates) + '\n'
result = subprocess.run(command, shell=True, input=lines, capture_output=True, text=True, check=True)
analyses = result.stdout.splitlines()
if len(analyses) != len(candidates):
    sys.exit(f'the analyzer answered {len(analyses)} lines for {len(candidates)} texts')
for candidate, line in zip(candidates, analyses):
    p = sorted(json.loads(line)['sentiment']['probabilities'].values(), reverse=True)
    candidate['margin'] = round(p[0] - p[1], 4)


def keep(rows, count, per_article=None):
    """The {count} rows of smallest margin, at most {per_article} of one article (None: no limit)."""
    taken, per = [], {}
    for row in sorted(rows, key=lambda r: (r['margin'], r['id'])):
        if len(taken) == count:
            break
        if per_article is not None and per.get(row['row'], 0) >= per_article:
            continue
        per[row['row']] = per.get(row['row'], 0) + 1
        if row['text'].lower() not in seen:
            seen.add(row['text'].lower())
            taken.append(row)
    return taken


items = keep([c for c in candidates if c['register'] == 'news'], 20000, 2) + \
        keep([c for c in candidates if c['register'] == 'comment'], 4000)
rng.shuffle(items)
with open(OUT, 'w', encoding='utf-8') as out:
    for item in items:
        item['draw'] = draw
        out.write(json.dumps(item, ensure_ascii=False) + '\n')
print(len(items), 'uncertain silver items; margins up to',
      max(i['margin'] for i in items if i['register'] == 'news'), '(news),',
      max(i['margin'] for i in items if i['register'] == 'comment'), '(comments)')
