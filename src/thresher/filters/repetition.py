"""Gopher's repetition rules (Rae et al., 2021, table A1), with datatrove's defaults.

Duplicate paragraphs and lines (by count and by characters), the share of text covered by
the most frequent 2- to 4-gram, and the share covered by repeated 5- to 10-grams. n-grams
are hashed with a rolling 64-bit polynomial over word ids, so each n costs one pass of
integer work instead of joining strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.filters._common import check_ratio, resolve_profile, store_signals
from thresher.filters.languages import words_of
from thresher.step import DocStep

_PARAGRAPH = re.compile(r"\n{2,}")
_LINES = re.compile(r"\n+")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


class GopherRepetitionReason(StrEnum):
    EMPTY = "gopher_empty"
    DUP_PARA_FRAC = "gopher_dup_para_frac"
    DUP_PARA_CHAR_FRAC = "gopher_dup_para_char_frac"
    DUP_LINE_FRAC = "gopher_dup_line_frac"
    DUP_LINE_CHAR_FRAC = "gopher_dup_line_char_frac"
    TOP_N_GRAM = "gopher_top_n_gram"
    DUPLICATED_N_GRAMS = "gopher_duplicated_n_grams"


def find_duplicates(items: Sequence[str]) -> tuple[int, int]:
    """Elements seen before, and their characters (datatrove's ``find_duplicates``)."""
    seen: set[str] = set()
    count = chars = 0
    for item in items:
        if item in seen:
            count += 1
            chars += len(item)
        else:
            seen.add(item)
    return count, chars


class _NGrams:
    """Rolling hashes of every n-gram of a word sequence, n = 1, 2, ..."""

    def __init__(self, words: Sequence[str]) -> None:
        self.ids = np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).view(np.uint64)
        self.cum = np.zeros(len(words) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, words), dtype=np.int64, count=len(words)), out=self.cum[1:])
        self._n = 1
        self._hashes: npt.NDArray[np.uint64] = self.ids.copy()

    def hashes(self, n: int) -> npt.NDArray[np.uint64]:
        """Hash of the n-gram starting at each position (cheapest with increasing n)."""
        if n < self._n:
            self._n, self._hashes = 1, self.ids.copy()
        with np.errstate(over="ignore"):
            while self._n < n:
                self._n += 1
                self._hashes = self._hashes[:-1] * _MULTIPLIER + self.ids[self._n - 1 :]
        return self._hashes

    def chars(self, n: int) -> npt.NDArray[np.int64]:
        """Characters of each n-gram's words joined without spaces."""
        return self.cum[n:] - self.cum[:-n]


def top_ngram_chars(grams: _NGrams, n: int) -> int:
    """Characters (space-joined) times count of the most frequent n-gram; first seen wins ties."""
    hashes = grams.hashes(n)
    _, first, counts = np.unique(hashes, return_index=True, return_counts=True)
    best = counts.max()
    start = int(first[counts == best].min())
    return (int(grams.chars(n)[start]) + n - 1) * int(best)


def duplicated_ngram_chars(grams: _NGrams, n: int) -> int:
    """Characters in n-grams repeated earlier, skipping past each repeat (datatrove's walk).

    datatrove walks every position, adding each n-gram to a seen set and jumping ``n``
    positions past a repeat (the n-grams jumped over are not added). Only positions whose
    n-gram occurred before at all can be repeats, so the walk visits just those and checks
    whether an earlier occurrence was itself visited.
    """
    hashes = grams.hashes(n)
    _, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
    if len(first) == len(hashes):
        return 0
    first_at = first[inverse]
    candidates = np.flatnonzero(first_at < np.arange(len(hashes))).tolist()
    first_list = first_at.tolist()
    chars = grams.chars(n).tolist()
    skipped: set[int] = set()
    total = resume = 0
    for position in candidates:
        if position < resume:
            continue
        earliest = first_list[position]
        if earliest in skipped and not _visited_before(inverse, position, skipped):
            continue
        total += chars[position]
        skipped.update(range(position + 1, position + n))
        resume = position + n
    return total


def _visited_before(inverse: npt.NDArray[np.intp], position: int, skipped: set[int]) -> bool:
    """True when an earlier occurrence of the n-gram at ``position`` was visited."""
    earlier = np.flatnonzero(inverse[:position] == inverse[position]).tolist()
    return any(index not in skipped for index in earlier)


def _default_top() -> tuple[tuple[int, float], ...]:
    return ((2, 0.2), (3, 0.18), (4, 0.16))


def _default_dup() -> tuple[tuple[int, float], ...]:
    return ((5, 0.15), (6, 0.14), (7, 0.13), (8, 0.12), (9, 0.11), (10, 0.10))


@dataclass
class GopherRepetitionFilter(DocStep):
    """Drop documents made of repeated lines, paragraphs or n-grams (Gopher's thresholds).

    ``top_n_grams`` and ``dup_n_grams`` are ``(n, max_fraction)`` pairs as in datatrove.
    Reasons name the rule: ``gopher_dup_line_frac``, ``gopher_top_n_gram`` (detail says
    which n)... ``signals=True`` writes every measured fraction to ``doc.meta["signals"]``
    (computing all of them, which is slower than stopping at the first failed rule).
    """

    name = "gopher_repetition"
    dup_line_frac: float | None = 0.3
    dup_para_frac: float | None = 0.3
    dup_line_char_frac: float | None = 0.2
    dup_para_char_frac: float | None = 0.2
    top_n_grams: tuple[tuple[int, float], ...] = field(default_factory=_default_top)
    dup_n_grams: tuple[tuple[int, float], ...] = field(default_factory=_default_dup)
    language: str | None = None
    signals: bool = False

    def __post_init__(self) -> None:
        for key in ("dup_line_frac", "dup_para_frac", "dup_line_char_frac", "dup_para_char_frac"):
            check_ratio(self.name, key, getattr(self, key))
        self.top_n_grams = tuple((int(n), float(f)) for n, f in self.top_n_grams)
        self.dup_n_grams = tuple((int(n), float(f)) for n, f in self.dup_n_grams)
        for key in ("top_n_grams", "dup_n_grams"):
            pairs: tuple[tuple[int, float], ...] = getattr(self, key)
            if any(n < 1 for n, _ in pairs) or [n for n, _ in pairs] != sorted(n for n, _ in pairs):
                raise ConfigError(f"{self.name}.{key} needs increasing n >= 1")

    def apply(self, doc: Document) -> Document | Drop:
        text = doc.text
        if not text:
            return Drop(GopherRepetitionReason.EMPTY)
        measured: dict[str, float] = {}
        drop = self._structure(text, measured) or self._ngrams(doc, measured)
        if self.signals:
            store_signals(doc, measured)
        return drop or doc

    def _structure(self, text: str, measured: dict[str, float]) -> Drop | None:
        reason = GopherRepetitionReason
        failed: Drop | None = None
        paragraphs = _PARAGRAPH.split(text.strip())
        count, chars = find_duplicates(paragraphs)
        lines = _LINES.split(text)
        line_count, line_chars = find_duplicates(lines)
        checks = (
            ("gopher_dup_para_frac", count / len(paragraphs), self.dup_para_frac, reason.DUP_PARA_FRAC),
            (
                "gopher_dup_para_char_frac",
                chars / len(text),
                self.dup_para_char_frac,
                reason.DUP_PARA_CHAR_FRAC,
            ),
            ("gopher_dup_line_frac", line_count / len(lines), self.dup_line_frac, reason.DUP_LINE_FRAC),
            (
                "gopher_dup_line_char_frac",
                line_chars / len(text),
                self.dup_line_char_frac,
                reason.DUP_LINE_CHAR_FRAC,
            ),
        )
        for key, value, limit, why in checks:
            measured[key] = value
            if failed is None and limit and value > limit:
                failed = Drop(why, f"{value:.3f} > {limit}")
                if not self.signals:
                    return failed
        return failed

    def _ngrams(self, doc: Document, measured: dict[str, float]) -> Drop | None:
        reason = GopherRepetitionReason
        text = doc.text
        profile = resolve_profile(doc, self.language)
        words = words_of(text, profile)
        grams = _NGrams(words)
        scale = profile.ngram_scale
        failed: Drop | None = None
        for n, limit in self.top_n_grams:
            if len(words) < n * scale:
                continue
            value = top_ngram_chars(grams, n * scale) / len(text)
            measured[f"gopher_top_{n}_gram_frac"] = value
            if failed is None and value > limit:
                failed = Drop(reason.TOP_N_GRAM, f"n={n}: {value:.3f} > {limit}")
                if not self.signals:
                    return failed
        for n, limit in self.dup_n_grams:
            size = n * scale
            value = duplicated_ngram_chars(grams, size) / len(text) if len(words) >= size else 0.0
            measured[f"gopher_dup_{n}_gram_char_frac"] = value
            if failed is None and value > limit:
                failed = Drop(reason.DUPLICATED_N_GRAMS, f"n={n}: {value:.3f} > {limit}")
                if not self.signals:
                    return failed
        return failed
