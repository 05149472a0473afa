"""A generated corpus with injected near duplicates, for tests and benchmarks.

Base documents draw words from a Zipf-distributed vocabulary of made-up words
(some with non-ASCII letters). A share of the documents are copies of an earlier
one with a fraction of its words substituted, deleted or inserted, and sometimes a
different header and footer, as when a story is republished by another site.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_LETTERS = list("abcdefghijklmnopqrstuvwxyzäöüßéè")


@dataclass(frozen=True, slots=True)
class SyntheticCorpus:
    """Texts, and for each injected copy the index of the document it copies."""

    texts: list[str]
    source_of: dict[int, int]


def _vocabulary(rng: np.random.Generator, size: int) -> np.ndarray:
    lengths = rng.integers(2, 12, size=size)
    letters = rng.integers(0, len(_LETTERS), size=int(lengths.sum()))
    words, at = [], 0
    for length in lengths.tolist():
        words.append("".join(_LETTERS[i] for i in letters[at : at + length]))
        at += length
    return np.array(words, dtype=object)


def _edit(words: list[str], rate: float, rng: np.random.Generator, vocab: np.ndarray) -> list[str]:
    out: list[str] = []
    draws = rng.random(len(words))
    for word, draw in zip(words, draws.tolist(), strict=True):
        if draw < rate / 3:
            continue  # deletion
        if draw < 2 * rate / 3:
            out.append(str(vocab[rng.integers(vocab.size)]))  # substitution
            continue
        out.append(word)
        if draw < rate:
            out.append(str(vocab[rng.integers(vocab.size)]))  # insertion
    return out


def synthetic_corpus(
    documents: int,
    duplicate_share: float = 0.2,
    words_per_doc: int = 650,
    max_edit_rate: float = 0.05,
    seed: int = 0,
) -> SyntheticCorpus:
    """``documents`` texts of about ``words_per_doc`` words (about 4 KB), with copies.

    Each copy edits a rate of its source's words drawn uniformly from
    ``[0, max_edit_rate]``; half the copies also get a new header and footer.
    """
    rng = np.random.default_rng(seed)
    vocab = _vocabulary(rng, 50_000)
    weights = 1.0 / np.arange(1, vocab.size + 1) ** 1.05
    weights /= weights.sum()
    texts: list[str] = []
    source_of: dict[int, int] = {}
    for i in range(documents):
        if i > 10 and rng.random() < duplicate_share:
            source = int(rng.integers(0, i))
            words = _edit(texts[source].split(" "), float(rng.random()) * max_edit_rate, rng, vocab)
            if rng.random() < 0.5:
                header = vocab[rng.choice(vocab.size, size=12, p=weights)].tolist()
                words = header + words[:-10] + header[:5]
            texts.append(" ".join(words))
            source_of[i] = source
        else:
            length = max(1, int(rng.normal(words_per_doc, words_per_doc / 4)))
            texts.append(" ".join(vocab[rng.choice(vocab.size, size=length, p=weights)].tolist()))
    return SyntheticCorpus(texts, source_of)
