#!/usr/bin/env python3
"""Merges the two labelling passes of the province corpus and writes its splits.

Run from the repository root: python3 tools/merge-province-labels.py
Reads corpus/province/items.jsonl, pass-a.jsonl, pass-b.jsonl (two independent passes) and
adjudication.jsonl (the resolved disagreements, each with a note); writes train.jsonl, dev.jsonl,
test.jsonl ({"id", "text", "register", "dataset", "sentiment", "domain"}) and agreement.json
(Cohen's kappa and raw agreement per label, overall and per register). An item whose passes
disagree and that has no adjudication yet is left out of the splits and counted.
"""
import collections, json, pathlib

ROOT = pathlib.Path('corpus/province')


def load(name):
    path = ROOT / name
    if not path.exists():
        return {}
    return {row['id']: row for row in (json.loads(line) for line in open(path, encoding='utf-8') if line.strip())}


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return None, None
    observed = sum(a == b for a, b in pairs) / n
    first = collections.Counter(a for a, _ in pairs)
    second = collections.Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in set(first) | set(second)) / (n * n)
    return round((observed - expected) / (1 - expected), 4) if expected < 1 else 1.0, round(observed, 4)


items = [json.loads(line) for line in open(ROOT / 'items.jsonl', encoding='utf-8')]
a, b, resolved = load('pass-a.jsonl'), load('pass-b.jsonl'), load('adjudication.jsonl')
agreement = {}
for field in ('sentiment', 'domain'):
    for register in ('all', 'news', 'comment'):
        pairs = [(a[i['id']][field], b[i['id']][field]) for i in items
                 if i['id'] in a and i['id'] in b and register in ('all', i['register'])]
        k, observed = kappa(pairs)
        agreement[f'{field}/{register}'] = {'items': len(pairs), 'cohen_kappa': k, 'agreement': observed}
splits = collections.defaultdict(list)
unresolved = collections.Counter()
counts = collections.Counter()
for item in items:
    first, second = a.get(item['id']), b.get(item['id'])
    if first is None or second is None:
        unresolved['not labelled twice'] += 1
        continue
    labels = {}
    for field in ('sentiment', 'domain'):
        if first[field] == second[field]:
            labels[field] = first[field]
        elif item['id'] in resolved and field in resolved[item['id']]:
            labels[field] = resolved[item['id']][field]
            counts[f'{field} adjudicated'] += 1
        else:
            unresolved[f'{field} disagreement not adjudicated'] += 1
    if len(labels) < 2:
        continue
    splits[item['split']].append({'id': item['id'], 'text': item['text'], 'register': item['register'],
                                  'dataset': item['dataset'], **labels})
for split in ('train', 'dev', 'test'):
    with open(ROOT / f'{split}.jsonl', 'w', encoding='utf-8') as out:
        for row in splits[split]:
            out.write(json.dumps(row, ensure_ascii=False) + '\n')
# the silver set: labelled once, for training only
# (silver-items.jsonl: draws one to six, at random; silver-items-uncertain.jsonl: the seventh, the texts the
# sentiment model was least sure of, tools/draw-uncertain-silver.py). The eighth (silver-items-draw8.jsonl,
# uncertain again) and the ninth (silver-items-draw9.jsonl, at random again) are labelled and left out:
# cross-validation showed no gain with either (docs/data-card.md)
silver_items = [ROOT / 'silver-items.jsonl', ROOT / 'silver-items-uncertain.jsonl']
silver_labels = load('silver-labels.jsonl')
silver_rows = []
if silver_items[0].exists():
    for line in (line for path in silver_items if path.exists() for line in open(path, encoding='utf-8')):
        item = json.loads(line)
        label = silver_labels.get(item['id'])
        if label is not None:
            silver_rows.append({'id': item['id'], 'text': item['text'], 'register': item['register'],
                                'dataset': item['dataset'], 'sentiment': label['sentiment'], 'domain': label['domain']})
    with open(ROOT / 'silver.jsonl', 'w', encoding='utf-8') as out:
        for row in silver_rows:
            out.write(json.dumps(row, ensure_ascii=False) + '\n')
summary = {'items': len(items), 'silver_rows': len(silver_rows), 'agreement': agreement, 'adjudicated': dict(counts), 'left_out': dict(unresolved),
           'splits': {s: {'rows': len(splits[s]),
                          'sentiment': dict(collections.Counter(r['sentiment'] for r in splits[s])),
                          'news_sentiment': dict(collections.Counter(r['sentiment'] for r in splits[s] if r['register'] == 'news')),
                          'domain': dict(collections.Counter(r['domain'] for r in splits[s]))}
                      for s in ('train', 'dev', 'test')}}
(ROOT / 'agreement.json').write_text(json.dumps(summary, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
print(json.dumps({'agreement': agreement, 'adjudicated': dict(counts), 'left_out': dict(unresolved),
                  'rows': {s: len(splits[s]) for s in splits}}, indent=1))
