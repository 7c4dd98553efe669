#!/usr/bin/env python3
"""Does multilingual BERT add to Loa's sentiment model? (README.md)

Reads the held-out predictions of `bin/loa nlp train sentiment --cv 5 --predictions FILE`, the province
corpus's train split and the sentence vectors MbertVectors wrote for it (one line a row, in the corpus's
order), and scores, by five-fold cross-validation over the province rows, a multinomial logistic
regression (L2, Adam, full batch) on: the model's out-of-fold log-probabilities alone; the BERT vectors
alone; both; both with the vectors reduced to 8 to 64 principal components. Needs numpy.

Usage: stack.py PREDICTIONS.jsonl TRAIN.jsonl VECTORS.txt
"""
import json
import sys

import numpy as np

LABELS = ['negative', 'neutral', 'positive']


def read(predictions_file, train_file, vectors_file):
    held_out = {}
    with open(predictions_file, encoding='utf-8') as f:
        for line in f:
            row = json.loads(line)
            held_out[(row['text'], row['register'])] = row
    with open(train_file, encoding='utf-8') as f:
        train = [json.loads(line) for line in f if line.strip()]
    vectors = np.loadtxt(vectors_file, dtype=np.float32)
    if len(vectors) != len(train):
        sys.exit(f'{vectors_file}: {len(vectors)} rows, {train_file}: {len(train)}')
    # a row whose stored text is not in NFC (19 ViHSD comments) matches no prediction, as training reads it in NFC:
    # left out
    kept = [i for i, row in enumerate(train) if (row['text'], row['register']) in held_out]
    train = [train[i] for i in kept]
    vectors = vectors[kept]
    probabilities = np.array([[held_out[(r['text'], r['register'])]['probabilities'][label] for label in LABELS]
                              for r in train])
    gold = np.array([LABELS.index(r['sentiment']) for r in train])
    news = np.array([r['register'] == 'news' for r in train])
    return probabilities, vectors, gold, news


def scores(predicted, gold, mask):
    """Macro-F1, neutral recall and negative precision over the masked rows."""
    f1 = []
    for c in range(3):
        tp = np.sum((predicted == c) & (gold == c) & mask)
        fp = np.sum((predicted == c) & (gold != c) & mask)
        fn = np.sum((predicted != c) & (gold == c) & mask)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1.append(2 * p * r / (p + r) if p + r else 0.0)
    neutral = np.sum((predicted == 1) & (gold == 1) & mask) / max(1, np.sum((gold == 1) & mask))
    negative = np.sum((predicted == 0) & (gold == 0) & mask) / max(1, np.sum((predicted == 0) & mask))
    return float(np.mean(f1)), float(neutral), float(negative)


def fit(x, y, l2, steps=400, rate=0.05):
    w = np.zeros((x.shape[1], 3))
    b = np.zeros(3)
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros(3), np.zeros(3)]
    target = np.eye(3)[y]
    for t in range(1, steps + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - target) / len(y)
        for k, (param, grad) in enumerate(((w, x.T @ g + l2 * w), (b, g.sum(axis=0)))):
            m, v = moments[2 * k], moments[2 * k + 1]
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad ** 2
            param -= rate * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w, b


def cross_validate(x, gold, folds, l2):
    predicted = np.zeros(len(gold), dtype=int)
    for f in range(folds.max() + 1):
        train = folds != f
        w, b = fit(x[train], gold[train], l2)
        predicted[~train] = (x[~train] @ w + b).argmax(axis=1)
    return predicted


def main():
    probabilities, vectors, gold, news = read(*sys.argv[1:4])
    n = len(gold)
    everything = np.ones(n, dtype=bool)
    folds = np.random.default_rng(42).permutation(n) % 5
    log_p = np.log(np.clip(probabilities, 1e-6, 1))
    register = news[:, None].astype(float)
    mean = vectors[:, :768]
    mean = (mean - mean.mean(axis=0)) / (mean.std(axis=0) + 1e-6)
    cls = vectors[:, 768:]
    cls = (cls - cls.mean(axis=0)) / (cls.std(axis=0) + 1e-6)
    print(f'{n} province rows, {news.sum()} of them news')
    print('setting | L2 | all macro-F1 | news macro-F1 | neutral recall, news | negative precision, news')

    def show(name, l2, predicted):
        news_scores = scores(predicted, gold, news)
        print(f'{name} | {l2} | {scores(predicted, gold, everything)[0]:.4f} | '
              + ' | '.join(f'{s:.4f}' for s in news_scores))

    show('the model alone (its own answer)', '-', probabilities.argmax(axis=1))
    settings = [('log-probabilities', np.hstack([log_p, register]), [0.0, 0.01]),
                ('BERT mean vector', np.hstack([mean, register]), [0.01, 0.03, 0.1, 0.3]),
                ('log-probabilities + BERT mean vector', np.hstack([log_p, register, mean]), [0.01, 0.03, 0.1, 0.3]),
                ('log-probabilities + BERT mean and [CLS]', np.hstack([log_p, register, mean, cls]),
                 [0.01, 0.03, 0.1, 0.3])]
    # principal components of the vectors, from every row's vector (no label is read)
    _, singular, axes = np.linalg.svd(mean - mean.mean(axis=0), full_matrices=False)
    for k in (8, 16, 32, 64):
        components = (mean @ axes[:k].T) / singular[:k] * np.sqrt(n)
        settings.append((f'log-probabilities + {k} components', np.hstack([log_p, register, components]),
                         [0.01, 0.1, 1.0]))
    for name, x, l2s in settings:
        for l2 in l2s:
            show(name, l2, cross_validate(x, gold, folds, l2))


if __name__ == '__main__':
    main()
