"""Exact Jaccard pairs (the ground truth) and the accuracy gate of MinHash-LSH."""

from __future__ import annotations

import itertools

import numpy as np

from thresher.dedup.config import MinHashConfig
from thresher.dedup.evaluate import evaluate_minhash, exact_similar_pairs, jaccard
from thresher.dedup.synthetic import SyntheticSpec, synthetic_corpus


def test_jaccard_by_hand() -> None:
    a = np.array([1, 2, 3, 4], dtype=np.uint64)
    b = np.array([3, 4, 5], dtype=np.uint64)
    assert jaccard(a, b) == 2 / 5
    assert jaccard(a, a) == 1.0
    assert jaccard(np.empty(0, np.uint64), np.empty(0, np.uint64)) == 1.0


def test_prefix_filter_finds_every_pair_the_naive_way_finds() -> None:
    rng = np.random.default_rng(7)
    sets: list[np.ndarray[tuple[int], np.dtype[np.uint64]]] = []
    for i in range(120):
        if i % 3 == 0 or not sets:
            sets.append(np.unique(rng.integers(0, 400, size=int(rng.integers(1, 40))).astype(np.uint64)))
        else:  # a variant of an earlier set
            base = sets[int(rng.integers(len(sets)))]
            keep = base[rng.random(base.size) > 0.1]
            extra = rng.integers(0, 400, size=int(rng.integers(0, 3))).astype(np.uint64)
            sets.append(np.unique(np.concatenate((keep, extra))))
    for threshold in (0.5, 0.8):
        naive = {
            (i, j)
            for i, j in itertools.combinations(range(len(sets)), 2)
            if sets[i].size and sets[j].size and jaccard(sets[i], sets[j]) >= threshold
        }
        assert set(exact_similar_pairs(sets, threshold)) == naive
        assert len(naive) > 10


def test_synthetic_corpus_is_reproducible_and_has_copies() -> None:
    corpus = synthetic_corpus(300, seed=4)
    again = synthetic_corpus(300, seed=4)
    assert corpus.texts == again.texts
    assert 30 < len(corpus.source_of) < 100
    assert all(source < copy for copy, source in corpus.source_of.items())
    assert SyntheticSpec(seed=4).text(123) == corpus.texts[123]
    assert 3000 < sum(map(len, corpus.texts)) / 300 < 7000


def test_accuracy_gate_on_injected_near_duplicates() -> None:
    texts = synthetic_corpus(2000, seed=11).texts
    result = evaluate_minhash(texts, MinHashConfig())
    assert result.true_pairs > 100
    assert result.precision >= 0.95
    assert result.recall >= 0.95
