"""Measuring MinHash-LSH against exact Jaccard similarity, and a synthetic corpus.

:func:`exact_similar_pairs` finds *every* pair of documents whose shingle sets have
Jaccard similarity at or above a threshold, exactly (prefix filtering: two sets with
``J >= t`` share a token among the ``|A| - ceil(t|A|) + 1`` rarest of each; every
candidate is then measured). :func:`evaluate_minhash` compares the pairs that the
LSH bands (and signature verification) find with those.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from thresher.dedup.config import MinHashConfig, Verify, candidate_probability
from thresher.dedup.minhash import MinHasher, estimate_jaccard, shingle_hashes
from thresher.dedup.tokens import encode_texts, hash_words

Pair = tuple[int, int]


def shingle_sets(texts: Sequence[str], ngram: int) -> list[npt.NDArray[np.uint64]]:
    """The set of shingle hashes of each text (sorted, unique), as MinHash sees it."""
    words = hash_words(encode_texts(texts))
    shingles, docs = shingle_hashes(words, ngram)
    bounds = np.searchsorted(docs, np.arange(len(texts) + 1))
    return [np.unique(shingles[bounds[i] : bounds[i + 1]]) for i in range(len(texts))]


def jaccard(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> float:
    """Exact Jaccard similarity of two sorted unique arrays (1.0 for two empty sets)."""
    if a.size == 0 and b.size == 0:
        return 1.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common)


def exact_similar_pairs(sets: Sequence[npt.NDArray[np.uint64]], threshold: float) -> dict[Pair, float]:
    """Every pair ``(i, j)``, ``i < j``, with Jaccard ``>= threshold``, and its similarity."""
    nonempty = [i for i, s in enumerate(sets) if s.size]
    if not nonempty:
        return {}
    tokens, df = np.unique(np.concatenate([sets[i] for i in nonempty]), return_counts=True)
    postings: dict[int, list[int]] = {}
    for i in nonempty:
        rank = df[np.searchsorted(tokens, sets[i])]
        order = np.lexsort((sets[i], rank))
        prefix = len(order) - math.ceil(threshold * len(order)) + 1
        for token in sets[i][order[:prefix]].tolist():
            postings.setdefault(token, []).append(i)
    candidates: set[Pair] = set()
    for docs in postings.values():
        if len(docs) > 1:
            candidates.update(itertools.combinations(docs, 2))
    found: dict[Pair, float] = {}
    for i, j in candidates:
        small, large = sorted((sets[i].size, sets[j].size))
        if small < threshold * large:
            continue
        similarity = jaccard(sets[i], sets[j])
        if similarity >= threshold:
            found[(i, j)] = similarity
    return found


def lsh_pairs(
    signatures: npt.NDArray[np.uint32],
    hasher: MinHasher,
    verify: Verify,
    sets: Sequence[npt.NDArray[np.uint64]] | None = None,
) -> set[Pair]:
    """Every pair sharing a band whose similarity (as ``verify`` says) is high enough."""
    has_words = signatures.min(axis=1) != np.uint32(0xFFFFFFFF)
    rows = np.flatnonzero(has_words)
    keys = hasher.band_keys(signatures[rows])
    pairs: set[Pair] = set()
    for band in range(keys.shape[1]):
        order = np.argsort(keys[:, band], kind="stable")
        sorted_keys = keys[order, band]
        cuts = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        for group in np.split(rows[order], cuts):
            if group.size > 1:
                pairs.update(itertools.combinations(sorted(group.tolist()), 2))
    if verify is Verify.NONE or not pairs:
        return pairs
    listed = np.array(sorted(pairs), dtype=np.int64)
    if verify is Verify.EXACT and sets is not None:
        similar = np.array([jaccard(sets[a], sets[b]) for a, b in listed.tolist()])
    else:
        similar = estimate_jaccard(signatures[listed[:, 0]], signatures[listed[:, 1]])
    keep = similar >= hasher.config.threshold
    return {(int(a), int(b)) for a, b in listed[keep]}


@dataclass(frozen=True, slots=True)
class PairEvaluation:
    """Pair-level precision and recall of MinHash-LSH against exact Jaccard."""

    documents: int
    threshold: float
    bands: int
    rows: int
    true_pairs: int
    found_pairs: int
    true_positives: int
    signature_seconds: float
    recall_by_similarity: dict[str, tuple[int, float]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.true_positives / self.found_pairs if self.found_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.true_pairs if self.true_pairs else 1.0

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "threshold": self.threshold,
            "bands": self.bands,
            "rows": self.rows,
            "true_pairs": self.true_pairs,
            "found_pairs": self.found_pairs,
            "true_positives": self.true_positives,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "signature_docs_per_s": round(self.documents / max(self.signature_seconds, 1e-9)),
            "recall_by_similarity": self.recall_by_similarity,
            "candidate_probability_at_threshold": round(
                candidate_probability(self.threshold, self.bands, self.rows), 4
            ),
        }


def _recall_bins(truth: dict[Pair, float], found: set[Pair]) -> dict[str, tuple[int, float]]:
    edges = [0.0, 0.8, 0.85, 0.9, 0.95, 1.0001]
    out: dict[str, tuple[int, float]] = {}
    for lo, hi in itertools.pairwise(edges):
        members = [pair for pair, s in truth.items() if lo <= s < hi]
        if members:
            hit = sum(pair in found for pair in members)
            out[f"[{lo:.2f},{min(hi, 1.0):.2f}]"] = (len(members), round(hit / len(members), 4))
    return out


def evaluate_minhash(
    texts: Sequence[str], config: MinHashConfig, truth: dict[Pair, float] | None = None
) -> PairEvaluation:
    """Pairs found by MinHash-LSH with ``config`` versus exact Jaccard pairs."""
    hasher = MinHasher(config)
    start = time.perf_counter()
    signatures = hasher.signatures(texts)
    seconds = time.perf_counter() - start
    sets = shingle_sets(texts, config.ngram)
    if truth is None:
        truth = exact_similar_pairs(sets, config.threshold)
    found = lsh_pairs(signatures, hasher, config.verify, sets)
    bands, rows = config.band_shape
    return PairEvaluation(
        documents=len(texts),
        threshold=config.threshold,
        bands=bands,
        rows=rows,
        true_pairs=len(truth),
        found_pairs=len(found),
        true_positives=sum(pair in found for pair in truth),
        signature_seconds=seconds,
        recall_by_similarity=_recall_bins(truth, found),
    )
