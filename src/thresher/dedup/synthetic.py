"""A generated corpus with injected near duplicates, for tests and benchmarks.

Base documents draw words from a Zipf-distributed vocabulary of made-up words
(some with non-ASCII letters). A share of the documents are copies of an earlier
one (anywhere before it, so copies cross shards) with a fraction of its words
substituted, deleted or inserted, and half of them with a new header and footer,
as when a story is republished by another site. Document ``i`` depends only on the
seed and ``i``, so any shard of a corpus can be generated on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from thresher.document import Document

_LETTERS = list("abcdefghijklmnopqrstuvwxyzäöüßéè")
_VOCABULARY = 50_000


_TABLE_BITS = 20


@lru_cache(maxsize=4)
def _vocabulary(seed: int) -> tuple[list[str], npt.NDArray[np.int64]]:
    """Words, and a table mapping a uniform 20-bit draw to a Zipf-distributed word."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(2, 12, size=_VOCABULARY)
    letters = rng.integers(0, len(_LETTERS), size=int(lengths.sum())).tolist()
    words, at = [], 0
    for length in lengths.tolist():
        words.append("".join(_LETTERS[i] for i in letters[at : at + length]))
        at += length
    weights = 1.0 / np.arange(1, _VOCABULARY + 1) ** 1.05
    cdf = np.cumsum(weights / weights.sum())
    points = (np.arange(1 << _TABLE_BITS) + 0.5) / (1 << _TABLE_BITS)
    return words, np.searchsorted(cdf, points).clip(max=_VOCABULARY - 1)


@dataclass(frozen=True, slots=True)
class SyntheticSpec:
    """How the corpus is generated; :meth:`text` gives document ``i``."""

    seed: int = 0
    duplicate_share: float = 0.2
    words_per_doc: int = 650
    max_edit_rate: float = 0.05

    def _rng(self, i: int) -> np.random.Generator:
        return np.random.Generator(np.random.PCG64([self.seed, i]))

    def _draw(self, rng: np.random.Generator, count: int) -> list[str]:
        words, table = _vocabulary(self.seed)
        picks = table[rng.integers(0, 1 << _TABLE_BITS, size=count)]
        return list(itemgetter(*picks.tolist())(words)) if count > 1 else [words[int(picks[0])]]

    def source_of(self, i: int) -> int | None:
        """The document that document ``i`` copies, if it is a copy."""
        rng = self._rng(i)
        if i > 10 and rng.random() < self.duplicate_share:
            return int(rng.integers(0, i))
        return None

    def text(self, i: int) -> str:
        """The text of document ``i`` (about 4-5 KB by default)."""
        rng = self._rng(i)
        if not (i > 10 and rng.random() < self.duplicate_share):
            length = max(1, int(rng.normal(self.words_per_doc, self.words_per_doc / 4)))
            return " ".join(self._draw(rng, length))
        source = int(rng.integers(0, i))
        words = self.text(source).split(" ")
        rate = float(rng.random()) * self.max_edit_rate
        draws = rng.random(len(words))
        fresh = iter(self._draw(rng, max(2, int(len(words) * rate) + 2)) * 3)
        out: list[str] = []
        for word, draw in zip(words, draws.tolist(), strict=True):
            if draw < rate / 3:
                continue  # deletion
            out.append(next(fresh, "x") if draw < 2 * rate / 3 else word)  # substitution
            if 2 * rate / 3 <= draw < rate:
                out.append(next(fresh, "y"))  # insertion
        if rng.random() < 0.5:
            header = self._draw(rng, 12)
            out = header + out[:-10] + header[:5]
        return " ".join(out)


@dataclass(frozen=True, slots=True)
class SyntheticCorpus:
    """Texts, and for each injected copy the index of the document it copies."""

    texts: list[str]
    source_of: dict[int, int]


def synthetic_corpus(
    documents: int,
    duplicate_share: float = 0.2,
    words_per_doc: int = 650,
    max_edit_rate: float = 0.05,
    seed: int = 0,
) -> SyntheticCorpus:
    """``documents`` texts of about ``words_per_doc`` words (about 4-5 KB), with copies.

    Each copy edits a rate of its source's words drawn uniformly from
    ``[0, max_edit_rate]``; half the copies also get a new header and footer.
    """
    spec = SyntheticSpec(seed, duplicate_share, words_per_doc, max_edit_rate)
    texts = [spec.text(i) for i in range(documents)]
    sources = {i: s for i in range(documents) if (s := spec.source_of(i)) is not None}
    return SyntheticCorpus(texts, sources)


@dataclass(frozen=True, slots=True)
class SyntheticShard:
    """Documents ``start`` to ``stop - 1`` of a synthetic corpus, as a dedup shard."""

    index: int
    start: int
    stop: int
    spec: SyntheticSpec

    def items(self) -> Iterator[Document]:
        for i in range(self.start, self.stop):
            yield Document(id=f"syn{i}", text=self.spec.text(i))
