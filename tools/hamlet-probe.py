#!/usr/bin/env python3
"""The toxicity model's hamlet probe (docs/model-card.md, "Hamlets learnt as clean").

Writes three files of news sentences that no item of the province corpus or its silver set was drawn
from (VNTC train articles never drawn, and VNTC dev), to be read as social-network posts:
  thon.txt   sentences naming "thôn" (a hamlet)
  xom.txt    the same sentences with "xóm" in its place
  plain.txt  sentences naming none of thôn, xóm, ấp, bản, buôn, làng, khóm

  python3 tools/hamlet-probe.py DIR
  bin/loa nlp analyze DIR/thon.txt --source social | python3 tools/hamlet-probe.py --count

--count reads `nlp analyze` output (one JSON object a line) and prints how many are flagged
(toxicity other than CLEAN). Seeded: two runs write the same files.
"""
import glob
import gzip
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / 'shared' / 'data'
VILLAGE = re.compile(r'(?<!\w)(thôn|xóm|ấp|bản|buôn|làng|khóm)(?!\w)', re.I)
THON = re.compile(r'(?<!\w)thôn(?!\w)', re.I)


def nfc(text):
    return unicodedata.normalize('NFC', text)


def sentences(path, skip):
    """Sentences of 8 to 60 syllables of the articles of a VNTC file, but those whose number is in skip."""
    found = []
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for number, line in enumerate(f):
            if number in skip:
                continue
            for sentence in re.split(r'(?<=[.!?])\s+', nfc(json.loads(line)['text']).strip()):
                if 8 <= len(sentence.split()) <= 60:
                    found.append(' '.join(sentence.split()))
    random.seed(7)
    random.shuffle(found)
    return found


def count():
    rows = flagged = 0
    for line in sys.stdin:
        if line.strip():
            rows += 1
            flagged += json.loads(line)['toxicity']['label'] != 'CLEAN'
    print(f'{flagged} of {rows} flagged ({100.0 * flagged / rows:.1f} %)')


def write(target):
    drawn = set()
    for file in glob.glob(str(ROOT / 'corpus' / 'province' / '*.jsonl')):
        with open(file, encoding='utf-8') as f:
            for line in f:
                match = re.match(r'(?:silver-)?vntc-(?:[a-z]-)?(\d+)', json.loads(line).get('id', ''))
                if match:
                    drawn.add(int(match.group(1)))
    thon, plain = [], []
    for path, skip, most_thon, most_plain in ((DATA / 'vntc' / 'train.jsonl.gz', drawn, 300, 300),
                                              (DATA / 'vntc' / 'dev.jsonl.gz', set(), None, 200)):
        found = sentences(path, skip)
        thon += [s for s in found if THON.search(s)][:most_thon]
        plain += [s for s in found if not VILLAGE.search(s)][:most_plain]
    xom = [THON.sub(lambda m: 'Xóm' if m.group(0)[0] == 'T' else 'xóm', s) for s in thon]
    target.mkdir(parents=True, exist_ok=True)
    for name, rows in (('thon.txt', thon), ('xom.txt', xom), ('plain.txt', plain)):
        (target / name).write_text('\n'.join(rows) + '\n', encoding='utf-8')
        print(f'{target / name}: {len(rows)} sentences')


if __name__ == '__main__':
    if sys.argv[1:] == ['--count']:
        count()
    elif len(sys.argv) == 2:
        write(Path(sys.argv[1]))
    else:
        sys.exit(__doc__)
