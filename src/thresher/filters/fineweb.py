"""FineWeb's own quality rules (Penedo et al., 2024) with datatrove's names and defaults.

A document is dropped when fewer than ``line_punct_thr`` of its lines end in terminal
punctuation, more than ``short_line_thr`` of its lines are at most ``short_line_length``
characters, duplicated lines hold more than ``char_duplicates_ratio`` of its characters,
or it has more than ``new_line_ratio`` line breaks per word (a list, not prose).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from thresher.document import Document, Drop
from thresher.filters._common import check_ratio, resolve_profile, store_signals
from thresher.filters._english_data import SENTENCE_ENDS
from thresher.filters.languages import words_of
from thresher.filters.repetition import find_duplicates
from thresher.step import DocStep

_TERMINALS = tuple(SENTENCE_ENDS)


class FineWebReason(StrEnum):
    EMPTY = "fineweb_empty"
    LINE_PUNCT_RATIO = "fineweb_line_punct_ratio"
    SHORT_LINE_RATIO = "fineweb_short_line_ratio"
    CHAR_DUP_RATIO = "fineweb_char_dup_ratio"
    LIST_RATIO = "fineweb_list_ratio"


@dataclass
class FineWebQualityFilter(DocStep):
    """FineWeb's line-punctuation, short-line, duplicate-line and list rules."""

    name = "fineweb_quality"
    line_punct_thr: float = 0.12
    line_punct_exclude_zero: bool = False
    stop_chars: tuple[str, ...] | None = None
    short_line_thr: float = 0.67
    short_line_length: int = 30
    char_duplicates_ratio: float = 0.01
    new_line_ratio: float = 0.3
    language: str | None = None
    signals: bool = False

    def __post_init__(self) -> None:
        for key in ("line_punct_thr", "short_line_thr", "char_duplicates_ratio"):
            check_ratio(self.name, key, getattr(self, key))
        if self.stop_chars is not None:
            self.stop_chars = tuple(self.stop_chars)

    def apply(self, doc: Document) -> Document | Drop:
        text = doc.text
        lines = [line for line in text.split("\n") if line.strip()]
        if not lines:
            return Drop(FineWebReason.EMPTY)
        values: dict[str, Any] = {}
        drop = self._decide(doc, lines, values)
        if self.signals:
            store_signals(doc, values)
        return drop or doc

    def _decide(self, doc: Document, lines: list[str], values: dict[str, Any]) -> Drop | None:
        reason = FineWebReason
        stop_chars = self.stop_chars if self.stop_chars is not None else _TERMINALS
        punct = sum(1 for line in lines if line.endswith(stop_chars)) / len(lines)
        values["fineweb_line_punct_ratio"] = punct
        if punct < self.line_punct_thr and not (punct == 0 and self.line_punct_exclude_zero):
            return Drop(reason.LINE_PUNCT_RATIO, f"{punct:.3f} < {self.line_punct_thr}")
        limit = self.short_line_length
        short = sum(1 for line in lines if len(line) <= limit) / len(lines)
        values["fineweb_short_line_ratio"] = short
        if short > self.short_line_thr:
            return Drop(reason.SHORT_LINE_RATIO, f"{short:.3f} > {self.short_line_thr}")
        text = doc.text
        dup = find_duplicates(lines)[1] / max(len(text) - text.count("\n"), 1)
        values["fineweb_char_dup_ratio"] = dup
        if dup > self.char_duplicates_ratio:
            return Drop(reason.CHAR_DUP_RATIO, f"{dup:.3f} > {self.char_duplicates_ratio}")
        words = words_of(text, resolve_profile(doc, self.language))
        ratio = text.count("\n") / max(len(words), 1)
        values["fineweb_list_ratio"] = ratio
        if ratio > self.new_line_ratio:
            return Drop(reason.LIST_RATIO, f"{ratio:.3f} > {self.new_line_ratio}")
        return None
