"""Gopher's document quality rules (Rae et al., 2021, appendix A), with datatrove's names.

``GopherQualityFilter(**thresholds).apply(doc)`` answers the document or a ``Drop`` whose
reason is datatrove's (``gopher_short_doc``, ``gopher_below_alpha_threshold``...). Every
threshold set to ``None`` (or 0, as in datatrove) turns its rule off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from thresher.document import Document, Drop
from thresher.filters._common import (
    check_non_negative,
    check_ratio,
    is_symbol_word,
    resolve_profile,
    store_signals,
)
from thresher.filters.languages import ENGLISH, LanguageProfile, words_of
from thresher.step import DocStep


class GopherQualityReason(StrEnum):
    SHORT_DOC = "gopher_short_doc"
    LONG_DOC = "gopher_long_doc"
    BELOW_AVG_WORD_LENGTH = "gopher_below_avg_threshold"
    ABOVE_AVG_WORD_LENGTH = "gopher_above_avg_threshold"
    TOO_MANY_HASHES = "gopher_too_many_hashes"
    TOO_MANY_ELLIPSIS = "gopher_too_many_ellipsis"
    TOO_MANY_BULLETS = "gopher_too_many_bullets"
    TOO_MANY_END_ELLIPSIS = "gopher_too_many_end_ellipsis"
    BELOW_ALPHA_THRESHOLD = "gopher_below_alpha_threshold"
    NOT_ENOUGH_STOP_WORDS = "gopher_enough_stop_words"


def gopher_quality_signals(
    text: str, profile: LanguageProfile, punctuation_is_word: bool = True
) -> dict[str, Any]:
    """The numbers Gopher's quality rules compare, for ``text`` in the profile's language.

    ``punctuation_is_word``: whether punctuation tokens count in the letter ratio's
    denominator (datatrove's behaviour, as its tokenizer splits off every comma).
    """
    words = words_of(text, profile)
    n_words = len(words)
    content = [word for word in words if not is_symbol_word(word)]
    lines = text.splitlines()
    n_lines = len(lines) or 1
    divisor = n_words or 1
    return {
        "gopher_n_words": n_words,
        "gopher_n_non_symbol_words": len(content),
        "gopher_avg_word_length": (sum(map(len, content)) / len(content) if content else 0.0),
        "gopher_hash_ratio": text.count("#") / divisor,
        "gopher_ellipsis_ratio": (text.count("...") + text.count("…")) / divisor,
        "gopher_bullet_lines_ratio": sum(line.lstrip().startswith(("•", "-")) for line in lines) / n_lines,
        "gopher_end_ellipsis_lines_ratio": sum(line.rstrip().endswith(("...", "…")) for line in lines)
        / n_lines,
        "gopher_alpha_words_ratio": _alpha_ratio(words if punctuation_is_word else content),
        "gopher_stop_words": profile.count_stop_words(list(words)),
    }


def _alpha_ratio(words: Sequence[str]) -> float:
    """Share of ``words`` with a letter.

    Pass every token to count punctuation as words, as datatrove does (its tokens split off
    every comma), or only the words with a letter or digit, which is the Gopher paper's
    intent and does not punish prose rich in punctuation, numbers and prices.
    """
    if not words:
        return 0.0
    return sum(1 for word in words if word.isalpha() or any(c.isalpha() for c in word)) / len(words)


@dataclass
class GopherQualityFilter(DocStep):
    """Drop documents that fail one of Gopher's quality heuristics.

    Rules in order (datatrove's defaults): 50 to 100,000 words that are not only
    punctuation; their mean length 3 to 10 characters (space-segmented languages only);
    ``#`` and ellipses at most 0.1 per word; at most 90 % of lines starting with a bullet
    and 30 % ending with an ellipsis; at least 80 % of words with a letter; at least
    ``min_stop_words`` distinct stop words of the document's language (skipped for a
    language without a stop-word list). ``language=None`` reads ``doc.meta["language"]``
    and falls back to English. ``signals=True`` writes the measured values to
    ``doc.meta["signals"]``.

    ``punctuation_is_word``: whether punctuation tokens count as words in the 80 % letter
    rule. ``None`` (default) follows datatrove for English (they count, so news with many
    numbers and quotes can fall to 0.75) and the paper's intent elsewhere (they do not).
    """

    name = "gopher_quality"
    min_doc_words: int | None = 50
    max_doc_words: int | None = 100000
    min_avg_word_length: float | None = 3
    max_avg_word_length: float | None = 10
    max_symbol_word_ratio: float | None = 0.1
    max_bullet_lines_ratio: float | None = 0.9
    max_ellipsis_lines_ratio: float | None = 0.3
    max_non_alpha_words_ratio: float | None = 0.8
    min_stop_words: int | None = 2
    stop_words: list[str] | None = None
    language: str | None = None
    signals: bool = False
    punctuation_is_word: bool | None = None

    def __post_init__(self) -> None:
        for key in (
            "min_doc_words",
            "max_doc_words",
            "min_avg_word_length",
            "max_avg_word_length",
            "max_symbol_word_ratio",
            "min_stop_words",
        ):
            check_non_negative(self.name, key, getattr(self, key))
        for key in ("max_bullet_lines_ratio", "max_ellipsis_lines_ratio", "max_non_alpha_words_ratio"):
            check_ratio(self.name, key, getattr(self, key))

    def apply(self, doc: Document) -> Document | Drop:
        profile = resolve_profile(doc, self.language)
        if self.stop_words is not None:
            profile = LanguageProfile(profile.code, profile.spaced, frozenset(self.stop_words), False)
        punctuation = self.punctuation_is_word
        if punctuation is None:
            punctuation = profile.code == ENGLISH
        values = gopher_quality_signals(doc.text, profile, punctuation)
        if self.signals:
            store_signals(doc, values)
        return self._decide(values, profile) or doc

    def _decide(self, v: dict[str, Any], profile: LanguageProfile) -> Drop | None:
        reason = GopherQualityReason
        n_content = v["gopher_n_non_symbol_words"]
        n_equivalent = n_content / profile.ngram_scale  # 2 Han or kana characters ~ 1 word
        if self.min_doc_words and n_equivalent < self.min_doc_words:
            return Drop(reason.SHORT_DOC, f"{n_equivalent:g} words < {self.min_doc_words}")
        if self.max_doc_words and n_equivalent > self.max_doc_words:
            return Drop(reason.LONG_DOC, f"{n_equivalent:g} words > {self.max_doc_words}")
        if not v["gopher_n_words"]:
            return Drop(reason.SHORT_DOC, "no words")
        avg = v["gopher_avg_word_length"]
        if profile.checks_word_length and n_content:
            if self.min_avg_word_length and avg < self.min_avg_word_length:
                return Drop(reason.BELOW_AVG_WORD_LENGTH, f"{avg:.2f} < {self.min_avg_word_length}")
            if self.max_avg_word_length and avg > self.max_avg_word_length:
                return Drop(reason.ABOVE_AVG_WORD_LENGTH, f"{avg:.2f} > {self.max_avg_word_length}")
        return self._decide_ratios(v)

    def _decide_ratios(self, v: dict[str, Any]) -> Drop | None:
        reason = GopherQualityReason
        limit = self.max_symbol_word_ratio
        if limit and v["gopher_hash_ratio"] > limit:
            return Drop(reason.TOO_MANY_HASHES, f"{v['gopher_hash_ratio']:.3f} > {limit}")
        if limit and v["gopher_ellipsis_ratio"] > limit:
            return Drop(reason.TOO_MANY_ELLIPSIS, f"{v['gopher_ellipsis_ratio']:.3f} > {limit}")
        bullets = v["gopher_bullet_lines_ratio"]
        if self.max_bullet_lines_ratio and bullets > self.max_bullet_lines_ratio:
            return Drop(reason.TOO_MANY_BULLETS, f"{bullets:.3f} > {self.max_bullet_lines_ratio}")
        ends = v["gopher_end_ellipsis_lines_ratio"]
        if self.max_ellipsis_lines_ratio and ends > self.max_ellipsis_lines_ratio:
            return Drop(reason.TOO_MANY_END_ELLIPSIS, f"{ends:.3f} > {self.max_ellipsis_lines_ratio}")
        alpha = v["gopher_alpha_words_ratio"]
        if self.max_non_alpha_words_ratio and alpha < self.max_non_alpha_words_ratio:
            return Drop(reason.BELOW_ALPHA_THRESHOLD, f"{alpha:.3f} < {self.max_non_alpha_words_ratio}")
        stops = v["gopher_stop_words"]
        if self.min_stop_words and stops is not None and stops < self.min_stop_words:
            return Drop(reason.NOT_ENOUGH_STOP_WORDS, f"{stops} < {self.min_stop_words}")
        return None
