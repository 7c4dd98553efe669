#!/usr/bin/env python3
"""Agreement of the silver set's labels with a second, independent pass on a sample of them.

Run from the repository root: python3 tools/silver-agreement.py
Reads corpus/province/silver-labels.jsonl (the first pass) and silver-second-pass.jsonl (1,000 items of
the fifth draw labelled again, each by an annotator session that had not seen the first labels), and
prints Cohen's kappa and raw agreement for tone and domain, per register.
"""
import collections, json, pathlib

ROOT = pathlib.Path('corpus/province')
first = {}
for line in open(ROOT / 'silver-labels.jsonl', encoding='utf-8'):
    row = json.loads(line)
    first[row['id']] = row
register = {}
for line in open(ROOT / 'silver-items.jsonl', encoding='utf-8'):
    item = json.loads(line)
    register[item['id']] = item['register']
pairs = collections.defaultdict(list)
for line in open(ROOT / 'silver-second-pass.jsonl', encoding='utf-8'):
    second = json.loads(line)
    one = first[second['id']]
    for field in ('sentiment', 'domain'):
        for group in ('all', register[second['id']]):
            pairs[f'{field}/{group}'].append((one[field], second[field]))


def kappa(items):
    n = len(items)
    observed = sum(a == b for a, b in items) / n
    left = collections.Counter(a for a, _ in items)
    right = collections.Counter(b for _, b in items)
    expected = sum(left[label] * right[label] for label in left) / (n * n)
    return observed, (observed - expected) / (1 - expected)


result = {}
for key in sorted(pairs):
    observed, k = kappa(pairs[key])
    result[key] = {'items': len(pairs[key]), 'cohen_kappa': round(k, 4), 'agreement': round(observed, 4)}
print(json.dumps(result, indent=1))
